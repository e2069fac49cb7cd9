package chainrule.codegen;

import java.util.List;
import java.util.Map;

/**
 * How each elementwise function and its derivatives are spelled: one entry a function, the
 * NumPy and the torch spelling of order 0 (the function), 1 (f'), 2 (f''), ... In a template
 * {x} is the argument where any expression may stand (inside a call), {a} where it must be
 * an atom; a function whose formula would repeat its argument is a helper of {@link Helpers}.
 */
final class Elementwise {
    private Elementwise() {}

    record Spelling(List<String> numpy, List<String> torch) {}

    private static Spelling of(List<String> numpy, List<String> torch) {
        return new Spelling(numpy, torch);
    }

    static final Map<String, Spelling> TABLE = Map.ofEntries(
            Map.entry("relu", of(List.of("np.maximum({x}, 0.0)", "np.heaviside({x}, 0.0)", "np.zeros_like({x})"),
                    List.of("torch.relu({x})", "({x} > 0).double()", "torch.zeros_like({x})"))),
            Map.entry("step", of(List.of("np.heaviside({x}, 0.0)", "np.zeros_like({x})"),
                    List.of("({x} > 0).double()", "torch.zeros_like({x})"))),
            Map.entry("sign", of(List.of("np.sign({x})", "np.zeros_like({x})"),
                    List.of("torch.sign({x})", "torch.zeros_like({x})"))),
            Map.entry("sigmoid", of(List.of("_sigmoid({x})", "_sigmoid_grad({x})", "_sigmoid_grad2({x})"),
                    List.of("torch.sigmoid({x})", "_sigmoid_grad({x})", "_sigmoid_grad2({x})"))),
            Map.entry("tanh", of(List.of("np.tanh({x})", "1 - np.tanh({x}) ** 2", "_tanh_grad2({x})"),
                    List.of("torch.tanh({x})", "1 - torch.tanh({x}) ** 2", "_tanh_grad2({x})"))),
            Map.entry("exp", of(List.of("np.exp({x})", "np.exp({x})", "np.exp({x})", "np.exp({x})"),
                    List.of("torch.exp({x})", "torch.exp({x})", "torch.exp({x})", "torch.exp({x})"))),
            Map.entry("log", of(List.of("np.log({x})", "1 / {a}", "-1 / {a} ** 2", "2 / {a} ** 3"),
                    List.of("torch.log({x})", "1 / {a}", "-1 / {a} ** 2", "2 / {a} ** 3"))),
            Map.entry("sqrt", of(List.of("np.sqrt({x})", "0.5 / np.sqrt({x})", "-0.25 * {a} ** -1.5", "0.375 * {a} ** -2.5"),
                    List.of("torch.sqrt({x})", "0.5 / torch.sqrt({x})", "-0.25 * {a} ** -1.5", "0.375 * {a} ** -2.5"))),
            Map.entry("abs", of(List.of("np.abs({x})", "np.sign({x})", "np.zeros_like({x})"),
                    List.of("torch.abs({x})", "torch.sign({x})", "torch.zeros_like({x})"))),
            Map.entry("sin", of(List.of("np.sin({x})", "np.cos({x})", "-np.sin({x})", "-np.cos({x})"),
                    List.of("torch.sin({x})", "torch.cos({x})", "-torch.sin({x})", "-torch.cos({x})"))),
            Map.entry("cos", of(List.of("np.cos({x})", "-np.sin({x})", "-np.cos({x})", "np.sin({x})"),
                    List.of("torch.cos({x})", "-torch.sin({x})", "-torch.cos({x})", "torch.sin({x})"))),
            Map.entry("softplus", of(List.of("np.logaddexp(0.0, {x})", "_sigmoid({x})", "_sigmoid_grad({x})"),
                    List.of("torch.nn.functional.softplus({x})", "torch.sigmoid({x})", "_sigmoid_grad({x})"))),
            Map.entry("square", of(List.of("{a} ** 2", "2 * {a}", "np.full_like({x}, 2.0)"),
                    List.of("{a} ** 2", "2 * {a}", "torch.full_like({x}, 2.0)"))),
            Map.entry("tan", of(List.of("np.tan({x})", "1 / np.cos({x}) ** 2"),
                    List.of("torch.tan({x})", "1 / torch.cos({x}) ** 2"))),
            Map.entry("atan", of(List.of("np.arctan({x})", "1 / (1 + {a} ** 2)"),
                    List.of("torch.atan({x})", "1 / (1 + {a} ** 2)"))),
            Map.entry("log1p", of(List.of("np.log1p({x})", "1 / (1 + {a})"),
                    List.of("torch.log1p({x})", "1 / (1 + {a})"))),
            Map.entry("expm1", of(List.of("np.expm1({x})", "np.exp({x})"),
                    List.of("torch.expm1({x})", "torch.exp({x})"))),
            Map.entry("erf", of(List.of("_erf({x})", "_erf_grad({x})"),
                    List.of("torch.erf({x})", "_erf_grad({x})"))),
            Map.entry("gelu", of(List.of("_gelu({x})", "_gelu_grad({x})"),
                    List.of("torch.nn.functional.gelu({x})", "_gelu_grad({x})"))),
            Map.entry("elu", of(List.of("_elu({x})", "_elu_grad({x})"),
                    List.of("torch.nn.functional.elu({x})", "_elu_grad({x})"))),
            Map.entry("leaky_relu", of(List.of("_leaky_relu({x})", "_leaky_relu_grad({x})", "np.zeros_like({x})"),
                    List.of("torch.nn.functional.leaky_relu({x})", "_leaky_relu_grad({x})", "torch.zeros_like({x})"))),
            Map.entry("silu", of(List.of("_silu({x})", "_silu_grad({x})"),
                    List.of("torch.nn.functional.silu({x})", "_silu_grad({x})"))));

    /** The template of fname's order-th derivative, or null where it has no spelling. */
    static String template(Target target, String fname, int order) {
        Spelling s = TABLE.get(fname);
        if (s == null) return null;
        List<String> forms = switch (target) {
            case NUMPY -> s.numpy();
            case TORCH -> s.torch();
        };
        return order < forms.size() ? forms.get(order) : null;
    }

    /** The template filled with the argument. */
    static Code fill(String template, Code x) {
        String text = template.replace("{x}", x.text()).replace("{a}", x.at(Code.ATOM));
        return new Code(text, Code.precedence(template), x.array());
    }
}
