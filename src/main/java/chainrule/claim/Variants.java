package chainrule.claim;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Traverse;
import chainrule.expr.Spelling;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The usual mistakes, made on purpose: the correct derivative transposed, with a term or a
 * factor left out, or with a transpose missing (a constant factor is found by Factors). A wrong
 * claim that equals one of these is diagnosed by its name, once one of the variant's
 * corrections of the claim as written ({@code fixes}) has been found correct.
 */
final class Variants {
    private static final int MAX = 120;

    /** fixes: the claim, corrected as the mistake's words tell the user to. */
    record Variant(String mistake, Expr value, Function<Expr, List<Expr>> fixes) {}

    private Variants() {}

    static List<Variant> of(Expr e, Spelling text, Program program) {
        List<Variant> out = new ArrayList<>();
        if (e.shape().isSquare() && !e.shape().isScalar()) {
            out.add(new Variant("it is the transpose of the derivative (numerator layout where the gradient has the variable's shape)",
                    Ex.transpose(e), c -> List.of(Ex.transpose(c))));
        }
        collect(e, e, null, text, program, out);
        return out.size() > MAX ? out.subList(0, MAX) : out;
    }

    /** "the activation derivative sigmoid'(z1) = h1 .* (1 - h1) is missing", or plainly the factor. */
    private static String missing(Expr run, Spelling text, Program program) {
        for (Program.Definition d : program.definitions()) {
            if (d.body() instanceof Apply a && a.order() == 0 && a.fn() instanceof Builtin b
                    && b.derivativeFromValue(d.var()).filter(run::equals).isPresent()) {
                return "the activation derivative " + b.fname() + "'(" + text.render(a.a()) + ") = " + text.render(run) + " is missing";
            }
        }
        return "the factor " + text.render(run) + " is missing";
    }

    /** The factors of a chain a .* b .* c, left to right. */
    private static List<Expr> hadamardFactors(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Hadamard h) {
            out.addAll(hadamardFactors(h.a()));
            out.addAll(hadamardFactors(h.b()));
        } else {
            out.add(e);
        }
        return out;
    }

    private static Expr hadamardOf(List<Expr> fs) {
        Expr out = fs.get(0);
        for (int i = 1; i < fs.size(); i++) out = Ex.hadamard(out, fs.get(i));
        return out;
    }

    /**
     * In a chain g .* h .* (1 - h): leaving out a run of factors (a missing activation derivative),
     * and the activation derivative taken at the activation's output instead of its input.
     */
    private static void chain(Expr root, Hadamard top, Spelling text, Program program, List<Variant> out) {
        List<Expr> fs = hadamardFactors(top);
        for (int from = 1; from < fs.size(); from++) {
            for (int to = from + 1; to <= fs.size(); to++) {
                if (to - from == 1) continue; // single factors are tried node by node
                List<Expr> kept = new ArrayList<>(fs.subList(0, from));
                kept.addAll(fs.subList(to, fs.size()));
                Expr run = hadamardOf(fs.subList(from, to));
                out.add(new Variant(missing(run, text, program),
                        replace(root, top, hadamardOf(kept)), c -> Fixes.withFactor(c, run)));
            }
        }
        for (int i = 1; i < fs.size(); i++) {
            List<Expr> doubled = new ArrayList<>(fs);
            doubled.add(i, fs.get(i));
            out.add(new Variant("an extra factor " + text.render(fs.get(i)) + ": it is there twice",
                    replace(root, top, hadamardOf(doubled)), Fixes::droppedFactor));
        }
        for (Program.Definition d : program.definitions()) {
            if (!(d.body() instanceof Apply a) || a.order() != 0 || !(a.fn() instanceof Builtin b)) continue;
            var form = b.derivativeFromValue(d.var());
            if (form.isEmpty()) continue;
            List<Expr> pattern = hadamardFactors(form.get());
            for (int i = 0; i + pattern.size() <= fs.size(); i++) {
                if (!fs.subList(i, i + pattern.size()).equals(pattern)) continue;
                List<Expr> changed = new ArrayList<>(fs.subList(0, i));
                changed.add(Ex.applyD(b, 1, d.var()));
                changed.addAll(fs.subList(i + pattern.size(), fs.size()));
                Expr output = d.var(), input = a.a();
                out.add(new Variant(b.fname() + "' is taken at " + d.name() + ", the activation's output; it belongs at its input: "
                        + b.fname() + "'(" + text.render(a.a()) + ") = " + text.render(form.get()),
                        replace(root, top, hadamardOf(changed)),
                        c -> Fixes.at(c, n -> n instanceof Apply f && f.order() >= 1 && f.a().equals(output),
                                n -> Ex.applyD(((Apply) n).fn(), ((Apply) n).order(), input))));
            }
        }
    }

    private static void collect(Expr root, Expr node, Expr parent, Spelling text, Program program, List<Variant> out) {
        if (out.size() > MAX) return;
        if (node instanceof Hadamard h && !(parent instanceof Hadamard)) chain(root, h, text, program, out);
        switch (node) {
            case Add a -> {
                for (Expr t : a.terms()) {
                    List<Expr> rest = new ArrayList<>(a.terms());
                    rest.remove(t);
                    List<Expr> flipped = new ArrayList<>(a.terms());
                    flipped.set(flipped.indexOf(t), Ex.neg(t));
                    out.add(new Variant("the term " + text.render(t) + " has the wrong sign",
                            replace(root, node, Ex.add(flipped)), Fixes::flippedTerm));
                    out.add(new Variant("a term is missing: " + text.render(t)
                            + " (a path to the variable is left out: a skip connection, a second use of a shared weight, or a bias)",
                            replace(root, node, Ex.add(rest)), c -> Fixes.withTerm(c, t)));
                }
            }
            case Apply f when f.fn() == Builtin.SIGN && f.order() == 0 -> out.add(new Variant(
                    "the factor abs'(" + text.render(f.a()) + ") = " + text.render(f) + " is missing",
                    replace(root, node, Ex.ones(f.shape())), c -> Fixes.withFactor(c, f)));
            case Apply f when f.order() >= 1 -> out.add(new Variant(
                    "the activation derivative " + text.render(f) + " is missing", replace(root, node, Ex.ones(f.shape())),
                    c -> Fixes.withFactor(c, f)));
            case Hadamard h -> {
                out.add(new Variant("the factor " + text.render(h.b()) + " is missing", replace(root, node, h.a()),
                        c -> Fixes.withFactor(c, h.b())));
                out.add(new Variant("the factor " + text.render(h.a()) + " is missing", replace(root, node, h.b()),
                        c -> Fixes.withFactor(c, h.a())));
            }
            case DiagMatrix d -> out.add(new Variant("the factor " + text.render(d) + " is missing",
                    replace(root, node, Ex.identity(d.shape().rows())), c -> Fixes.withFactor(c, d)));
            case Transpose t when t.a().shape().isSquare() && !t.a().shape().isScalar() -> out.add(new Variant(
                    "the factor " + text.render(t.a()) + " is missing its transpose: it should be " + text.render(t),
                    replace(root, node, t.a()), c -> Fixes.at(c, t.a()::equals, Ex::transpose)));
            // the claim has v' where the answer has v
            case Var v when v.shape().isSquare() && !v.shape().isScalar() -> out.add(new Variant(
                    "the factor " + text.render(Ex.transpose(v)) + " should be " + text.render(v) + ", without the transpose",
                    replace(root, node, Ex.transpose(v)),
                    c -> Fixes.at(c, n -> n instanceof Transpose t && t.a().equals(v), n -> v)));
            default -> { }
        }
        for (Expr c : Traverse.children(node)) collect(root, c, node, text, program, out);
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
