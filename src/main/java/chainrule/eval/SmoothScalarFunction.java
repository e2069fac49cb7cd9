package chainrule.eval;

import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The numeric stand-in for an opaque {@code fun loss : scalar}: a fixed random smooth function
 * of all entries, chosen from the function's name,
 * <pre>
 *   f(X) = sum_i a_i sin(b_i X_i + c_i) + d/2 sum_i X_i^2 + e sin(sum_i w_i X_i)
 * </pre>
 * (i runs over the entries in column-major order). The last term couples the entries, so a
 * claim that treats the gradient as elementwise is caught. The gradient is exact, not numeric.
 */
public record SmoothScalarFunction(String name) {

    private Random random(long salt) {
        return new Random(name.hashCode() * 1_000_003L + salt);
    }

    private double[] entry(int i) {
        Random r = random(i + 1);
        return new double[] {0.5 + r.nextDouble(), 0.5 + r.nextDouble(), 2 * Math.PI * r.nextDouble(), r.nextGaussian() / 2};
    }

    private double[] global() {
        Random r = random(0);
        return new double[] {0.2 + 0.5 * r.nextDouble(), 0.5 + r.nextDouble(), r.nextDouble()};
    }

    private double coupling(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += entry(i)[3] * x[i];
        return s;
    }

    public double value(RealMatrix m) {
        double[] x = Matrices.vec(m);
        double[] g = global();
        double d = g[0], e = g[1], phase = g[2];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double[] k = entry(i);
            total += k[0] * Math.sin(k[1] * x[i] + k[2]) + 0.5 * d * x[i] * x[i];
        }
        return total + e * Math.sin(coupling(x) + phase);
    }

    /** The gradient, shaped like the argument. */
    public RealMatrix gradient(RealMatrix m) {
        double[] x = Matrices.vec(m);
        double[] g = global();
        double d = g[0], e = g[1], phase = g[2];
        double outer = e * Math.cos(coupling(x) + phase);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] k = entry(i);
            out[i] = k[0] * k[1] * Math.cos(k[1] * x[i] + k[2]) + d * x[i] + outer * k[3];
        }
        return Matrices.unvec(out, m.getRowDimension(), m.getColumnDimension());
    }
}
