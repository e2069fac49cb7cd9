package chainrule.eval;

import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The direct subexpressions of a node, and walks over a tree. */
final class Children {
    private Children() {}

    static List<Expr> of(Expr e) {
        return switch (e) {
            case Var v -> List.of();
            case Num n -> List.of();
            case Size s -> List.of();
            case Zero z -> List.of();
            case Identity i -> List.of();
            case Ones o -> List.of();
            case Add a -> a.terms();
            case Neg n -> List.of(n.a());
            case MatMul m -> List.of(m.a(), m.b());
            case Scale s -> List.of(s.s(), s.a());
            case Hadamard h -> List.of(h.a(), h.b());
            case Divide d -> List.of(d.a(), d.b());
            case Power p -> List.of(p.a());
            case Transpose t -> List.of(t.a());
            case Apply a -> List.of(a.a());
            case OpaqueScalar o -> List.of(o.a());
            case Softmax s -> List.of(s.a());
            case Reduce r -> List.of(r.a());
            case Broadcast b -> List.of(b.a());
            case MatFn m -> List.of(m.a());
            case DiagMatrix d -> List.of(d.v());
            case DiagPart d -> List.of(d.m());
            case Kron k -> List.of(k.a(), k.b());
            case Reshape r -> List.of(r.a());
            case Slice s -> List.of(s.a());
            case Concat c -> c.parts();
            // a derivative's value generally depends on the point, its variable included
            case Derivative d -> List.of(d.of(), d.wrt());
        };
    }

    /** Visits every node once (shared subtrees once), parents before children. */
    static void walk(Expr root, Consumer<Expr> visit) {
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Expr> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Expr e = stack.remove(stack.size() - 1);
            if (!seen.add(e)) continue;
            visit.accept(e);
            stack.addAll(of(e));
        }
    }

    /** The names of the variables an expression reads. */
    static Set<String> variables(Expr root) {
        Set<String> names = new LinkedHashSet<>();
        walk(root, e -> {
            if (e instanceof Var v) names.add(v.name());
        });
        return names;
    }
}
