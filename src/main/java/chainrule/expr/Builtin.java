package chainrule.expr;

import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * The elementwise functions. A new one is one entry: its name, its LaTeX, its values and
 * derivatives, whether it has a kink at 0, its domain, and (optionally) how to write its
 * derivative in closed form and in terms of its own value.
 */
public enum Builtin implements Fn {
    RELU("relu", "\\operatorname{relu}", true, x -> true,
            (o, x) -> switch (o) { case 0 -> Math.max(0, x); case 1 -> x > 0 ? 1 : 0; default -> 0; },
            a -> Optional.empty(), h -> Optional.empty()),
    SIGMOID("sigmoid", "\\sigma", false, x -> true,
            // sigma' = sigma(1 - sigma): every order is a polynomial in sigma
            (o, x) -> o == 0 ? 1 / (1 + Math.exp(-x)) : Kernels.SIGMOID.at(o, 1 / (1 + Math.exp(-x))),
            a -> Optional.empty(),
            h -> Optional.of(Ex.hadamard(h, Ex.sub(Ex.ones(h.shape()), h)))),
    TANH("tanh", "\\tanh", false, x -> true,
            // tanh' = 1 - tanh^2
            (o, x) -> o == 0 ? Math.tanh(x) : Kernels.TANH.at(o, Math.tanh(x)),
            a -> Optional.empty(),
            h -> Optional.of(Ex.sub(Ex.ones(h.shape()), Ex.power(h, 2)))),
    EXP("exp", "\\exp", false, x -> true, (o, x) -> Math.exp(x),
            a -> Optional.of(Ex.apply(valueOf("EXP"), a)), h -> Optional.of(h)),
    LOG("log", "\\log", false, x -> x > 0,
            (o, x) -> o == 0 ? Math.log(x) : Kernels.power(o - 1, -1, x),
            a -> Optional.of(Ex.power(a, -1)), h -> Optional.empty()),
    SQRT("sqrt", "\\sqrt", false, x -> x > 0,
            (o, x) -> Kernels.power(o, 0.5, x),
            a -> Optional.of(Ex.scale(Ex.num(0.5), Ex.power(a, -0.5))), h -> Optional.empty()),
    ABS("abs", "\\operatorname{abs}", true, x -> true,
            (o, x) -> switch (o) { case 0 -> Math.abs(x); case 1 -> Math.signum(x); default -> 0; },
            a -> Optional.of(Ex.apply(valueOf("SIGN"), a)), h -> Optional.empty()),
    SIN("sin", "\\sin", false, x -> true,
            (o, x) -> switch (o % 4) { case 0 -> Math.sin(x); case 1 -> Math.cos(x); case 2 -> -Math.sin(x); default -> -Math.cos(x); },
            a -> Optional.of(Ex.apply(valueOf("COS"), a)), h -> Optional.empty()),
    COS("cos", "\\cos", false, x -> true,
            (o, x) -> switch (o % 4) { case 0 -> Math.cos(x); case 1 -> -Math.sin(x); case 2 -> -Math.cos(x); default -> Math.sin(x); },
            a -> Optional.of(Ex.neg(Ex.apply(valueOf("SIN"), a))), h -> Optional.empty()),
    SOFTPLUS("softplus", "\\operatorname{softplus}", false, x -> true,
            (o, x) -> o == 0 ? (x > 30 ? x : Math.log1p(Math.exp(x))) : SIGMOID.at(o - 1, x),
            a -> Optional.of(Ex.apply(valueOf("SIGMOID"), a)), h -> Optional.empty()),
    SQUARE("square", "\\operatorname{square}", false, x -> true,
            (o, x) -> switch (o) { case 0 -> x * x; case 1 -> 2 * x; case 2 -> 2; default -> 0; },
            a -> Optional.of(Ex.scale(Ex.num(2), a)), h -> Optional.empty()),
    SIGN("sign", "\\operatorname{sign}", true, x -> true,
            (o, x) -> o == 0 ? Math.signum(x) : 0,
            a -> Optional.of(Ex.zero(a.shape())), h -> Optional.empty()),
    STEP("step", "\\operatorname{step}", true, x -> true,
            (o, x) -> o == 0 ? (x > 0 ? 1 : 0) : 0,
            a -> Optional.of(Ex.zero(a.shape())), h -> Optional.empty()),
    // tan has poles where cos is 0: points near them are drawn again
    TAN("tan", "\\tan", false, x -> Math.abs(Math.cos(x)) > 0.05,
            // tan' = 1 + tan^2
            (o, x) -> o == 0 ? Math.tan(x) : Kernels.TAN.at(o, Math.tan(x)),
            a -> Optional.empty(),
            h -> Optional.of(Ex.add(Ex.ones(h.shape()), Ex.power(h, 2)))),
    ATAN("atan", "\\arctan", false, x -> true,
            (o, x) -> o == 0 ? Math.atan(x) : Kernels.atan(o, x),
            a -> Optional.of(Ex.divide(Ex.ones(a.shape()), Ex.add(Ex.ones(a.shape()), Ex.power(a, 2)))),
            h -> Optional.empty()),
    ERF("erf", "\\operatorname{erf}", false, x -> true,
            (o, x) -> o == 0 ? org.apache.commons.math3.special.Erf.erf(x) : 2 * Kernels.gaussian(o - 1, x * Math.sqrt(2)) * Math.pow(Math.sqrt(2), o),
            a -> Optional.empty(), h -> Optional.empty()),
    LOG1P("log1p", "\\operatorname{log1p}", false, x -> x > -1,
            (o, x) -> o == 0 ? Math.log1p(x) : Kernels.power(o - 1, -1, 1 + x),
            a -> Optional.of(Ex.divide(Ex.ones(a.shape()), Ex.add(Ex.ones(a.shape()), a))), h -> Optional.empty()),
    EXPM1("expm1", "\\operatorname{expm1}", false, x -> true,
            (o, x) -> o == 0 ? Math.expm1(x) : Math.exp(x),
            a -> Optional.of(Ex.apply(valueOf("EXP"), a)), h -> Optional.empty()),
    /** The exact GELU, x*Phi(x) (PyTorch's default), not the tanh approximation. */
    GELU("gelu", "\\operatorname{GELU}", false, x -> true,
            // (x*Phi)^(n) = x*Phi^(n) + n*Phi^(n-1)
            (o, x) -> x * Kernels.normalCdf(o, x) + (o == 0 ? 0 : o * Kernels.normalCdf(o - 1, x)),
            a -> Optional.empty(), h -> Optional.empty()),
    /** ELU with alpha 1 (PyTorch's default): its first derivative is continuous, so it has no kink to avoid. */
    ELU("elu", "\\operatorname{ELU}", false, x -> true,
            (o, x) -> o == 0 ? (x > 0 ? x : Math.expm1(x)) : o == 1 ? (x > 0 ? 1 : Math.exp(x)) : (x > 0 ? 0 : Math.exp(x)),
            a -> Optional.empty(), h -> Optional.empty()),
    SILU("silu", "\\operatorname{SiLU}", false, x -> true,
            // (x*sigma)^(n) = x*sigma^(n) + n*sigma^(n-1)
            (o, x) -> {
                double s = 1 / (1 + Math.exp(-x));
                return x * Kernels.SIGMOID.at(o, s) + (o == 0 ? 0 : o * Kernels.SIGMOID.at(o - 1, s));
            },
            // silu' = sigmoid(x) .* (1 + x .* (1 - sigmoid(x)))
            a -> Optional.of(Ex.hadamard(Ex.apply(valueOf("SIGMOID"), a),
                    Ex.add(Ex.ones(a.shape()), Ex.hadamard(a, Ex.sub(Ex.ones(a.shape()), Ex.apply(valueOf("SIGMOID"), a)))))),
            h -> Optional.empty()),
    /** Slope 0.01 below 0 (PyTorch's default); leaky_relu(x, a) with another slope is lowered to relus. */
    LEAKY_RELU("leaky_relu", "\\operatorname{LeakyReLU}", true, x -> true,
            (o, x) -> switch (o) { case 0 -> x > 0 ? x : 0.01 * x; case 1 -> x > 0 ? 1 : 0.01; default -> 0; },
            // step(x) + 0.01*step(-x)
            a -> Optional.of(Ex.add(Ex.apply(valueOf("STEP"), a), Ex.scale(Ex.num(0.01), Ex.apply(valueOf("STEP"), Ex.neg(a))))),
            h -> Optional.empty());

    /** Values of the function and its derivatives. */
    public interface Kernel {
        double at(int order, double x);
    }

    private final String fname;
    public final String latex;
    private final boolean kinked;
    private final DoublePredicate domain;
    private final Kernel kernel;
    private final Function<Expr, Optional<Expr>> closedDerivative;
    private final Function<Expr, Optional<Expr>> derivativeFromValue;

    Builtin(String fname, String latex, boolean kinked, DoublePredicate domain, Kernel kernel,
            Function<Expr, Optional<Expr>> closedDerivative, Function<Expr, Optional<Expr>> derivativeFromValue) {
        this.fname = fname;
        this.latex = latex;
        this.kinked = kinked;
        this.domain = domain;
        this.kernel = kernel;
        this.closedDerivative = closedDerivative;
        this.derivativeFromValue = derivativeFromValue;
    }

    /** By name: looked up for every call in every statement (the REPL checks its whole session per line). */
    private static final java.util.Map<String, Builtin> BY_NAME = new java.util.HashMap<>();

    static {
        for (Builtin b : values()) BY_NAME.putIfAbsent(b.fname, b);
    }

    public static Optional<Builtin> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return fname;
    }

    public String fname() {
        return fname;
    }

    public double at(int order, double x) {
        return kernel.at(order, x);
    }

    public boolean kinked() {
        return kinked;
    }

    public boolean inDomain(double x) {
        return domain.test(x);
    }

    /** f'(a) written without a prime where a textbook does (abs' = sign, exp' = exp, ...). */
    public Optional<Expr> closedDerivative(Expr a) {
        return closedDerivative.apply(a);
    }

    /** f'(z) written with h = f(z) (sigmoid' = h .* (1 - h), tanh' = 1 - h.^2), where that reads better. */
    public Optional<Expr> derivativeFromValue(Expr h) {
        return derivativeFromValue.apply(h);
    }
}
