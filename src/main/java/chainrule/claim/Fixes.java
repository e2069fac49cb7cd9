package chainrule.claim;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Traverse;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Corrections of a claim as the user wrote it, one local edit each: what a diagnosis tells the
 * user to do. A diagnosis is printed only where one of its corrections turns out correct.
 */
final class Fixes {
    /** Enough for any claim a person writes; a larger one is only partly searched. */
    private static final int MAX_NODES = 200;

    private Fixes() {}

    /** The claim with one node (each node that matches, in turn) edited; edits that break a shape are left out. */
    static List<Expr> at(Expr claim, Predicate<Expr> match, Function<Expr, Expr> edit) {
        List<Expr> out = new ArrayList<>();
        for (Expr node : nodes(claim)) {
            if (!match.test(node)) continue;
            try {
                Expr changed = Variants.replace(claim, node, edit.apply(node));
                if (changed != claim && changed.shape().equals(claim.shape())) out.add(changed);
            } catch (IllegalArgumentException shapeChanged) {
                // this edit does not fit here
            }
        }
        return out;
    }

    /** The factor f put back beside one part of the claim: elementwise, as a scale, or a diagonal on either side. */
    static List<Expr> withFactor(Expr claim, Expr f) {
        List<Expr> out = new ArrayList<>();
        if (f.shape().isScalar()) out.add(Ex.scale(f, claim));
        out.addAll(at(claim, n -> n.shape().equals(f.shape()) && !f.shape().isScalar(), n -> Ex.hadamard(n, f)));
        if (f instanceof DiagMatrix) {
            out.addAll(at(claim, n -> n.shape().rows().equals(f.shape().cols()), n -> Ex.matmul(f, n)));
            out.addAll(at(claim, n -> n.shape().cols().equals(f.shape().rows()), n -> Ex.matmul(n, f)));
        }
        return out;
    }

    /** The term t added to one part of the claim of its shape. */
    static List<Expr> withTerm(Expr claim, Expr t) {
        return at(claim, n -> n.shape().equals(t.shape()), n -> Ex.add(n, t));
    }

    /** One term of one sum of the claim with its sign flipped. */
    static List<Expr> flippedTerm(Expr claim) {
        List<Expr> out = new ArrayList<>();
        for (Expr node : nodes(claim)) {
            if (!(node instanceof Add a)) continue;
            for (int i = 0; i < a.terms().size(); i++) {
                List<Expr> terms = new ArrayList<>(a.terms());
                terms.set(i, Ex.neg(terms.get(i)));
                out.add(Variants.replace(claim, node, Ex.add(terms)));
            }
        }
        return out;
    }

    /** One factor of one elementwise product of the claim left out. */
    static List<Expr> droppedFactor(Expr claim) {
        List<Expr> out = new ArrayList<>();
        for (Expr node : nodes(claim)) {
            if (node instanceof Hadamard h) {
                out.add(Variants.replace(claim, node, h.a()));
                out.add(Variants.replace(claim, node, h.b()));
            }
        }
        return out;
    }

    /** Every node of the claim once, outside the derivative terms it names (their insides are not the user's to fix). */
    static List<Expr> nodes(Expr claim) {
        List<Expr> out = new ArrayList<>();
        Map<Expr, Boolean> seen = new IdentityHashMap<>();
        collect(claim, out, seen);
        return out;
    }

    private static void collect(Expr e, List<Expr> out, Map<Expr, Boolean> seen) {
        if (out.size() >= MAX_NODES || seen.put(e, Boolean.TRUE) != null) return;
        out.add(e);
        if (e instanceof Derivative) return;
        for (Expr c : Traverse.children(e)) collect(c, out, seen);
    }
}
