package chainrule.eval;

import org.apache.commons.math3.exception.MathUnsupportedOperationException;
import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A direction whose every entry is +-{@code entry}, kept as one bit an entry, row by row (as the
 * variable's arrays are walked): the direction of a 3000 x 3000 variable takes 1 MB, not the 72 MB
 * of another copy of the variable. Read only.
 */
final class SignDirection extends AbstractRealMatrix {
    private final int rows, cols;
    private final long[] negative;
    private final double entry;

    private SignDirection(int rows, int cols, long[] negative, double entry) {
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

    /** Entry k of {@code columnMajor} (bit k % 64 of word k / 64) is 1 where entry k of vec(D) is negative. */
    static SignDirection fromColumnMajor(int rows, int cols, long[] columnMajor, double entry) {
        long[] negative = new long[columnMajor.length];
        long k = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++, k++) {
                if ((columnMajor[(int) (k >>> 6)] >>> (k & 63) & 1) != 0) {
                    long at = (long) i * cols + j;
                    negative[(int) (at >>> 6)] |= 1L << (at & 63);
                }
            }
        }
        return new SignDirection(rows, cols, negative, entry);
    }

    private double sign(int row, int column) {
        long k = (long) row * cols + column;
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
        // the sign bit flipped where the bit says, without a branch (a coin's branch is mispredicted half the time)
        long step = Double.doubleToRawLongBits(t * entry);
        long k = 0;
        for (int i = 0; i < rows; i++) {
            double[] from = x[i], to = out[i];
            for (int j = 0; j < cols; ) {
                long word = negative[(int) (k >>> 6)] >>> (k & 63);
                int run = (int) Math.min(cols - j, 64 - (k & 63));
                for (int b = 0; b < run; b++, j++, word >>>= 1) to[j] = from[j] + Double.longBitsToDouble(step ^ word << 63);
                k += run;
            }
        }
    }

    /** The sum of the entries of {@code a} (rows x cols) times this direction's. */
    double dot(double[][] a) {
        double s = 0;
        long k = 0;
        for (int i = 0; i < rows; i++) {
            double[] row = a[i];
            for (int j = 0; j < cols; ) {
                long word = negative[(int) (k >>> 6)] >>> (k & 63);
                int run = (int) Math.min(cols - j, 64 - (k & 63));
                for (int b = 0; b < run; b++, j++, word >>>= 1) s += Double.longBitsToDouble(Double.doubleToRawLongBits(row[j]) ^ word << 63);
                k += run;
            }
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
