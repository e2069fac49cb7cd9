package chainrule.claim;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Traverse;
import chainrule.render.Text;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usual mistakes, made on purpose: the correct derivative transposed, with a sign or a factor
 * of 2 off, with a term or a factor left out, or with a transpose missing. A wrong claim that
 * equals one of these is diagnosed by its name.
 */
final class Variants {
    private static final int MAX = 60;

    record Variant(String mistake, Expr value) {}

    private Variants() {}

    static List<Variant> of(Expr e, Text text) {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant("the sign is wrong", Ex.neg(e)));
        out.add(new Variant("it is twice the derivative: a factor of 2 too many", Ex.scale(Ex.num(2), e)));
        out.add(new Variant("it is half the derivative: a factor of 2 is missing", Ex.scale(Ex.num(0.5), e)));
        if (e.shape().isSquare() && !e.shape().isScalar()) {
            out.add(new Variant("it is the transpose of the derivative (numerator layout where the gradient has the variable's shape)",
                    Ex.transpose(e)));
        }
        collect(e, e, text, out);
        return out.size() > MAX ? out.subList(0, MAX) : out;
    }

    private static void collect(Expr root, Expr node, Text text, List<Variant> out) {
        if (out.size() > MAX) return;
        switch (node) {
            case Add a -> {
                for (Expr t : a.terms()) {
                    List<Expr> rest = new ArrayList<>(a.terms());
                    rest.remove(t);
                    out.add(new Variant("a term is missing: " + text.render(t)
                            + " (a path to the variable is left out: a skip connection, a second use of a shared weight, or a bias)",
                            replace(root, node, Ex.add(rest))));
                }
            }
            case Apply f when f.fn() == Builtin.SIGN && f.order() == 0 -> out.add(new Variant(
                    "the factor abs'(" + text.render(f.a()) + ") = " + text.render(f) + " is missing",
                    replace(root, node, Ex.ones(f.shape()))));
            case Apply f when f.order() >= 1 -> out.add(new Variant(
                    "the activation derivative " + text.render(f) + " is missing", replace(root, node, Ex.ones(f.shape()))));
            case Hadamard h -> {
                out.add(new Variant("the factor " + text.render(h.b()) + " is missing", replace(root, node, h.a())));
                out.add(new Variant("the factor " + text.render(h.a()) + " is missing", replace(root, node, h.b())));
            }
            case DiagMatrix d -> out.add(new Variant("the factor " + text.render(d) + " is missing",
                    replace(root, node, Ex.identity(d.shape().rows()))));
            case Transpose t when t.a().shape().isSquare() && !t.a().shape().isScalar() -> out.add(new Variant(
                    "the factor " + text.render(t.a()) + " is missing its transpose: it should be " + text.render(t),
                    replace(root, node, t.a())));
            case Var v when v.shape().isSquare() && !v.shape().isScalar() -> out.add(new Variant(
                    "the factor " + text.render(v) + " should be transposed: " + text.render(Ex.transpose(v)),
                    replace(root, node, Ex.transpose(v))));
            default -> { }
        }
        for (Expr c : Traverse.children(node)) collect(root, c, text, out);
    }

    /** The tree with one node (this very node, not any equal one) replaced. */
    static Expr replace(Expr root, Expr target, Expr with) {
        Map<Expr, Boolean> seen = new IdentityHashMap<>();
        return rebuild(root, target, with, seen);
    }

    private static Expr rebuild(Expr e, Expr target, Expr with, Map<Expr, Boolean> seen) {
        if (e == target) return with;
        List<Expr> kids = Traverse.children(e);
        if (kids.isEmpty()) return e;
        List<Expr> next = new ArrayList<>();
        boolean changed = false;
        for (Expr k : kids) {
            Expr n = rebuild(k, target, with, seen);
            changed |= n != k;
            next.add(n);
        }
        if (!changed) return e;
        try {
            return Traverse.withChildren(e, next);
        } catch (IllegalArgumentException shapeChanged) {
            return e;
        }
    }
}
