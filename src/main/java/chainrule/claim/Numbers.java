package chainrule.claim;

import org.apache.commons.math3.linear.RealMatrix;

/** Comparing and printing the values of two derivatives. */
final class Numbers {
    static final double TOLERANCE = 1e-6;

    private Numbers() {}

    static double relativeError(RealMatrix expected, RealMatrix got) {
        double diff = 0, scale = 1;
        for (int i = 0; i < expected.getRowDimension(); i++) {
            for (int j = 0; j < expected.getColumnDimension(); j++) {
                double e = expected.getEntry(i, j), g = got.getEntry(i, j);
                if (!Double.isFinite(g)) return Double.POSITIVE_INFINITY;
                diff = Math.max(diff, Math.abs(e - g));
                scale = Math.max(scale, Math.abs(e));
            }
        }
        return diff / scale;
    }

    static boolean agree(RealMatrix expected, RealMatrix got) {
        return relativeError(expected, got) < TOLERANCE;
    }

    /** A small matrix in full, a large one by its largest difference. */
    static String show(RealMatrix m) {
        int r = m.getRowDimension(), c = m.getColumnDimension();
        if (r * c > 12) return r + " x " + c + " matrix";
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < r; i++) {
            if (i > 0) out.append("; ");
            for (int j = 0; j < c; j++) {
                if (j > 0) out.append(", ");
                out.append(format(m.getEntry(i, j)));
            }
        }
        return out.append("]").toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** Where two values differ most: "entry (2, 1): expected 0.31, claimed -0.31". */
    static String largestDifference(RealMatrix expected, RealMatrix got) {
        int bi = 0, bj = 0;
        double best = -1;
        for (int i = 0; i < expected.getRowDimension(); i++) {
            for (int j = 0; j < expected.getColumnDimension(); j++) {
                double d = Math.abs(expected.getEntry(i, j) - got.getEntry(i, j));
                if (d > best || Double.isNaN(d)) {
                    best = d;
                    bi = i;
                    bj = j;
                }
            }
        }
        return "entry (" + (bi + 1) + ", " + (bj + 1) + "): expected " + format(expected.getEntry(bi, bj))
                + ", claimed " + format(got.getEntry(bi, bj));
    }
}
