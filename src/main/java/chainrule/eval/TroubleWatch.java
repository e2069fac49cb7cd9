package chainrule.eval;

import chainrule.expr.Expr;
import chainrule.expr.Expr.MatOp;
import chainrule.expr.Fn;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Notes the first reason a point is bad for finite differences: an argument of a kinked
 * function (relu, abs, sign, step; see {@link Kinks}) near its kink, an argument outside a function's domain
 * (log, sqrt; det <= 0 under logdet), a denominator (or the base of a negative or fractional
 * power) near 0, or a value that is not finite.
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
            }
        }
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
        if (trouble == null && !Matrices.allFinite(value)) note("a value that is not finite");
        // beyond this, finite differences measure rounding (sin of 1e9), not the derivative
        if (trouble == null && Matrices.maxAbs(value) > HUGE) {
            note("a value of " + Matrices.maxAbs(value) + ", too large to difference");
            tooLarge = true;
        }
    }

    private boolean tooLarge;

    /** Whether the trouble is size: then smaller inputs help, where near a kink they would not. */
    boolean tooLarge() {
        return tooLarge;
    }

    static final double HUGE = 1e4;
}
