package chainrule.eval;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.Var;
import chainrule.shape.Program;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A second opinion on a Hessian, for small variables: differences of the function itself, not of
 * the symbolic gradient. Column k is the central difference (g(x + h e_k) - g(x - h e_k)) / 2h of
 * gradients g that are themselves finite differences of the function ({@link FiniteDifferences},
 * with their error estimates), so nothing symbolic enters. Its error, entry by entry: the spread
 * from the same difference at 2h (three times the truncation at h, which shrinks as h^2) plus the
 * gradients' own errors over 2h. The step, {@value #STEP} of the entry, keeps every point the inner
 * differences reach inside the sampler's margin around kinks.
 */
public final class SecondDifferences {
    /** Above this many entries of the variable the second opinion is not asked: it costs 32 n^2 passes. */
    public static final int LARGEST = 16;
    static final double STEP = 1e-4;

    private SecondDifferences() {}

    /**
     * The Hessian symbolic of the scalar of by wrt compared with second differences at points drawn
     * as {@link Verifier#check} draws them; null where wrt is no input or has more than {@value #LARGEST} entries.
     */
    public static CheckResult check(Program p, Expr of, Var wrt, Expr symbolic, Function<Derivative, Expr> expand,
                                    long seed, int points) {
        if (!p.inputs().containsKey(wrt.name()) || !of.shape().isScalar()) return null;
        Sampler sampler = new Sampler(p, seed, expand);
        FiniteDifferences fd = new FiniteDifferences(p, expand);
        CheckResult worst = null;
        boolean passed = true;
        for (int i = 0; i < points; i++) {
            Point point = sampler.draw();
            Map<String, RealMatrix> values = sampler.valuesAt(point);
            if (Matrices.size(values.get(wrt.name())) > LARGEST) return null;
            RealMatrix sym = new Evaluator(point.sizes(), values, expand).eval(symbolic);
            FiniteDifferences.Estimate expected = hessian(fd, of, wrt, point);
            double rel = Verifier.relativeError(expected, sym);
            passed &= rel < Verifier.TOLERANCE;
            if (worst == null || !(rel <= worst.maxRelError())) {
                worst = new CheckResult(false, rel, points, expected.value(), sym, point.values());
            }
        }
        return new CheckResult(passed, worst.maxRelError(), points, worst.expected(), worst.got(), worst.worstPoint());
    }

    /** The Hessian of vec(wrt) by second differences, with its error. */
    static FiniteDifferences.Estimate hessian(FiniteDifferences fd, Expr of, Var wrt, Point at) {
        RealMatrix x = at.values().get(wrt.name());
        int n = Matrices.size(x);
        RealMatrix value = new Array2DRowRealMatrix(n, n), error = new Array2DRowRealMatrix(n, n);
        for (int k = 0; k < n; k++) {
            double h = STEP * Math.max(1, Math.abs(Matrices.at(x, k)));
            FiniteDifferences.Estimate p1 = gradient(fd, of, wrt, at, k, h), m1 = gradient(fd, of, wrt, at, k, -h);
            FiniteDifferences.Estimate p2 = gradient(fd, of, wrt, at, k, 2 * h), m2 = gradient(fd, of, wrt, at, k, -2 * h);
            for (int i = 0; i < n; i++) {
                double d1 = (Matrices.at(p1.value(), i) - Matrices.at(m1.value(), i)) / (2 * h);
                double d2 = (Matrices.at(p2.value(), i) - Matrices.at(m2.value(), i)) / (4 * h);
                double rounding = (Math.abs(Matrices.at(p1.error(), i)) + Math.abs(Matrices.at(m1.error(), i))) / (2 * h);
                value.setEntry(i, k, d1);
                error.setEntry(i, k, Math.abs(d1 - d2) + rounding);
            }
        }
        return new FiniteDifferences.Estimate(value, error);
    }

    /** The gradient by finite differences where entry k of wrt is moved by t. */
    private static FiniteDifferences.Estimate gradient(FiniteDifferences fd, Expr of, Var wrt, Point at, int k, double t) {
        RealMatrix moved = at.values().get(wrt.name()).copy();
        int rows = moved.getRowDimension();
        moved.addToEntry(k % rows, k / rows, t);
        Map<String, RealMatrix> inputs = new LinkedHashMap<>(at.values());
        inputs.put(wrt.name(), moved);
        return fd.estimate(of, wrt, new Point(at.sizes(), inputs));
    }
}
