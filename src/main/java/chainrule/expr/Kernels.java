package chainrule.expr;

/** Derivatives of every order for the elementwise functions whose derivatives follow a pattern. */
final class Kernels {
    private Kernels() {}

    /**
     * The order-th derivative of f where f' = q(f) for a polynomial q (coefficients, lowest
     * first), at a point where f = y: each derivative is a polynomial p(f), and
     * d/dx p(f) = p'(f)*q(f).
     */
    static double chain(int order, double y, double[] q) {
        double[] p = {0, 1};
        for (int k = 0; k < order; k++) p = times(derivative(p), q);
        double v = 0;
        for (int i = p.length - 1; i >= 0; i--) v = v * y + p[i];
        return v;
    }

    private static double[] derivative(double[] p) {
        if (p.length == 1) return new double[] {0};
        double[] d = new double[p.length - 1];
        for (int i = 1; i < p.length; i++) d[i - 1] = i * p[i];
        return d;
    }

    private static double[] times(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b.length; j++) c[i + j] += a[i] * b[j];
        return c;
    }

    /** The order-th derivative of x^p: p(p-1)...(p-order+1) x^(p-order). */
    static double power(int order, double p, double x) {
        double c = 1;
        for (int k = 0; k < order; k++) c *= p - k;
        return c * Math.pow(x, p - order);
    }
}
