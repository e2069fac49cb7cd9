package chainrule.eval;

import chainrule.expr.Shape;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/** Small entrywise helpers over Commons Math matrices; vec and reshape are column-major. */
public final class Matrices {
    private Matrices() {}

    public static RealMatrix filled(int rows, int cols, double value) {
        RealMatrix m = new Array2DRowRealMatrix(rows, cols);
        if (value != 0) {
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m.setEntry(i, j, value);
        }
        return m;
    }

    public static RealMatrix scalar(double value) {
        return filled(1, 1, value);
    }

    public static RealMatrix map(RealMatrix a, DoubleUnaryOperator f) {
        return map(a, f, null);
    }

    /** As {@link #map(RealMatrix, DoubleUnaryOperator)}, into {@code out} (r x c) where it is not null. */
    static RealMatrix map(RealMatrix a, DoubleUnaryOperator f, double[][] out) {
        int r = a.getRowDimension(), c = a.getColumnDimension();
        double[][] x = rowsOf(a);
        out = fit(out, r, c);
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i][j] = f.applyAsDouble(x[i][j]);
        return new Array2DRowRealMatrix(out, false);
    }

    public static RealMatrix zip(RealMatrix a, RealMatrix b, DoubleBinaryOperator f) {
        return zip(a, b, f, null);
    }

    /** As {@link #zip(RealMatrix, RealMatrix, DoubleBinaryOperator)}, into {@code out} (r x c; it may be a's own) where it is not null. */
    static RealMatrix zip(RealMatrix a, RealMatrix b, DoubleBinaryOperator f, double[][] out) {
        int r = a.getRowDimension(), c = a.getColumnDimension();
        if (b.getRowDimension() != r || b.getColumnDimension() != c) {
            throw new IllegalStateException("internal: entrywise operation on " + r + " x " + c + " and "
                    + b.getRowDimension() + " x " + b.getColumnDimension());
        }
        double[][] x = rowsOf(a), y = rowsOf(b);
        out = fit(out, r, c);
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i][j] = f.applyAsDouble(x[i][j], y[i][j]);
        return new Array2DRowRealMatrix(out, false);
    }

    /** {@code out} where it is rows x cols, else a new array. */
    static double[][] fit(double[][] out, int rows, int cols) {
        return out != null && out.length == rows && (rows == 0 || out[0].length == cols) ? out : new double[rows][cols];
    }

    /** The rows of a matrix without copying them where it keeps them as an array; callers must not modify them. */
    static double[][] rowsOf(RealMatrix a) {
        return a instanceof Array2DRowRealMatrix m ? m.getDataRef() : a.getData();
    }

    /**
     * a * b over the arrays, in i-k-j order (Commons Math's generic product reads every entry
     * through a bounds check and walks b by columns: ten times slower on a network's layers).
     */
    public static RealMatrix multiply(RealMatrix a, RealMatrix b) {
        return multiply(a, b, null);
    }

    /** As {@link #multiply(RealMatrix, RealMatrix)}, into {@code out} (n x m, neither a's nor b's) where it is not null. */
    static RealMatrix multiply(RealMatrix a, RealMatrix b, double[][] out) {
        int n = a.getRowDimension(), inner = a.getColumnDimension(), m = b.getColumnDimension();
        if (b.getRowDimension() != inner) {
            throw new IllegalStateException("internal: product of " + dims(a) + " and " + dims(b));
        }
        double[][] x = rowsOf(a), y = rowsOf(b);
        out = fit(out, n, m);
        for (int i = 0; i < n; i++) {
            double[] row = out[i], xi = x[i];
            java.util.Arrays.fill(row, 0);
            for (int k = 0; k < inner; k++) {
                double s = xi[k];
                double[] yk = y[k];
                for (int j = 0; j < m; j++) row[j] += s * yk[j];
            }
        }
        return new Array2DRowRealMatrix(out, false);
    }

    public static RealMatrix add(RealMatrix a, RealMatrix b) {
        return zip(a, b, Double::sum);
    }

    public static RealMatrix transpose(RealMatrix a) {
        return transpose(a, null);
    }

    /** As {@link #transpose(RealMatrix)}, into {@code out} (c x r, not a's) where it is not null. */
    static RealMatrix transpose(RealMatrix a, double[][] out) {
        int r = a.getRowDimension(), c = a.getColumnDimension();
        double[][] x = rowsOf(a);
        out = fit(out, c, r);
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[j][i] = x[i][j];
        return new Array2DRowRealMatrix(out, false);
    }

    public static int size(RealMatrix a) {
        return a.getRowDimension() * a.getColumnDimension();
    }

    /** The k-th entry in column-major order. */
    public static double at(RealMatrix a, int k) {
        int r = a.getRowDimension();
        return a.getEntry(k % r, k / r);
    }

    /** The entries in column-major order, as vec(A) does. */
    public static double[] vec(RealMatrix a) {
        int r = a.getRowDimension(), c = a.getColumnDimension();
        double[][] x = rowsOf(a);
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            double[] row = x[i];
            for (int j = 0; j < c; j++) out[j * r + i] = row[j];
        }
        return out;
    }

    /** Column-major entries laid out as a rows x cols matrix. */
    public static RealMatrix unvec(double[] entries, int rows, int cols) {
        if (entries.length != rows * cols) {
            throw new IllegalStateException("internal: " + entries.length + " entries as " + rows + " x " + cols);
        }
        double[][] out = new double[rows][cols];
        for (int j = 0; j < cols; j++) for (int i = 0; i < rows; i++) out[i][j] = entries[j * rows + i];
        return new Array2DRowRealMatrix(out, false);
    }

    public static RealMatrix reshape(RealMatrix a, int rows, int cols) {
        return unvec(vec(a), rows, cols);
    }

    public static double maxAbs(RealMatrix a) {
        double max = 0;
        for (double[] row : rowsOf(a)) {
            for (double entry : row) {
                double v = Math.abs(entry);
                if (!(v <= max)) max = v; // NaN wins, so a non-finite entry is never hidden
            }
        }
        return max;
    }

    public static boolean allFinite(RealMatrix a) {
        for (double[] row : rowsOf(a)) for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }

    public static int rows(Shape s, Map<String, Long> sizes) {
        return Math.toIntExact(s.rows().evaluate(sizes));
    }

    public static int cols(Shape s, Map<String, Long> sizes) {
        return Math.toIntExact(s.cols().evaluate(sizes));
    }

    /** Whether a matrix has the shape under the sizes. */
    public static boolean hasShape(RealMatrix a, Shape s, Map<String, Long> sizes) {
        return a.getRowDimension() == rows(s, sizes) && a.getColumnDimension() == cols(s, sizes);
    }

    public static String dims(RealMatrix a) {
        return a.getRowDimension() + " x " + a.getColumnDimension();
    }
}
