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
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Checks a symbolic derivative against finite differences at random points (SPEC §3). The
 * relative error at a point is max|symbolic - numeric| / (max(1, max|numeric|) + {@value #SAFETY} e / {@value #TOLERANCE}),
 * where e is the largest error the finite differences estimate for themselves there
 * ({@link FiniteDifferences}): so a check passes when the two differ by less than
 * {@value #TOLERANCE} of the derivative's size plus a few times the error of the differences,
 * and a right answer does not fail for the size or scale of its numbers. With respect to a
 * variable of more than {@value #DIRECTIONAL_ABOVE} entries, {@value #DIRECTIONS} random direction
 * a point is compared instead of every entry, as torch.autograd.gradcheck's fast mode does, and
 * above {@value #ONE_POINT_ABOVE} entries one point is drawn: the check then costs a few
 * evaluations of the network.
 */
public final class Verifier {
    public static final double TOLERANCE = 1e-6;
    /** How many times its own error estimate the differences may be off. */
    static final double SAFETY = 4;
    public static final int DEFAULT_POINTS = 3;
    public static final int DIRECTIONAL_ABOVE = 200;
    public static final int DIRECTIONS = 1;
    public static final int ONE_POINT_ABOVE = 100_000;

    private Verifier() {}

    public static CheckResult check(Program p, Expr of, Var wrt, Expr symbolic, Function<Derivative, Expr> expand, long seed) {
        return check(p, of, wrt, symbolic, expand, seed, DEFAULT_POINTS);
    }

    public static CheckResult check(Program p, Expr of, Var wrt, Expr symbolic, Function<Derivative, Expr> expand,
            long seed, int points) {
        return check(p, of, wrt, symbolic, expand, seed, points, Progress.NONE);
    }

    public static CheckResult check(Program p, Expr of, Var wrt, Expr symbolic, Function<Derivative, Expr> expand,
            long seed, int points, Progress progress) {
        Sampler sampler = new Sampler(p, seed, expand);
        Random directions = new Random(seed ^ 0x5DEECE66DL);
        PointCheck worst = null;
        boolean passed = true;
        int drawn = 0;
        Shape w = wrt.shape();
        double size = (double) w.rows().evaluate(sampler.sizes()) * w.cols().evaluate(sampler.sizes());
        int planned = size > ONE_POINT_ABOVE ? 1 : points;
        for (int i = 0; i < points; i++) {
            progress.point(i + 1, planned);
            Point point = sampler.draw();
            PointCheck c = checkAt(p, point, sampler.valuesAt(point), of, wrt, symbolic, expand, directions);
            drawn++;
            passed &= c.passed();
            if (worst == null || !(c.relError() <= worst.relError())) worst = c;
            if (c.directional() && c.size() > ONE_POINT_ABOVE) break;
        }
        progress.done();
        if (worst == null) throw new IllegalArgumentException("a check needs at least one point");
        return new CheckResult(passed, worst.relError(), drawn, worst.expected(), worst.got(), worst.point().values());
    }

    /** The check at one point; {@code directions} draws the directions where the variable is large. */
    public static PointCheck checkAt(Program p, Point point, Expr of, Var wrt, Expr symbolic,
            Function<Derivative, Expr> expand, Random directions) {
        return checkAt(p, point, Sampler.evaluateDefinitions(p, point, expand), of, wrt, symbolic, expand, directions);
    }

    /** As above, where {@code values} are the inputs and definitions at the point. */
    static PointCheck checkAt(Program p, Point point, Map<String, RealMatrix> values, Expr of, Var wrt, Expr symbolic,
            Function<Derivative, Expr> expand, Random directions) {
        Limits.check(p.source(), requestSpan(p, of, wrt), "the check of d(" + of + ")/d(" + wrt.name() + ")", symbolic,
                point.sizes());
        FiniteDifferences fd = new FiniteDifferences(p, expand);
        int n = Matrices.size(values.get(wrt.name()));
        if (n > DIRECTIONAL_ABOVE) {
            RealMatrix x = values.get(wrt.name());
            java.util.List<RealMatrix> d = new java.util.ArrayList<>();
            for (int k = 0; k < DIRECTIONS; k++) {
                d.add(FiniteDifferences.randomDirection(x.getRowDimension(), x.getColumnDimension(), directions));
            }
            // the symbolic value is let go before the differences' passes: it is as large as the variable
            RealMatrix got = along(symbolic(point, values, of, wrt, symbolic, expand), of.shape(), d);
            FiniteDifferences.Estimate expected = fd.directional(of, wrt, point, values, d);
            return new PointCheck(point, relativeError(expected, got), expected.value(), got, true, n);
        }
        RealMatrix sym = symbolic(point, values, of, wrt, symbolic, expand);
        FiniteDifferences.Estimate expected = fd.estimate(of, wrt, point, values);
        return new PointCheck(point, relativeError(expected, sym), expected.value(), sym, false, n);
    }

    /** The value of the symbolic derivative at the point, of the shape SPEC §2 gives it. */
    private static RealMatrix symbolic(Point point, Map<String, RealMatrix> values, Expr of, Var wrt, Expr symbolic,
            Function<Derivative, Expr> expand) {
        RealMatrix sym = new Evaluator(point.sizes(), values, expand).eval(symbolic);
        Shape expectedShape = Ex.derivativeShape(of.shape(), wrt.shape());
        if (!Matrices.hasShape(sym, expectedShape, point.sizes())) {
            throw new IllegalArgumentException("the derivative is " + expectedShape + " but the symbolic value is " + Matrices.dims(sym));
        }
        return sym;
    }

    /** Where the file asks for d(of)/d(wrt): the derive request, or else the definition of {@code of}. */
    private static chainrule.source.Span requestSpan(Program p, Expr of, Var wrt) {
        for (Program.Request r : p.requests()) {
            if (r instanceof Program.Derive d && d.of().equals(of) && d.wrt().contains(wrt)) return d.span();
        }
        if (of instanceof Var v && p.byName().get(v.name()) instanceof Program.Definition d) return d.span();
        return p.requests().isEmpty() ? chainrule.source.Span.NONE : p.requests().get(0).span();
    }

    /** J * d for the vec-Jacobian J of a derivative; a gradient's is taken entry by entry, without a copy of it. */
    static RealMatrix along(RealMatrix derivative, Shape of, java.util.List<RealMatrix> directions) {
        RealMatrix out = null;
        for (int k = 0; k < directions.size(); k++) {
            RealMatrix v = directions.get(k);
            double[] column;
            if (of.isScalar() && v instanceof SignDirection signs) {
                column = new double[] {signs.dot(Matrices.rowsOf(derivative))};
            } else if (of.isScalar()) {
                double s = 0;
                for (int i = 0; i < v.getRowDimension(); i++) {
                    for (int j = 0; j < v.getColumnDimension(); j++) s += derivative.getEntry(i, j) * v.getEntry(i, j);
                }
                column = new double[] {s};
            } else {
                column = derivative.operate(Matrices.vec(v));
            }
            if (out == null) out = new Array2DRowRealMatrix(column.length, directions.size());
            out.setColumn(k, column);
        }
        return out;
    }

    /**
     * max|got - expected| / (max(1, max|expected|) + SAFETY e / TOLERANCE), e the largest error
     * the differences estimate for themselves; infinite where a value is not finite.
     */
    public static double relativeError(FiniteDifferences.Estimate expected, RealMatrix got) {
        if (!Matrices.allFinite(expected.value()) || !Matrices.allFinite(got)) return Double.POSITIVE_INFINITY;
        double scale = Math.max(1, Matrices.maxAbs(expected.value()));
        double noise = Matrices.allFinite(expected.error()) ? Matrices.maxAbs(expected.error()) : 0;
        return Matrices.maxAbs(got.subtract(expected.value())) / (scale + SAFETY * noise / TOLERANCE);
    }

    /** max|got - expected| / max(1, max|expected|); infinite where either is not finite. */
    public static double relativeError(RealMatrix expected, RealMatrix got) {
        if (!Matrices.allFinite(expected) || !Matrices.allFinite(got)) return Double.POSITIVE_INFINITY;
        return Matrices.maxAbs(got.subtract(expected)) / Math.max(1, Matrices.maxAbs(expected));
    }
}
