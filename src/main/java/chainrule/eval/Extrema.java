package chainrule.eval;

import chainrule.expr.Expr.Axis;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/** max(X) and min(X): over all entries, down each column (a row) or along each row (a column). */
final class Extrema {
    private Extrema() {}

    static RealMatrix apply(boolean max, Axis axis, RealMatrix x) {
        int r = x.getRowDimension(), c = x.getColumnDimension();
        return switch (axis) {
            case ALL -> Matrices.scalar(best(max, Matrices.vec(x)));
            case COLUMNS -> {
                RealMatrix out = new Array2DRowRealMatrix(1, c);
                for (int j = 0; j < c; j++) out.setEntry(0, j, best(max, x.getColumn(j)));
                yield out;
            }
            case ROWS -> {
                RealMatrix out = new Array2DRowRealMatrix(r, 1);
                for (int i = 0; i < r; i++) out.setEntry(i, 0, best(max, x.getRow(i)));
                yield out;
            }
            case VERTICAL, HORIZONTAL -> throw new IllegalStateException("internal: extremum along " + axis);
        };
    }

    private static double best(boolean max, double[] v) {
        double b = v[0];
        for (double d : v) b = max ? Math.max(b, d) : Math.min(b, d);
        return b;
    }

    /** The gap between the best entry and the runner-up of each group: near 0 the arg-max is about to change. */
    static double smallestGap(boolean max, Axis axis, RealMatrix x) {
        int r = x.getRowDimension(), c = x.getColumnDimension();
        double gap = Double.POSITIVE_INFINITY;
        switch (axis) {
            case ALL -> gap = gap(max, Matrices.vec(x));
            case COLUMNS -> { for (int j = 0; j < c; j++) gap = Math.min(gap, gap(max, x.getColumn(j))); }
            case ROWS -> { for (int i = 0; i < r; i++) gap = Math.min(gap, gap(max, x.getRow(i))); }
            case VERTICAL, HORIZONTAL -> { }
        }
        return gap;
    }

    private static double gap(boolean max, double[] v) {
        if (v.length < 2) return Double.POSITIVE_INFINITY;
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return max ? s[s.length - 1] - s[s.length - 2] : s[1] - s[0];
    }
}
