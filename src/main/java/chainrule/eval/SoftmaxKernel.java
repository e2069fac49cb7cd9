package chainrule.eval;

import chainrule.expr.Ex;
import chainrule.expr.Expr.SoftKind;
import chainrule.expr.Shape;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * softmax, log_softmax and logsumexp: over all entries of a vector (column or row), over each
 * column of a matrix (see {@link Ex#columnwise}). The declared shape decides, never the drawn
 * size (SPEC §1): Z : k x 3 is a matrix even where k is 1, so softmax goes down each column.
 * Each group is shifted by its maximum first, so large entries do not overflow.
 */
final class SoftmaxKernel {
    private SoftmaxKernel() {}

    static RealMatrix apply(SoftKind kind, Shape declared, RealMatrix a) {
        int r = a.getRowDimension(), c = a.getColumnDimension();
        boolean columnwise = Ex.columnwise(declared);
        if (!columnwise) {
            double[] x = Matrices.vec(a);
            double[] y = group(kind, x);
            return kind == SoftKind.LOGSUMEXP ? Matrices.scalar(y[0]) : Matrices.unvec(y, r, c);
        }
        RealMatrix out = new Array2DRowRealMatrix(kind == SoftKind.LOGSUMEXP ? 1 : r, c);
        for (int j = 0; j < c; j++) {
            double[] y = group(kind, a.getColumn(j));
            if (kind == SoftKind.LOGSUMEXP) out.setEntry(0, j, y[0]);
            else out.setColumn(j, y);
        }
        return out;
    }

    /** The kind over one group of entries; logsumexp gives one number. */
    private static double[] group(SoftKind kind, double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) max = Math.max(max, v);
        double sum = 0;
        for (double v : x) sum += Math.exp(v - max);
        double lse = max + Math.log(sum);
        return switch (kind) {
            case LOGSUMEXP -> new double[] {lse};
            case LOG_SOFTMAX -> java.util.Arrays.stream(x).map(v -> v - lse).toArray();
            case SOFTMAX -> java.util.Arrays.stream(x).map(v -> Math.exp(v - lse)).toArray();
        };
    }
}
