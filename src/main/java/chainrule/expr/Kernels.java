package chainrule.expr;

/** Derivatives of every order for the elementwise functions whose derivatives follow a pattern. */
final class Kernels {
    private Kernels() {}

    /** sigmoid' = sigmoid (1 - sigmoid), tanh' = 1 - tanh^2, tan' = 1 + tan^2. */
    static final Chain SIGMOID = new Chain(0, 1, -1), TANH = new Chain(1, 0, -1), TAN = new Chain(1, 0, 1);

    /**
     * The derivatives of f where f' = q(f) for a polynomial q (coefficients, lowest first): each
     * derivative is a polynomial p(f), and d/dx p(f) = p'(f)*q(f). The polynomials are worked out
     * once per order, not once per entry (a 3000 x 3000 tanh layer spent most of its time making them).
     */
    static final class Chain {
        private final double[] q;
        private volatile double[][] byOrder = {{0, 1}};

        Chain(double... q) {
            this.q = q;
        }

        /** The order-th derivative at a point where f = y. */
        double at(int order, double y) {
            double[][] ps = byOrder;
            if (order >= ps.length) ps = upTo(order);
            double[] p = ps[order];
            double v = 0;
            for (int i = p.length - 1; i >= 0; i--) v = v * y + p[i];
            return v;
        }

        private synchronized double[][] upTo(int order) {
            double[][] ps = byOrder;
            if (order < ps.length) return ps;
            double[][] more = java.util.Arrays.copyOf(ps, order + 1);
            for (int k = ps.length; k <= order; k++) more[k] = times(derivative(more[k - 1]), q);
            byOrder = more;
            return more;
        }
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

    /** The order-th derivative (order >= 1) of atan: (-1)^(n-1) (n-1)! sin(n*t) / (1 + x^2)^(n/2), t = pi/2 - atan(x). */
    static double atan(int order, double x) {
        double f = 1;
        for (int k = 2; k < order; k++) f *= k;
        double t = Math.PI / 2 - Math.atan(x);
        return (order % 2 == 1 ? 1 : -1) * f * Math.sin(order * t) / Math.pow(1 + x * x, order / 2.0);
    }

    /** The order-th derivative of the standard normal density: (-1)^n He_n(x) phi(x), with Hermite's He. */
    static double gaussian(int order, double x) {
        double prev = 1, he = 1;
        if (order >= 1) he = x;
        for (int k = 1; k < order; k++) {
            double next = x * he - k * prev;
            prev = he;
            he = next;
        }
        if (order == 0) he = 1;
        return (order % 2 == 0 ? 1 : -1) * he * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    /** The order-th derivative of the standard normal distribution function Phi. */
    static double normalCdf(int order, double x) {
        return order == 0 ? 0.5 * (1 + org.apache.commons.math3.special.Erf.erf(x / Math.sqrt(2))) : gaussian(order - 1, x);
    }
}
