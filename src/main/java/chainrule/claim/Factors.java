package chainrule.claim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/** A claim that is the derivative times a constant, and that constant in words. */
final class Factors {
    private static final String[] TIMES = {"", "", "twice", "three times", "four times", "five times", "six times",
            "seven times", "eight times", "nine times", "ten times"};
    private static final String[] PART = {"", "", "half", "a third", "a quarter", "a fifth", "a sixth",
            "a seventh", "an eighth", "a ninth", "a tenth"};

    private Factors() {}

    /** c with claimed = c * truth at every point, or null when there is none (or it is 0 or 1). */
    static Double constant(List<RealMatrix> truth, List<RealMatrix> got) {
        double num = 0, den = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (got.get(i) == null) return null;
            RealMatrix t = truth.get(i), g = got.get(i);
            for (int r = 0; r < t.getRowDimension(); r++) {
                for (int c = 0; c < t.getColumnDimension(); c++) {
                    num += t.getEntry(r, c) * g.getEntry(r, c);
                    den += t.getEntry(r, c) * t.getEntry(r, c);
                }
            }
        }
        if (!(den > 0) || !Double.isFinite(num)) return null;
        double c = num / den;
        if (Math.abs(c) < 1e-9 || Math.abs(c - 1) < 1e-9) return null;
        for (int i = 0; i < truth.size(); i++) {
            if (!Numbers.agree(truth.get(i).scalarMultiply(c), got.get(i))) return null;
        }
        return c;
    }

    /** "it is a quarter of the derivative: a factor of 4 is missing", "it is the derivative times 0.37". */
    static String words(double c) {
        if (near(c, -1)) return "it is the derivative times -1: the sign is wrong";
        for (int n = 2; n < TIMES.length; n++) {
            if (near(c, n)) return "it is " + TIMES[n] + " the derivative: a factor of " + n + " too many";
            if (near(c, 1.0 / n)) return "it is " + PART[n] + (n == 2 ? "" : " of") + " the derivative: a factor of " + n + " is missing";
        }
        return "it is the derivative times " + number(c);
    }

    private static boolean near(double c, double v) {
        return Math.abs(c - v) <= 1e-6 * Math.abs(v);
    }

    /** Four significant digits, without trailing zeros: 0.37, -2, 1.333. */
    static String number(double c) {
        return new BigDecimal(c).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
