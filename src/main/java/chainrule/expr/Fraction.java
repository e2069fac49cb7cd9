package chainrule.expr;

/**
 * A number that people write as a fraction, p/q with a small q: 1/3, -2/3, 5/6. A number whose
 * decimal is short (0.5, 0.25, 1e-5) is none, so it keeps its decimal spelling.
 */
public record Fraction(long p, long q) {
    private static final int LARGEST_DENOMINATOR = 16;

    /** v as p/q, or null where v is whole, has a short decimal, or is no such fraction. */
    public static Fraction of(double v) {
        if (v == Math.rint(v) || Double.isNaN(v) || Double.isInfinite(v) || Double.toString(v).length() <= 8) return null;
        for (long q = 2; q <= LARGEST_DENOMINATOR; q++) {
            double k = v * q;
            if (Math.abs(k) < 1e6 && Math.abs(k - Math.rint(k)) < 1e-9 * Math.max(1, Math.abs(k))) return new Fraction(Math.round(k), q);
        }
        return null;
    }
}
