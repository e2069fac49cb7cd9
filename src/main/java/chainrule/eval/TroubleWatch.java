package chainrule.eval;

import chainrule.expr.Builtin;
import chainrule.expr.Expr;
import chainrule.expr.Expr.MatOp;
import chainrule.expr.Fn;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Notes the first reason a point is bad for finite differences: an argument of a kinked
 * function (relu, abs, sign, step; see {@link Kinks}) near its kink, an argument outside a function's domain
 * (log, sqrt; det <= 0 under logdet), a denominator (or the base of a negative or fractional
 * power) near 0, a periodic function of a huge argument, or a value that is not finite.
 *
 * <p>A large value is no trouble in itself: a sum over a large input (sum(X .* X) of a 400 x 400 X
 * is about 16,000) is as large as its terms are many, and the differences' error model takes
 * rounding at that size into account. Redrawing such a point nearer 0 made a large network be
 * checked near 0, where a wrong term of higher order falls under the tolerance (a claim with an
 * extra X.^5 passed). Only what smaller inputs cure asks for them: an overflow, and sin of 1e9,
 * whose differences measure rounding.
 */
final class TroubleWatch implements Evaluator.Watch {
    /**
     * How close to a kink an argument may come where there are few; finite-difference steps stay
     * well below it. Where a layer has thousands of kinked entries, some are always that close:
     * the margin then shrinks in proportion ({@link #margin}), and a kink a step still crosses
     * shows in the differences' own error estimate instead.
     */
    static final double KINK_MARGIN = 1e-3;
    /** Up to this many kinked entries the whole margin applies. */
    static final int FEW_KINKS = 16;

    private String trouble;
    private long kinkedEntries;
    private double nearestKink = Double.POSITIVE_INFINITY;
    private String nearestKinkWhat;

    String trouble() {
        if (trouble == null && nearestKink < margin(kinkedEntries)) return nearestKinkWhat;
        return trouble;
    }

    static double margin(long kinkedEntries) {
        return KINK_MARGIN * Math.min(1, (double) FEW_KINKS / Math.max(1, kinkedEntries));
    }

    private void note(String why) {
        if (trouble == null) trouble = why;
    }

    @Override
    public void elementwise(Fn fn, int order, RealMatrix x) {
        java.util.function.DoubleUnaryOperator kink = Kinks.of(fn);
        for (double[] row : Matrices.rowsOf(x)) {
            for (double v : row) {
                double toKink = kink == null ? Double.POSITIVE_INFINITY : kink.applyAsDouble(v);
                if (toKink < Double.POSITIVE_INFINITY) {
                    kinkedEntries++;
                    if (toKink < nearestKink) {
                        nearestKink = toKink;
                        nearestKinkWhat = "an argument of " + fn.fname() + " is " + v + ", near its kink";
                    }
                }
                if (!fn.inDomain(v)) note("an argument of " + fn.fname() + " is " + v + ", outside its domain");
                if (trouble == null && Math.abs(v) > HUGE && periodic(fn)) {
                    note("an argument of " + fn.fname() + " is " + v + ", too large to difference");
                    tooLarge = true;
                }
            }
        }
    }

    /** Whether a step of the argument far below its size may still move the value across a period. */
    private static boolean periodic(Fn fn) {
        return switch (fn) {
            case Builtin b -> b == Builtin.SIN || b == Builtin.COS || b == Builtin.TAN;
            case Fn.Opaque o -> true; // a*sin(b*x + c) + d*x
        };
    }

    @Override
    public void pole(RealMatrix x) {
        for (double[] row : Matrices.rowsOf(x)) {
            for (double v : row) if (Math.abs(v) < KINK_MARGIN) note("a denominator is " + v + ", near 0");
        }
    }

    @Override
    public void matrixFunction(MatOp op, RealMatrix argument, RealMatrix result) {
        if (op == MatOp.LOGDET && !Double.isFinite(result.getEntry(0, 0))) note("logdet of a matrix whose det is not positive");
        if (op == MatOp.INV && !Matrices.allFinite(result)) note("inv of a singular matrix");
        // norm is not differentiable at 0 (a relu layer all dead, say)
        if (op == MatOp.NORM && result.getEntry(0, 0) < KINK_MARGIN) note("norm of a value near 0");
    }

    @Override
    public void extremum(boolean max, Expr.Axis axis, RealMatrix x) {
        if (Extrema.smallestGap(max, axis, x) < KINK_MARGIN) note("two entries tie for the " + (max ? "max" : "min") + ", a kink");
    }

    @Override
    public void value(Expr e, RealMatrix value) {
        // with no domain, pole or matrix function to blame (noted before), it is an overflow
        if (trouble == null && !Matrices.allFinite(value)) {
            note("a value that is not finite");
            tooLarge = true;
        }
    }

    private boolean tooLarge;

    /** Whether the trouble is size (an overflow, sin of 1e9): then smaller inputs help, where near a kink they would not. */
    boolean tooLarge() {
        return tooLarge;
    }

    /** Beyond this, the differences of a periodic function measure rounding, not the derivative. */
    static final double HUGE = 1e4;
}
