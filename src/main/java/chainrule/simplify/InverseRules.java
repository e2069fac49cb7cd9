package chainrule.simplify;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Inverses that meet what they invert. */
final class InverseRules {
    private InverseRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(MatMul.class, "inv(A)*A is the identity", InverseRules::inversePairs),
                Rule.on(MatMul.class, "A'*inv(A*X)' is inv(X)'", InverseRules::inverseOfProduct));
    }

    /** inv(A)*A = A*inv(A) = I, and inv(A)'*A' = I, anywhere along a product. Lowers the number of factors. */
    static Optional<Expr> inversePairs(MatMul e) {
        List<Expr> fs = SumRules.factors(e);
        for (int i = 0; i + 1 < fs.size(); i++) {
            if (inverses(fs.get(i), fs.get(i + 1)) || inverses(fs.get(i + 1), fs.get(i))) {
                List<Expr> rest = new ArrayList<>(fs.subList(0, i));
                rest.addAll(fs.subList(i + 2, fs.size()));
                Dim n = fs.get(i).shape().rows();
                return Optional.of(SumRules.product(rest, n));
            }
        }
        return Optional.empty();
    }

    /**
     * A neighbour that cancels an end of an inverted product of square matrices:
     * A'*inv(A*X*B)'*B' = inv(X)', since inv(A*X*B) = inv(B)*inv(X)*inv(A). Lowers the number of factors.
     */
    static Optional<Expr> inverseOfProduct(MatMul e) {
        List<Expr> fs = SumRules.factors(e);
        for (int i = 0; i < fs.size(); i++) {
            boolean transposed = fs.get(i) instanceof Transpose t && t.a() instanceof MatFn;
            Expr inner = transposed ? ((Transpose) fs.get(i)).a() : fs.get(i);
            if (!(inner instanceof MatFn m) || m.op() != MatOp.INV || !(m.a() instanceof MatMul)) continue;
            List<Expr> p = SumRules.factors(m.a());
            if (p.size() < 2 || !p.stream().allMatch(f -> f.shape().isSquare())) continue;
            // the product as the neighbours see it: transposed, its factors reverse and transpose
            List<Expr> q = new ArrayList<>();
            for (Expr f : p) q.add(transposed ? Ex.transpose(f) : f);
            if (transposed) Collections.reverse(q);
            boolean left = i > 0 && fs.get(i - 1).equals(q.get(q.size() - 1));
            boolean right = i + 1 < fs.size() && fs.get(i + 1).equals(q.get(0));
            if (!left && !right) continue;
            List<Expr> rest = new ArrayList<>(q);
            if (left) rest.remove(rest.size() - 1);
            if (right && !rest.isEmpty()) rest.remove(0);
            Expr remaining;
            if (rest.isEmpty()) {
                remaining = Ex.identity(fs.get(i).shape().rows());
            } else if (transposed) {
                List<Expr> back = new ArrayList<>();
                for (Expr f : rest) back.add(Ex.transpose(f));
                Collections.reverse(back);
                remaining = Ex.transpose(Ex.matfn(MatOp.INV, SumRules.product(back, null)));
            } else {
                remaining = Ex.matfn(MatOp.INV, SumRules.product(rest, null));
            }
            List<Expr> out = new ArrayList<>(fs.subList(0, left ? i - 1 : i));
            out.add(remaining);
            out.addAll(fs.subList(right ? i + 2 : i + 1, fs.size()));
            return Optional.of(SumRules.product(out, e.shape().rows()));
        }
        return Optional.empty();
    }

    private static boolean inverses(Expr a, Expr b) {
        if (a instanceof MatFn m && m.op() == MatOp.INV && m.a().equals(b)) return true;
        return a instanceof Transpose t && t.a() instanceof MatFn m && m.op() == MatOp.INV
                && b instanceof Transpose u && m.a().equals(u.a());
    }
}
