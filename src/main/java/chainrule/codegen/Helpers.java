package chainrule.codegen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The small functions a generated module defines before forward(): each written out only when
 * the module uses it, with the helpers it calls.
 */
final class Helpers {
    record Helper(String numpy, String torch, List<String> uses) {}

    private static final Map<String, Helper> ALL = new LinkedHashMap<>();

    private static void add(String name, String numpy, String torch, String... uses) {
        ALL.put(name, new Helper(numpy, torch, List.of(uses)));
    }

    static {
        add("_array", """
                def _array(values, name, declared):
                    if name not in values:
                        raise ValueError(f"missing input {name} (declared {declared})")
                    a = np.asarray(values[name], dtype=np.float64)
                    if a.ndim == 0:
                        a = a.reshape(1, 1)
                    if a.ndim != 2:
                        raise ValueError(f"input {name} has shape {a.shape}, expected a 2-D array of shape {declared}")
                    return a
                """, """
                def _array(values, name, declared):
                    if name not in values:
                        raise ValueError(f"missing input {name} (declared {declared})")
                    a = torch.as_tensor(values[name], dtype=torch.float64)
                    if a.dim() == 0:
                        a = a.reshape(1, 1)
                    if a.dim() != 2:
                        raise ValueError(f"input {name} has shape {tuple(a.shape)}, expected a 2-D array of shape {declared}")
                    return a
                """);
        String check = """
                def _check(name, a, expected, declared, sizes):
                    if tuple(a.shape) != expected:
                        read = "".join(f", with {s} = {v} from the shape of {src}" for s, (v, src) in sizes.items())
                        why = f" (the inputs disagree on {', '.join(sizes)})" if sizes else ""
                        raise ValueError(f"input {name} has shape {tuple(a.shape)}, expected {expected}: declared {declared}{read}{why}")
                """;
        add("_check", check, check);
        String dim = """
                def _dim(values, symbol):
                    dims = values.get("dims", {})
                    if symbol not in dims:
                        raise ValueError(f"the size of dimension {symbol} is not the shape of any input: give it as values['dims']['{symbol}']")
                    return int(dims[symbol])
                """;
        add("_dim", dim, dim);
        add("_sigmoid", """
                def _sigmoid(x):
                    return np.exp(-np.logaddexp(0.0, -x))
                """, "");
        add("_sigmoid_grad", """
                def _sigmoid_grad(x):
                    s = _sigmoid(x)
                    return s * (1 - s)
                """, """
                def _sigmoid_grad(x):
                    s = torch.sigmoid(x)
                    return s * (1 - s)
                """, "_sigmoid");
        add("_sigmoid_grad2", """
                def _sigmoid_grad2(x):
                    s = _sigmoid(x)
                    return s * (1 - s) * (1 - 2 * s)
                """, """
                def _sigmoid_grad2(x):
                    s = torch.sigmoid(x)
                    return s * (1 - s) * (1 - 2 * s)
                """, "_sigmoid");
        add("_tanh_grad2", """
                def _tanh_grad2(x):
                    t = np.tanh(x)
                    return -2 * t * (1 - t ** 2)
                """, """
                def _tanh_grad2(x):
                    t = torch.tanh(x)
                    return -2 * t * (1 - t ** 2)
                """);
        add("_softmax", """
                def _softmax(x, axis):
                    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
                    return e / np.sum(e, axis=axis, keepdims=True)
                """, "");
        add("_logsumexp", """
                def _logsumexp(x, axis):
                    m = np.max(x, axis=axis, keepdims=True)
                    return m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
                """, "");
        add("_log_softmax", """
                def _log_softmax(x, axis):
                    return x - _logsumexp(x, axis)
                """, "", "_logsumexp");
        add("_logdet", """
                def _logdet(x):
                    sign, logabs = np.linalg.slogdet(x)
                    return np.full((1, 1), logabs if sign > 0 else np.nan)
                """, "");
        add("_commutation", """
                def _commutation(m, n):
                    # K with K @ vec(A) = vec(A.T) for an m x n matrix A (vec stacks the columns)
                    k = np.zeros((m * n, m * n))
                    i, j = np.meshgrid(np.arange(m), np.arange(n), indexing="ij")
                    k[(j + n * i).ravel(), (i + m * j).ravel()] = 1
                    return k
                """, """
                def _commutation(m, n):
                    # K with K @ vec(A) = vec(A.T) for an m x n matrix A (vec stacks the columns)
                    k = torch.zeros(m * n, m * n, dtype=torch.float64)
                    i, j = torch.meshgrid(torch.arange(m), torch.arange(n), indexing="ij")
                    k[(j + n * i).reshape(-1), (i + m * j).reshape(-1)] = 1
                    return k
                """);
        add("_kron", "", """
                def _kron(a, b):
                    # torch 1.13's kron fails on a transposed (non-contiguous) argument
                    return torch.kron(a.contiguous(), b.contiguous())
                """);
        add("_erf", """
                def _erf(x):
                    # NumPy has no erf: its Taylor series near 0, the continued fraction of erfc further out
                    a = np.abs(x)
                    near = np.minimum(a, 2.5)
                    term = near.copy()
                    series = near.copy()
                    for k in range(1, 60):
                        term = -term * near ** 2 / k
                        series = series + term / (2 * k + 1)
                    series = series * 1.1283791670955126
                    far = np.maximum(a, 2.5)
                    frac = np.zeros_like(far)
                    for k in range(60, 0, -1):
                        frac = (k / 2) / (far + frac)
                    tail = 1 - np.exp(-far ** 2) / (far + frac) * 0.5641895835477563
                    return np.sign(x) * np.where(a < 2.5, series, tail)
                """, "");
        add("_erf_grad", """
                def _erf_grad(x):
                    return 1.1283791670955126 * np.exp(-x ** 2)
                """, """
                def _erf_grad(x):
                    return 1.1283791670955126 * torch.exp(-x ** 2)
                """);
        add("_gelu", """
                def _gelu(x):
                    return 0.5 * x * (1 + _erf(x / np.sqrt(2.0)))
                """, "", "_erf");
        add("_gelu_grad", """
                def _gelu_grad(x):
                    return 0.5 * (1 + _erf(x / np.sqrt(2.0))) + x * np.exp(-x ** 2 / 2) / 2.5066282746310002
                """, """
                def _gelu_grad(x):
                    return 0.5 * (1 + torch.erf(x / 2 ** 0.5)) + x * torch.exp(-x ** 2 / 2) / 2.5066282746310002
                """, "_erf");
        add("_elu", """
                def _elu(x):
                    return np.where(x > 0, x, np.expm1(np.minimum(x, 0.0)))
                """, "");
        add("_elu_grad", """
                def _elu_grad(x):
                    return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0)))
                """, """
                def _elu_grad(x):
                    return torch.where(x > 0, torch.ones_like(x), torch.exp(torch.clamp(x, max=0.0)))
                """);
        add("_leaky_relu", """
                def _leaky_relu(x):
                    return np.where(x > 0, x, 0.01 * x)
                """, "");
        add("_leaky_relu_grad", """
                def _leaky_relu_grad(x):
                    return np.where(x > 0, 1.0, 0.01)
                """, """
                def _leaky_relu_grad(x):
                    return torch.where(x > 0, torch.ones_like(x), torch.full_like(x, 0.01))
                """);
        add("_silu", """
                def _silu(x):
                    return x * _sigmoid(x)
                """, "", "_sigmoid");
        add("_silu_grad", """
                def _silu_grad(x):
                    s = _sigmoid(x)
                    return s * (1 + x * (1 - s))
                """, """
                def _silu_grad(x):
                    s = torch.sigmoid(x)
                    return s * (1 + x * (1 - s))
                """, "_sigmoid");
    }

    private final Target target;
    private final Set<String> used = new TreeSet<>();

    Helpers(Target target) {
        this.target = target;
    }

    /** Marks the helpers this text calls (and those they call) as used. */
    void noteCalls(String text) {
        for (String name : ALL.keySet()) {
            if (!used.contains(name) && java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.])" + name + "\\(").matcher(text).find()) {
                if (source(name).isEmpty()) continue; // not a helper in this target (torch has its own)
                used.add(name);
                for (String u : ALL.get(name).uses()) noteCalls(u + "(");
            }
        }
    }

    private String source(String name) {
        Helper h = ALL.get(name);
        return switch (target) {
            case NUMPY -> h.numpy();
            case TORCH -> h.torch();
        };
    }

    /** The used helpers' definitions, in a fixed order, two blank lines apart. */
    String definitions() {
        StringBuilder out = new StringBuilder();
        for (String name : ALL.keySet()) {
            if (used.contains(name)) out.append("\n\n").append(source(name).stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
