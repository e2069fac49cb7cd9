package chainrule.eval;

import org.apache.commons.math3.exception.MathUnsupportedOperationException;
import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A direction whose every entry is +-{@code entry}, kept as one bit an entry (column-major): the
 * direction of a 3000 x 3000 variable takes 1 MB, not the 72 MB of another copy of the variable.
 * Read only.
 */
final class SignDirection extends AbstractRealMatrix {
    private final int rows, cols;
    private final long[] negative;
    private final double entry;

    SignDirection(int rows, int cols, long[] negative, double entry) {
        this.rows = rows;
        this.cols = cols;
        this.negative = negative;
        this.entry = entry;
    }

    @Override
    public int getRowDimension() {
        return rows;
    }

    @Override
    public int getColumnDimension() {
        return cols;
    }

    @Override
    public double getEntry(int row, int column) {
        checkIndex(row, column);
        return sign(row, column);
    }

    private double sign(int row, int column) {
        long k = (long) column * rows + row;
        return (negative[(int) (k >>> 6)] >>> (k & 63) & 1) == 0 ? entry : -entry;
    }

    private void checkIndex(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= cols) {
            throw new org.apache.commons.math3.exception.OutOfRangeException(row < 0 || row >= rows ? row : column, 0,
                    row < 0 || row >= rows ? rows - 1 : cols - 1);
        }
    }

    /** x + t times this direction, into {@code out}, all three rows x cols. */
    void moveInto(double[][] x, double t, double[][] out) {
        double step = t * entry;
        for (int i = 0; i < rows; i++) {
            double[] from = x[i], to = out[i];
            long k = i;
            for (int j = 0; j < cols; j++, k += rows) {
                to[j] = from[j] + ((negative[(int) (k >>> 6)] >>> (k & 63) & 1) == 0 ? step : -step);
            }
        }
    }

    /** The sum of the entries of {@code a} (rows x cols) times this direction's. */
    double dot(double[][] a) {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            double[] row = a[i];
            long k = i;
            for (int j = 0; j < cols; j++, k += rows) s += (negative[(int) (k >>> 6)] >>> (k & 63) & 1) == 0 ? row[j] : -row[j];
        }
        return s * entry;
    }

    @Override
    public RealMatrix createMatrix(int rowDimension, int columnDimension) {
        return new Array2DRowRealMatrix(rowDimension, columnDimension);
    }

    @Override
    public RealMatrix copy() {
        return new Array2DRowRealMatrix(getData(), false);
    }

    @Override
    public void setEntry(int row, int column, double value) {
        throw new MathUnsupportedOperationException();
    }
}
