package chainrule.claim;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/** Comparing and printing the values of two derivatives. */
final class Numbers {
    static final double TOLERANCE = 1e-6;
    /** Up to this many entries a value is shown whole; beyond, its worst entries. */
    static final int WHOLE = 16;
    static final int WORST = 3;

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

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /**
     * The two values at one point, as lines: a scalar on one line; a small matrix whole, the
     * expected beside the claimed, entries aligned; a large one by its worst entries and their
     * (1-based) indices.
     */
    static List<String> compare(RealMatrix expected, RealMatrix claimed) {
        int r = expected.getRowDimension(), c = expected.getColumnDimension();
        if (r == 1 && c == 1) {
            return List.of("expected " + format(expected.getEntry(0, 0)) + ", claimed " + format(claimed.getEntry(0, 0)));
        }
        return r * c <= WHOLE ? whole(expected, claimed) : worst(expected, claimed);
    }

    /** Side by side: "expected" over the one matrix, "claimed" over the other, columns right-aligned. */
    private static List<String> whole(RealMatrix expected, RealMatrix claimed) {
        List<String> left = block(expected), right = block(claimed);
        int width = Math.max("expected".length(), left.get(0).length()); // every line of a block is as long
        List<String> out = new ArrayList<>();
        out.add(pad("expected", width) + "    claimed");
        for (int i = 0; i < left.size(); i++) out.add((pad(left.get(i), width) + "    " + right.get(i)).stripTrailing());
        return out;
    }

    /** A matrix as lines of entries, each column lined up on the decimal point. */
    private static List<String> block(RealMatrix m) {
        int r = m.getRowDimension(), c = m.getColumnDimension();
        String[][] whole = new String[r][c], part = new String[r][c];
        int[] left = new int[c], right = new int[c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                String f = format(m.getEntry(i, j));
                int dot = f.indexOf('.');
                whole[i][j] = dot < 0 ? f : f.substring(0, dot);
                part[i][j] = dot < 0 ? "" : f.substring(dot);
                left[j] = Math.max(left[j], whole[i][j].length());
                right[j] = Math.max(right[j], part[i][j].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < c; j++) {
                if (j > 0) line.append("  ");
                line.append(" ".repeat(left[j] - whole[i][j].length())).append(whole[i][j]).append(part[i][j])
                        .append(" ".repeat(right[j] - part[i][j].length()));
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The entries that differ most, largest difference first, with their indices. */
    private static List<String> worst(RealMatrix expected, RealMatrix claimed) {
        int r = expected.getRowDimension(), c = expected.getColumnDimension();
        List<int[]> entries = new ArrayList<>();
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) entries.add(new int[] {i, j});
        entries.sort((a, b) -> Double.compare(difference(expected, claimed, b), difference(expected, claimed, a)));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"entry", "expected", "claimed"});
        for (int[] e : entries.subList(0, Math.min(WORST, entries.size()))) {
            rows.add(new String[] {"(" + (e[0] + 1) + ", " + (e[1] + 1) + ")",
                    format(expected.getEntry(e[0], e[1])), format(claimed.getEntry(e[0], e[1]))});
        }
        int[] width = new int[3];
        for (String[] row : rows) for (int k = 0; k < 3; k++) width[k] = Math.max(width[k], row[k].length());
        List<String> out = new ArrayList<>();
        out.add("the " + Math.min(WORST, entries.size()) + " entries of " + r + " x " + c + " that differ most:");
        for (String[] row : rows) {
            out.add(pad(row[0], width[0]) + "    " + " ".repeat(width[1] - row[1].length()) + row[1]
                    + "    " + " ".repeat(width[2] - row[2].length()) + row[2]);
        }
        return out;
    }

    private static double difference(RealMatrix expected, RealMatrix claimed, int[] at) {
        double d = Math.abs(expected.getEntry(at[0], at[1]) - claimed.getEntry(at[0], at[1]));
        return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
