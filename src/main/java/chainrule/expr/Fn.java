package chainrule.expr;

/** An elementwise function: one of the built-in table, or a user's opaque {@code fun g : elementwise}. */
public sealed interface Fn permits Builtin, Fn.Opaque {

    String fname();

    /** The value of the order-th derivative at x (order 0 is the function itself). */
    double at(int order, double x);

    /** Whether the function or one of its derivatives jumps at 0 (relu, abs, sign, step). */
    boolean kinked();

    /** Whether x lies in the domain where the function is smooth. */
    boolean inDomain(double x);

    /**
     * An opaque elementwise function; numerically a fixed random smooth function
     * a*sin(b*x + c) + d*x chosen from the name, so every order has a closed form.
     */
    record Opaque(String name) implements Fn {
        public String fname() {
            return name;
        }

        private double[] coefficients() {
            java.util.Random r = new java.util.Random(name.hashCode() * 31L + 7);
            return new double[] {0.5 + r.nextDouble(), 0.5 + r.nextDouble(), r.nextDouble(), 0.2 + r.nextDouble()};
        }

        public double at(int order, double x) {
            double[] k = coefficients();
            double a = k[0], b = k[1], c = k[2], d = k[3];
            double phase = b * x + c + order * Math.PI / 2; // the n-th derivative of sin shifts its phase
            double value = a * Math.pow(b, order) * Math.sin(phase);
            if (order == 0) value += d * x;
            if (order == 1) value += d;
            return value;
        }

        public boolean kinked() {
            return false;
        }

        public boolean inDomain(double x) {
            return true;
        }
    }
}
