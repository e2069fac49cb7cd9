package chainrule.eval;

import chainrule.expr.Expr.MatOp;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** norm, tr, det, logdet and inv of a matrix; a singular or out-of-domain argument gives NaN, not an exception. */
final class MatrixFunctions {
    private MatrixFunctions() {}

    static RealMatrix apply(MatOp op, RealMatrix a) {
        return switch (op) {
            case NORM -> Matrices.scalar(a.getFrobeniusNorm());
            case TRACE -> Matrices.scalar(a.getTrace());
            case DET -> Matrices.scalar(new LUDecomposition(a).getDeterminant());
            case LOGDET -> Matrices.scalar(logdet(a));
            case INV -> inverse(a);
        };
    }

    /** log(det A) from the LU factors, so a large matrix does not overflow; NaN where det A <= 0. */
    static double logdet(RealMatrix a) {
        LUDecomposition lu = new LUDecomposition(a);
        RealMatrix u = lu.getU();
        double det = lu.getDeterminant();
        if (!(det > 0) && !Double.isInfinite(det)) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < u.getRowDimension(); i++) sum += Math.log(Math.abs(u.getEntry(i, i)));
        return sum;
    }

    static RealMatrix inverse(RealMatrix a) {
        LUDecomposition lu = new LUDecomposition(a);
        if (!lu.getSolver().isNonSingular()) return Matrices.filled(a.getRowDimension(), a.getColumnDimension(), Double.NaN);
        return lu.getSolver().getInverse();
    }
}
