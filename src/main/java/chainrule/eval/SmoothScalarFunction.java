package chainrule.eval;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Coefficients per entry count: drawing them anew for every evaluation would dominate finite differences. */
    private static final Map<String, double[][]> COEFFICIENTS = new ConcurrentHashMap<>();

    private Random random(long salt) {
        return new Random(name.hashCode() * 1_000_003L + salt);
    }

    /** a_i, b_i, c_i and the coupling weight w_i of entry i; they depend on the name and i only. */
    private double[][] entries(int n) {
        return COEFFICIENTS.computeIfAbsent(name + "#" + n, key -> {
            double[][] k = new double[n][];
            for (int i = 0; i < n; i++) {
                Random r = random(i + 1);
                k[i] = new double[] {0.5 + r.nextDouble(), 0.5 + r.nextDouble(), 2 * Math.PI * r.nextDouble(), r.nextGaussian() / 2};
            }
            return k;
        });
    }

    private double[] global() {
        Random r = random(0);
        return new double[] {0.2 + 0.5 * r.nextDouble(), 0.5 + r.nextDouble(), r.nextDouble()};
    }

    private static double coupling(double[][] k, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += k[i][3] * x[i];
        return s;
    }

    public double value(RealMatrix m) {
        double[] x = Matrices.vec(m);
        double[] g = global();
        double d = g[0], e = g[1], phase = g[2];
        double[][] k = entries(x.length);
        double total = 0;
        for (int i = 0; i < x.length; i++) total += k[i][0] * Math.sin(k[i][1] * x[i] + k[i][2]) + 0.5 * d * x[i] * x[i];
        return total + e * Math.sin(coupling(k, x) + phase);
    }

    /** The gradient, shaped like the argument. */
    public RealMatrix gradient(RealMatrix m) {
        double[] x = Matrices.vec(m);
        double[] g = global();
        double d = g[0], e = g[1], phase = g[2];
        double[][] k = entries(x.length);
        double outer = e * Math.cos(coupling(k, x) + phase);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = k[i][0] * k[i][1] * Math.cos(k[i][1] * x[i] + k[i][2]) + d * x[i] + outer * k[i][3];
        return Matrices.unvec(out, m.getRowDimension(), m.getColumnDimension());
    }
}
