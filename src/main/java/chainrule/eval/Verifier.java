package chainrule.eval;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.Var;
import chainrule.expr.Shape;
import chainrule.shape.Program;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Checks a symbolic derivative against finite differences at random points (SPEC §3): it
 * passes when the relative error max|symbolic - numeric| / max(1, max|numeric|) is under
 * {@value #TOLERANCE} at every point. With respect to a variable of more than
 * {@value #DIRECTIONAL_ABOVE} entries, {@value #DIRECTIONS} random directions are compared
 * instead of every entry, as torch.autograd.gradcheck's fast mode does.
 */
public final class Verifier {
    public static final double TOLERANCE = 1e-6;
    public static final int DEFAULT_POINTS = 3;
    public static final int DIRECTIONAL_ABOVE = 200;
    public static final int DIRECTIONS = 3;

    private Verifier() {}

    public static CheckResult check(Program p, Expr of, Var wrt, Expr symbolic, Function<Derivative, Expr> expand, long seed) {
        return check(p, of, wrt, symbolic, expand, seed, DEFAULT_POINTS);
    }

    public static CheckResult check(Program p, Expr of, Var wrt, Expr symbolic, Function<Derivative, Expr> expand,
            long seed, int points) {
        Sampler sampler = new Sampler(p, seed, expand);
        Random directions = new Random(seed ^ 0x5DEECE66DL);
        PointCheck worst = null;
        boolean passed = true;
        for (int i = 0; i < points; i++) {
            PointCheck c = checkAt(p, sampler.draw(), of, wrt, symbolic, expand, directions);
            passed &= c.passed();
            if (worst == null || !(c.relError() <= worst.relError())) worst = c;
        }
        if (worst == null) throw new IllegalArgumentException("a check needs at least one point");
        return new CheckResult(passed, worst.relError(), points, worst.expected(), worst.got(), worst.point().values());
    }

    /** The check at one point; {@code directions} draws the directions where the variable is large. */
    public static PointCheck checkAt(Program p, Point point, Expr of, Var wrt, Expr symbolic,
            Function<Derivative, Expr> expand, Random directions) {
        Map<String, RealMatrix> values = Sampler.evaluateDefinitions(p, point, expand);
        RealMatrix sym = new Evaluator(point.sizes(), values, expand).eval(symbolic);
        Shape expectedShape = Ex.derivativeShape(of.shape(), wrt.shape());
        if (!Matrices.hasShape(sym, expectedShape, point.sizes())) {
            throw new IllegalArgumentException("the derivative is " + expectedShape + " but the symbolic value is " + Matrices.dims(sym));
        }
        FiniteDifferences fd = new FiniteDifferences(p, expand);
        int n = Matrices.size(values.get(wrt.name()));
        if (n > DIRECTIONAL_ABOVE) {
            RealMatrix d = FiniteDifferences.randomDirections(n, DIRECTIONS, directions);
            RealMatrix got = Layout.toVecJacobian(sym, of.shape()).multiply(d);
            RealMatrix expected = fd.directional(of, wrt, point, d);
            return new PointCheck(point, relativeError(expected, got), expected, got, true);
        }
        RealMatrix expected = fd.derivative(of, wrt, point);
        return new PointCheck(point, relativeError(expected, sym), expected, sym, false);
    }

    /** max|got - expected| / max(1, max|expected|); infinite where either is not finite. */
    public static double relativeError(RealMatrix expected, RealMatrix got) {
        if (!Matrices.allFinite(expected) || !Matrices.allFinite(got)) return Double.POSITIVE_INFINITY;
        return Matrices.maxAbs(got.subtract(expected)) / Math.max(1, Matrices.maxAbs(expected));
    }
}
