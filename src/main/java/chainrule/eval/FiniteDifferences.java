package chainrule.eval;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.Var;
import chainrule.shape.Program;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Numeric derivatives by the central stencil
 * f'(x) ~ (f(x-2h) - 8 f(x-h) + 8 f(x+h) - f(x+2h)) / 12h, whose error is O(h^4).
 * The step is relative to the entry, h = {@value #STEP} * max(1, |x|): small enough that a
 * step never carries an argument across a kink the sampler kept 1e-3 away, even where the
 * argument moves a hundred times faster than the variable (a larger step did, and a right
 * answer failed), while rounding stays near 1e-10, far under the 1e-6 the checks allow. The variable may be an input or a definition; then the definition's value is
 * perturbed and only what depends on it is recomputed.
 */
public final class FiniteDifferences {
    public static final double STEP = 1e-6;

    private final Program program;
    private final Function<Derivative, Expr> expand;

    public FiniteDifferences(Program program, Function<Derivative, Expr> expand) {
        this.program = program;
        this.expand = expand;
    }

    /** d(of)/d(wrt) at the point, in the layout of SPEC §2. */
    public RealMatrix derivative(Expr of, Var wrt, Point at) {
        return Layout.fromVecJacobian(vecJacobian(of, wrt, at), of.shape(), wrt.shape(), at.sizes());
    }

    /** d vec(of) / d vec(wrt), size(of) x size(wrt), one column per entry of wrt (column-major). */
    public RealMatrix vecJacobian(Expr of, Var wrt, Point at) {
        Recomputation f = new Recomputation(program, at, of, wrt.name(), expand);
        RealMatrix x = f.wrtValue();
        int n = Matrices.size(x);
        RealMatrix jacobian = null;
        for (int k = 0; k < n; k++) {
            RealMatrix unit = new Array2DRowRealMatrix(x.getRowDimension(), x.getColumnDimension());
            unit.setEntry(k % x.getRowDimension(), k / x.getRowDimension(), 1);
            double[] column = along(f, x, unit, STEP * Math.max(1, Math.abs(Matrices.at(x, k))));
            if (jacobian == null) jacobian = new Array2DRowRealMatrix(column.length, n);
            jacobian.setColumn(k, column);
        }
        return jacobian;
    }

    /**
     * Directional derivatives, as torch.autograd.gradcheck's fast mode takes them: for each column
     * v of {@code directions} (size(wrt) x k, vec order), d vec(of(wrt + t v)) / dt at t = 0.
     * The result is size(of) x k; compare it with J * directions for a vec-Jacobian J.
     */
    public RealMatrix directional(Expr of, Var wrt, Point at, RealMatrix directions) {
        Recomputation f = new Recomputation(program, at, of, wrt.name(), expand);
        RealMatrix x = f.wrtValue();
        double h = STEP * Math.max(1, Matrices.maxAbs(x));
        RealMatrix out = null;
        for (int j = 0; j < directions.getColumnDimension(); j++) {
            RealMatrix v = Matrices.unvec(directions.getColumn(j), x.getRowDimension(), x.getColumnDimension());
            double[] column = along(f, x, v, h);
            if (out == null) out = new Array2DRowRealMatrix(column.length, directions.getColumnDimension());
            out.setColumn(j, column);
        }
        return out;
    }

    /** k random directions of unit length in n dimensions, as the columns of an n x k matrix. */
    public static RealMatrix randomDirections(int n, int k, Random random) {
        RealMatrix d = new Array2DRowRealMatrix(n, k);
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double g = random.nextGaussian();
                d.setEntry(i, j, g);
                norm += g * g;
            }
            d.setColumn(j, d.getColumnVector(j).mapDivide(Math.sqrt(norm)).toArray());
        }
        return d;
    }

    /** The stencil along v; where a step leaves the function's domain (a NaN), smaller steps are tried. */
    private static double[] along(Recomputation f, RealMatrix x, RealMatrix v, double h) {
        double[] d = null;
        for (int attempt = 0; attempt < 4; attempt++, h /= 10) {
            double[] m2 = value(f, x, v, -2 * h), m1 = value(f, x, v, -h), p1 = value(f, x, v, h), p2 = value(f, x, v, 2 * h);
            d = new double[m2.length];
            boolean finite = true;
            for (int i = 0; i < d.length; i++) {
                d[i] = (m2[i] - 8 * m1[i] + 8 * p1[i] - p2[i]) / (12 * h);
                finite &= Double.isFinite(d[i]);
            }
            if (finite) return d;
        }
        return d;
    }

    private static double[] value(Recomputation f, RealMatrix x, RealMatrix v, double t) {
        return Matrices.vec(f.valueAt(x.add(v.scalarMultiply(t))));
    }
}
