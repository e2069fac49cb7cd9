package chainrule.eval;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.Var;
import chainrule.shape.Program;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Numeric derivatives by the central stencil D(h) = (f(x-2h) - 8 f(x-h) + 8 f(x+h) - f(x+2h)) / 12h,
 * each with an estimate of its own error there (an {@link Estimate}).
 *
 * <p>The error model: D(h) is off by its truncation, c h^4 + O(h^6), and by the rounding of
 * the four values it differences, about (sum of |weight * f|) * u / 12h for values each a few
 * units u in the last place off. D(2h) and D(4h) are taken from the same line (f at +-4h and +-8h
 * besides); Richardson's R(h) = (16 D(h) - D(2h)) / 15 cancels the h^4 term, and is the estimate.
 * R(2h), from D(2h) and D(4h), is 64 times as far off as R(h), so |R(h) - R(2h)| bounds R(h)'s
 * truncation and samples its rounding (whose size does not shrink with the difference); the
 * rounding bound above is the floor where the samples happen to agree. The step is relative to
 * the entry, h = {@value #STEP} * max(1, |x|): 8h stays under the 1e-3 the sampler keeps from kinks
 * even where the argument moves a hundred times faster than the variable.
 *
 * <p>The variable may be an input or a definition; then the definition's value is perturbed and
 * only what depends on it is recomputed.
 */
public final class FiniteDifferences {
    public static final double STEP = 1e-6;
    /** The longest step taken, relative to the entry, where rounding asks for a longer one. */
    static final double LONGEST_STEP = 1e-4;
    /** The rounding error, relative to the derivative, below which the first step is kept. */
    static final double ROUNDING_TARGET = 1e-9;
    /** How many units in the last place each value of the network may be off: its own rounding. */
    static final double ULPS = 8;
    /**
     * How far beyond the step the two passes would have chosen the predicted one may be: they
     * estimate rounding from values a step apart, which differ a little.
     */
    static final double SAME_STEP = 1.05;

    /** A derivative (or directional derivatives) and, entry by entry, how far off it may be. */
    public record Estimate(RealMatrix value, RealMatrix error) {}

    private final Program program;
    private final Function<Derivative, Expr> expand;

    public FiniteDifferences(Program program, Function<Derivative, Expr> expand) {
        this.program = program;
        this.expand = expand;
    }

    /** d(of)/d(wrt) at the point, in the layout of SPEC §2. */
    public RealMatrix derivative(Expr of, Var wrt, Point at) {
        return estimate(of, wrt, at).value();
    }

    /** d(of)/d(wrt) at the point with its error, both in the layout of SPEC §2. */
    public Estimate estimate(Expr of, Var wrt, Point at) {
        return estimate(of, wrt, at, Sampler.evaluateDefinitions(program, at, expand));
    }

    /** As {@link #estimate(Expr, Var, Point)}, where {@code values} are the inputs and definitions at the point. */
    Estimate estimate(Expr of, Var wrt, Point at, Map<String, RealMatrix> values) {
        Estimate j = vecJacobianEstimate(new Recomputation(program, at, values, of, wrt.name(), expand));
        return new Estimate(Layout.fromVecJacobian(j.value(), of.shape(), wrt.shape(), at.sizes()),
                Layout.fromVecJacobian(j.error(), of.shape(), wrt.shape(), at.sizes()));
    }

    /** d vec(of) / d vec(wrt), size(of) x size(wrt), one column per entry of wrt (column-major). */
    public RealMatrix vecJacobian(Expr of, Var wrt, Point at) {
        return vecJacobianEstimate(new Recomputation(program, at, of, wrt.name(), expand)).value();
    }

    private static Estimate vecJacobianEstimate(Recomputation f) {
        RealMatrix x = f.wrtValue();
        int n = Matrices.size(x);
        RealMatrix jacobian = null, error = null;
        double[] f0 = f.value();
        for (int k = 0; k < n; k++) {
            RealMatrix unit = new Array2DRowRealMatrix(x.getRowDimension(), x.getColumnDimension());
            unit.setEntry(k % x.getRowDimension(), k / x.getRowDimension(), 1);
            double h = STEP * Math.max(1, Math.abs(Matrices.at(x, k)));
            double[][] column = alongPredicted(f, x, unit, h, rounding(f0, h));
            if (jacobian == null) {
                jacobian = new Array2DRowRealMatrix(column[0].length, n);
                error = new Array2DRowRealMatrix(column[0].length, n);
            }
            jacobian.setColumn(k, column[0]);
            error.setColumn(k, column[1]);
        }
        return new Estimate(jacobian, error);
    }

    /**
     * Directional derivatives, as torch.autograd.gradcheck's fast mode takes them: for each column
     * v of {@code directions} (size(wrt) x k, vec order), d vec(of(wrt + t v)) / dt at t = 0.
     * The result is size(of) x k; compare it with J * directions for a vec-Jacobian J.
     */
    public RealMatrix directional(Expr of, Var wrt, Point at, RealMatrix directions) {
        Recomputation f = new Recomputation(program, at, of, wrt.name(), expand);
        RealMatrix x = f.wrtValue();
        java.util.List<RealMatrix> vs = new java.util.ArrayList<>();
        for (int j = 0; j < directions.getColumnDimension(); j++) {
            vs.add(Matrices.unvec(directions.getColumn(j), x.getRowDimension(), x.getColumnDimension()));
        }
        return directional(f, vs).value();
    }

    /** Directional derivatives with errors along directions shaped like the variable; {@code values} those at the point. */
    Estimate directional(Expr of, Var wrt, Point at, Map<String, RealMatrix> values, java.util.List<RealMatrix> directions) {
        return directional(new Recomputation(program, at, values, of, wrt.name(), expand), directions);
    }

    private static Estimate directional(Recomputation f, java.util.List<RealMatrix> directions) {
        RealMatrix x = f.wrtValue();
        double h = STEP * Math.max(1, Matrices.maxAbs(x));
        double predicted = rounding(f.value(), h);
        RealMatrix out = null, error = null;
        for (int j = 0; j < directions.size(); j++) {
            RealMatrix v = directions.get(j);
            double[][] column = alongPredicted(f, x, v, h, predicted);
            if (out == null) {
                out = new Array2DRowRealMatrix(column[0].length, directions.size());
                error = new Array2DRowRealMatrix(column[0].length, directions.size());
            }
            out.setColumn(j, column[0]);
            error.setColumn(j, column[1]);
        }
        return new Estimate(out, error);
    }

    /**
     * A random direction of unit length among r x c matrices (no n x 1 matrix of n one-entry rows):
     * each entry +-1/sqrt(rc) by a fair coin, as good as a Gaussian direction for catching a wrong
     * derivative, and 64 entries from one draw where a Gaussian takes a draw (and a logarithm) each:
     * for a 3000 x 3000 variable that was 0.5 s of a check. Its entries are kept as bits.
     */
    public static RealMatrix randomDirection(int r, int c, Random random) {
        long n = (long) r * c;
        long[] negative = new long[(int) ((n + 63) >>> 6)];
        for (int w = 0; w < negative.length; w++) negative[w] = random.nextLong();
        if ((n & 63) != 0) negative[negative.length - 1] &= (1L << (n & 63)) - 1;
        return SignDirection.fromColumnMajor(r, c, negative, 1 / Math.sqrt((double) n));
    }

    /** k random directions of unit length in n dimensions, as the columns of an n x k matrix. */
    public static RealMatrix randomDirections(int n, int k, Random random) {
        double[][] d = new double[n][k];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double g = random.nextGaussian();
                d[i][j] = g;
                norm += g * g;
            }
            double scale = 1 / Math.sqrt(norm);
            for (int i = 0; i < n; i++) d[i][j] *= scale;
        }
        return new Array2DRowRealMatrix(d, false);
    }

    /**
     * The rounding error of the stencil at step h where the values are about {@code f0}, as
     * {@link #stencilAt} estimates it: (16 (1 + 8 + 8 + 1) / 12h + (1 + 8 + 8 + 1) / 24h) / 15
     * times {@value #ULPS} units in the last place of |f0|, its largest entry.
     */
    static double rounding(double[] f0, double h) {
        double largest = 0;
        for (double v : f0) largest = Math.max(largest, Math.abs(v));
        return ULPS * Math.ulp(1.0) * (16 * 18 * largest / (12 * h) + 18 * largest / (24 * h)) / 15;
    }

    /**
     * As {@link #along}, which takes the stencil at h and, where rounding dominates it, again at a
     * longer step: here, where the value at the point predicts that rounding dominates at h
     * (a loss that sums a large variable's entries is large beside its slope along a unit
     * direction), the stencil is first taken at the longer step as if the derivative were of size
     * 1. It is kept where that is the step the two passes would have ended at (the derivative is
     * no larger than 1, as along a unit direction it mostly is), or where its whole error estimate
     * is within the rounding alone they would have had there: so its allowance is no larger, and
     * a large variable's check costs 8 passes of the network, not 16. Else the two passes are made.
     */
    private static double[][] alongPredicted(Recomputation f, RealMatrix x, RealMatrix v, double h, double predicted) {
        double longest = LONGEST_STEP / STEP * h;
        if (!(predicted > ROUNDING_TARGET) || h >= longest) return along(f, x, v, h);
        double first = Math.min(longest, h * predicted / ROUNDING_TARGET);
        double[][] d = stencilAt(f, v, first);
        if (d != null) {
            double rounding = 0, scale = 1, error = 0;
            for (int i = 0; i < d[0].length; i++) {
                rounding = Math.max(rounding, d[2][i]);
                scale = Math.max(scale, Math.abs(d[0][i]));
                error = Math.max(error, d[1][i]);
            }
            double roundingAtH = rounding * first / h;
            double chosen = roundingAtH > ROUNDING_TARGET * scale ? Math.min(longest, h * roundingAtH / (ROUNDING_TARGET * scale)) : h;
            // the step the two passes would have ended at (the size of the derivative was guessed right),
            // or an estimate whose whole error is within the rounding alone that they would have had
            if (first <= SAME_STEP * chosen || error <= roundingAtH * h / chosen) return d;
        }
        return along(f, x, v, h);
    }

    /**
     * The stencil along v and its error, as {derivative, error}; where a step leaves the
     * function's domain (a NaN), smaller steps are tried.
     */
    private static double[][] along(Recomputation f, RealMatrix x, RealMatrix v, double h) {
        double[][] d = stencils(f, v, h);
        // where rounding dominates (large values around a small slope: sum(x + 1e6)), a longer step
        // shrinks it in proportion; up to LONGEST_STEP, which still keeps 8h off the sampler's kink margin
        double rounding = 0, scale = 1;
        for (int i = 0; i < d[0].length; i++) {
            rounding = Math.max(rounding, d[2][i]);
            scale = Math.max(scale, Math.abs(d[0][i]));
        }
        double longest = LONGEST_STEP / STEP * h;
        if (rounding > ROUNDING_TARGET * scale && h < longest) {
            double[][] longer = stencils(f, v, Math.min(longest, h * rounding / (ROUNDING_TARGET * scale)));
            if (finite(longer)) return longer;
        }
        return d;
    }

    /** Whether the derivative and its error are finite (then so are the stencils they come from). */
    private static boolean finite(double[][] d) {
        for (int i = 0; i < d[0].length; i++) if (!Double.isFinite(d[0][i]) || !Double.isFinite(d[1][i])) return false;
        return true;
    }

    /** {derivative, error, rounding part of the error} at step h, or smaller where a step leaves the domain. */
    private static double[][] stencils(Recomputation f, RealMatrix v, double h) {
        double[][] d = null;
        for (int attempt = 0; attempt < 4; attempt++, h /= 10) {
            d = stencil(f, v, h);
            if (finite(d)) return d;
        }
        return d;
    }

    /** As {@link #stencils} at step h only; null where a value there is not finite. */
    private static double[][] stencilAt(Recomputation f, RealMatrix v, double h) {
        double[][] d = stencil(f, v, h);
        return finite(d) ? d : null;
    }

    private static double[][] stencil(Recomputation f, RealMatrix v, double h) {
        double[][] at = new double[8][];
        double[] steps = {-8, -4, -2, -1, 1, 2, 4, 8};
        for (int s = 0; s < 8; s++) at[s] = f.valueAlong(v, steps[s] * h);
        int m = at[0].length;
        double[][] d = new double[][] {new double[m], new double[m], new double[m]};
        for (int i = 0; i < m; i++) {
            double m8 = at[0][i], m4 = at[1][i], m2 = at[2][i], m1 = at[3][i];
            double p1 = at[4][i], p2 = at[5][i], p4 = at[6][i], p8 = at[7][i];
            double d1 = stencil(m2, m1, p1, p2, h), d2 = stencil(m4, m2, p2, p4, 2 * h), d4 = stencil(m8, m4, p4, p8, 4 * h);
            // The stencil's error is c h^4 + O(h^6), so Richardson's (16 D(h) - D(2h)) / 15 cancels
            // its h^4 term, and the same from 2h and 4h is 64 times as far off: their difference
            // bounds the error. (The spread of D(h), D(2h), D(4h) taken as D(h)'s error was 240
            // times its truncation: where the function turns fast, as sin of a large argument
            // does, an answer 1% off passed beside a 4e-3 error estimate.)
            double r1 = (16 * d1 - d2) / 15, r2 = (16 * d2 - d4) / 15;
            double rounding = ULPS * Math.ulp(1.0)
                    * (16 * (Math.abs(m2) + 8 * Math.abs(m1) + 8 * Math.abs(p1) + Math.abs(p2)) / (12 * h)
                    + (Math.abs(m4) + 8 * Math.abs(m2) + 8 * Math.abs(p2) + Math.abs(p4)) / (24 * h)) / 15;
            d[0][i] = r1;
            d[1][i] = Math.abs(r1 - r2) + rounding;
            d[2][i] = rounding;
        }
        return d;
    }

    private static double stencil(double m2, double m1, double p1, double p2, double h) {
        return (m2 - 8 * m1 + 8 * p1 - p2) / (12 * h);
    }
}
