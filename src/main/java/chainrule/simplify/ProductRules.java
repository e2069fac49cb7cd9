package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Matrix and elementwise products: scalars out in front, one association, diagonals and reciprocals as people write them. */
final class ProductRules {
    private ProductRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(MatMul.class, "scalars come out of matrix products", ProductRules::scalarsOutOfMatMul),
                Rule.on(Hadamard.class, "elementwise products associate to the left", ProductRules::hadamardLeft),
                Rule.on(Hadamard.class, "x .* x is x.^2", ProductRules::squares),
                Rule.on(Hadamard.class, "a .* b.^-1 is a ./ b", ProductRules::reciprocalFactor),
                Rule.on(Power.class, "x.^-1 is 1 ./ x", ProductRules::reciprocal),
                Rule.on(MatMul.class, "diag(v)*w is v .* w", ProductRules::diagTimesVector),
                Rule.on(MatMul.class, "diag(v)*ones is v", ProductRules::diagTimesOnes),
                Rule.on(MatMul.class, "ones(1, n)*X is sum(X, 1)", ProductRules::sumByOnes),
                Rule.on(DiagMatrix.class, "diag of a broadcast scalar is a scaled identity", ProductRules::diagOfScalar));
    }

    /** The factors of an elementwise product, left to right. */
    static List<Expr> elementwiseFactors(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        if (e instanceof Hadamard h) {
            collect(h.a(), out);
            collect(h.b(), out);
        } else {
            out.add(e);
        }
    }

    static Expr elementwiseProduct(List<Expr> fs, Shape shape) {
        if (fs.isEmpty()) return Ex.ones(shape);
        Expr out = fs.get(0);
        for (int i = 1; i < fs.size(); i++) out = Ex.hadamard(out, fs.get(i));
        return out;
    }

    /** A*(s*B) is s*A*B: a 1 x 1 factor goes to the front of a matrix product. Lowers the depth of scalings. */
    static Optional<Expr> scalarsOutOfMatMul(MatMul m) {
        if (m.b() instanceof Scale s) return Optional.of(Ex.scale(s.s(), Ex.matmul(m.a(), s.a())));
        if (m.a() instanceof Scale s) return Optional.of(Ex.scale(s.s(), Ex.matmul(s.a(), m.b())));
        return Optional.empty();
    }

    /**
     * a .* (b .* c) is a .* b .* c: one association, so chains compare alike. Lowers right-nesting.
     * A product of more than {@link Ex#FLAT} factors on the right stays whole: it is a partial
     * product that others share (see there).
     */
    static Optional<Expr> hadamardLeft(Hadamard h) {
        if (h.b() instanceof Hadamard r && !longer(r, Ex.FLAT)) return Optional.of(Ex.hadamard(Ex.hadamard(h.a(), r.a()), r.b()));
        return Optional.empty();
    }

    /** Whether an elementwise product has more than limit factors; looks at no more than limit + 1. */
    private static boolean longer(Hadamard h, int limit) {
        return factors(h, limit) > limit;
    }

    /** The number of factors of e, or some number above limit where there are more. */
    private static int factors(Expr e, int limit) {
        if (!(e instanceof Hadamard h)) return 1;
        int a = factors(h.a(), limit);
        return a > limit ? a : a + factors(h.b(), limit - a);
    }

    /** x .* x is x.^2. Lowers the number of nodes. */
    static Optional<Expr> squares(Hadamard h) {
        if (h.a().equals(h.b())) return Optional.of(Ex.power(h.a(), 2));
        return Optional.empty();
    }

    /** a .* b.^-p is a ./ b.^p: a reciprocal as a division. Lowers the number of negative powers. */
    static Optional<Expr> reciprocalFactor(Hadamard h) {
        if (h.b() instanceof Power p && p.p() < 0) return Optional.of(Ex.divide(h.a(), Ex.power(p.a(), -p.p())));
        if (h.a() instanceof Power p && p.p() < 0) return Optional.of(Ex.divide(h.b(), Ex.power(p.a(), -p.p())));
        return Optional.empty();
    }

    /** x.^-p is 1 ./ x.^p for a matrix x (a scalar's powers are gathered with its other factors). Lowers the number of negative powers. */
    static Optional<Expr> reciprocal(Power p) {
        if (p.p() >= 0 || p.shape().isScalar() || p.a() instanceof Broadcast) return Optional.empty();
        return Optional.of(Ex.divide(Ex.ones(p.shape()), Ex.power(p.a(), -p.p())));
    }

    /** diag(v)*w is v .* w for a column w: the elementwise product reads better than a diagonal matrix. Lowers the number of matrix products. */
    static Optional<Expr> diagTimesVector(MatMul m) {
        if (m.a() instanceof DiagMatrix d && d.v().shape().isColumn() && m.b().shape().isColumn()) {
            return Optional.of(Ex.hadamard(d.v(), m.b()));
        }
        return Optional.empty();
    }

    /** diag(v)*ones(n, k) is v broadcast to n x k, anywhere along a product. Lowers the number of matrix products. */
    static Optional<Expr> diagTimesOnes(MatMul m) {
        List<Expr> fs = SumRules.factors(m);
        for (int i = 0; i + 1 < fs.size(); i++) {
            if (fs.get(i) instanceof DiagMatrix d && fs.get(i + 1) instanceof Ones o) {
                Expr v = d.v().shape().isColumn() ? d.v() : Ex.transpose(d.v());
                List<Expr> out = new ArrayList<>(fs.subList(0, i));
                out.add(Ex.broadcast(v, o.shape()));
                out.addAll(fs.subList(i + 2, fs.size()));
                return Optional.of(SumRules.product(out, null));
            }
        }
        return Optional.empty();
    }

    /**
     * ones(1, n)*X is sum(X, 1) and X*ones(n, 1) is sum(X, 2) (a plain sum where the result is
     * 1 x 1): the sum a textbook writes for a product with ones. Lowers the number of nodes.
     */
    static Optional<Expr> sumByOnes(MatMul m) {
        if (m.a() instanceof Ones o && o.shape().isRow() && !(m.b() instanceof Ones)) {
            return Optional.of(Ex.reduce(m.shape().isScalar() ? Axis.ALL : Axis.COLUMNS, m.b()));
        }
        if (m.b() instanceof Ones o && o.shape().isColumn() && !(m.a() instanceof Ones)) {
            return Optional.of(Ex.reduce(m.shape().isScalar() ? Axis.ALL : Axis.ROWS, m.a()));
        }
        return Optional.empty();
    }

    /** diag(s*ones(n, 1)) is s*eye(n). Lowers the number of diagonal matrices. */
    static Optional<Expr> diagOfScalar(DiagMatrix d) {
        if (d.v() instanceof Broadcast b && b.a().shape().isScalar()) {
            return Optional.of(Ex.scale(b.a(), Ex.identity(d.shape().rows())));
        }
        return Optional.empty();
    }
}
