package chainrule.expr;

import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Generic walking and rebuilding of expression trees, so rewriting passes need no per-node code. */
public final class Traverse {
    private Traverse() {}

    public static List<Expr> children(Expr e) {
        return switch (e) {
            case Var v -> List.of();
            case Num n -> List.of();
            case Size s -> List.of();
            case Zero z -> List.of();
            case Identity i -> List.of();
            case Ones o -> List.of();
            case Commutation k -> List.of();
            case Add a -> a.terms();
            case Neg n -> List.of(n.a());
            case MatMul m -> List.of(m.a(), m.b());
            case Scale s -> List.of(s.s(), s.a());
            case Hadamard h -> List.of(h.a(), h.b());
            case Divide d -> List.of(d.a(), d.b());
            case Power p -> List.of(p.a());
            case PowerBy p -> List.of(p.a(), p.p());
            case Extremum x -> List.of(x.a());
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
            case Derivative d -> List.of(d.of());
        };
    }

    /** The same node over new children, built through the smart constructors (so it folds). */
    public static Expr withChildren(Expr e, List<Expr> c) {
        return switch (e) {
            case Var v -> v;
            case Num n -> n;
            case Size s -> s;
            case Zero z -> z;
            case Identity i -> i;
            case Ones o -> o;
            case Commutation k -> k;
            case Add a -> Ex.add(c);
            case Neg n -> Ex.neg(c.get(0));
            case MatMul m -> Ex.matmul(c.get(0), c.get(1));
            case Scale s -> Ex.scale(c.get(0), c.get(1));
            case Hadamard h -> Ex.hadamard(c.get(0), c.get(1));
            case Divide d -> Ex.divide(c.get(0), c.get(1));
            case Power p -> Ex.power(c.get(0), p.p());
            case PowerBy p -> Ex.powerBy(c.get(0), c.get(1));
            case Extremum x -> Ex.extremum(x.max(), x.axis(), c.get(0));
            case Transpose t -> Ex.transpose(c.get(0));
            case Apply a -> Ex.applyD(a.fn(), a.order(), c.get(0));
            case OpaqueScalar o -> Ex.opaqueScalar(o.name(), o.order(), c.get(0));
            case Softmax s -> Ex.softmax(s.kind(), c.get(0));
            case Reduce r -> Ex.reduce(r.axis(), c.get(0));
            case Broadcast b -> Ex.broadcast(c.get(0), b.shape());
            case MatFn m -> Ex.matfn(m.op(), c.get(0));
            case DiagMatrix d -> Ex.diagMatrix(c.get(0));
            case DiagPart d -> Ex.diagPart(c.get(0));
            case Kron k -> Ex.kron(c.get(0), c.get(1));
            case Reshape r -> Ex.reshape(c.get(0), r.shape());
            case Slice s -> Ex.slice(c.get(0), s.rows(), s.cols());
            case Concat k -> Ex.concat(k.axis(), c);
            case Derivative d -> c.get(0) == d.of() ? d : Ex.derivative(c.get(0), d.wrt());
        };
    }

    /** Rewrites bottom-up: children first, then the node itself. Shared subtrees are rewritten once. */
    public static Expr bottomUp(Expr e, UnaryOperator<Expr> f) {
        return bottomUp(e, f, new IdentityHashMap<>());
    }

    private static Expr bottomUp(Expr e, UnaryOperator<Expr> f, Map<Expr, Expr> memo) {
        Expr done = memo.get(e);
        if (done != null) return done;
        List<Expr> kids = children(e);
        Expr rebuilt = e;
        if (!kids.isEmpty()) {
            List<Expr> next = new ArrayList<>(kids.size());
            boolean changed = false;
            for (Expr k : kids) {
                Expr n = bottomUp(k, f, memo);
                changed |= n != k;
                next.add(n);
            }
            if (changed) rebuilt = withChildren(e, next);
        }
        Expr out = f.apply(rebuilt);
        memo.put(e, out);
        return out;
    }

    /** Whether any node satisfies p; a subtree shared by several parents is looked at once. */
    public static boolean any(Expr e, Predicate<Expr> p) {
        return any(e, p, new IdentityHashMap<>());
    }

    private static boolean any(Expr e, Predicate<Expr> p, Map<Expr, Boolean> seen) {
        if (seen.put(e, Boolean.TRUE) != null) return false;
        if (p.test(e)) return true;
        for (Expr c : children(e)) {
            if (any(c, p, seen)) return true;
        }
        return false;
    }

    /**
     * The number of nodes written out as a tree, a measure of how long an answer reads. Shared
     * subtrees are counted as often as they occur but walked once; the count stops growing at
     * Integer.MAX_VALUE.
     */
    public static int size(Expr e) {
        return size(e, new IdentityHashMap<>());
    }

    /** The same, remembering the size of every node it meets in memo (by identity), across calls. */
    public static int size(Expr e, Map<Expr, Integer> memo) {
        Integer known = memo.get(e);
        if (known != null) return known;
        long n = 1;
        for (Expr c : children(e)) n += size(c, memo);
        int out = (int) Math.min(n, Integer.MAX_VALUE);
        memo.put(e, out);
        return out;
    }

    /** Whether e has more than limit nodes written out as a tree; looks at no more than limit + 1 of them. */
    public static boolean larger(Expr e, int limit) {
        int[] budget = {limit + 1};
        count(e, budget);
        return budget[0] <= 0;
    }

    private static void count(Expr e, int[] budget) {
        if (--budget[0] <= 0) return;
        for (Expr c : children(e)) {
            count(c, budget);
            if (budget[0] <= 0) return;
        }
    }

    public static Expr replace(Expr e, Expr target, Expr with) {
        return bottomUp(e, x -> x.equals(target) ? with : x);
    }
}
