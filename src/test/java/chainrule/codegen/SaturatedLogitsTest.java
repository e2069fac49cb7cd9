package chainrule.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.Python;
import chainrule.cli.Main;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated modules on logits 1000 apart, run by NumPy and torch: log(softmax(z)) is computed
 * as log_softmax (np.log of a softmax that underflowed to 0 was -inf), log(sigmoid(u)) and
 * log(1 - sigmoid(u)) as -softplus, so the values are finite and equal the float64 values worked
 * out by hand here.
 */
class SaturatedLogitsTest {
    @TempDir
    Path dir;

    static final String CROSS_ENTROPY = """
            z : 3
            y : 3 onehot
            P = softmax(z)
            L = -sum(y .* log(P))
            derive L wrt z
            """;

    static final String ROWS = """
            Z : 2 x 3
            Y : 2 x 3 onehot rows
            L = -sum(sum(Y .* log(softmax(Z, 2))))
            derive L wrt Z
            """;

    static final String LOGISTIC = """
            x : 2
            w : 2
            y : scalar binary
            p = sigmoid(w'*x)
            L = -(y*log(p) + (1 - y)*log(1 - p))
            derive L wrt w
            """;

    private Path module(String source, String target) throws Exception {
        Path problem = Files.writeString(Files.createTempFile(dir, "net", ".nn"), source);
        Path out = dir.resolve(problem.getFileName().toString().replace(".nn", "_" + target + ".py"));
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"codegen", problem.toString(), "--target", target, "-o", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(Main.OK, status, err.toString());
        return out;
    }

    /** A snippet that leaves the entries of one array (forward's or gradients') as a flat list of floats. */
    private static Map<String, String> snippet(Path module, String call, String key, String values) {
        return Map.of("module", module.toString(), "code",
                "r = m." + call + "(" + values + ")['" + key + "']\nresult = [float(v) for v in np.asarray(r, dtype=float).ravel()]");
    }

    record Expect(Map<String, String> snippet, double[] want, String what) {}

    @Test
    void logitsAThousandApartGiveFiniteValuesInNumpyAndTorch() throws Exception {
        Python.require();
        List<Expect> expects = new ArrayList<>();
        for (String target : List.of("numpy", "torch")) {
            String lib = target.equals("numpy") ? "np.array" : "torch.tensor";
            Path ce = module(CROSS_ENTROPY, target), rows = module(ROWS, target), logistic = module(LOGISTIC, target);
            // log_softmax(z)_2 = -1000 - 1000 - log(1 + e^-1000 + e^-2000) = -2000 in float64; the gradient is softmax(z) - y
            String z = "{'z': " + lib + "([[1000.0], [-1000.0], [0.0]]), 'y': " + lib + "([[0.0], [1.0], [0.0]])}";
            expects.add(new Expect(snippet(ce, "forward", "L", z), new double[] {2000}, target + " cross-entropy"));
            expects.add(new Expect(snippet(ce, "gradients", "d(L)/d(z)", z), new double[] {1, -1, 0}, target + " its gradient"));
            // row 1 as above; row 2: log_softmax([0, 0, -1000])_3 = -1000 - log(2)
            String zz = "{'Z': " + lib + "([[1000.0, -1000.0, 0.0], [0.0, 0.0, -1000.0]]), 'Y': " + lib + "([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])}";
            expects.add(new Expect(snippet(rows, "forward", "L", zz), new double[] {3000 + Math.log(2)}, target + " softmax over rows"));
            expects.add(new Expect(snippet(rows, "gradients", "d(L)/d(Z)", zz), new double[] {1, -1, 0, 0.5, 0.5, -1}, target + " its gradient"));
            // w'*x = 1000 with y = 0, and -1000 with y = 1: either way the loss is softplus(1000) = 1000
            for (String[] c : new String[][] {{"1.0", "0.0"}, {"-1.0", "1.0"}}) {
                String v = "{'x': " + lib + "([[1000.0], [0.0]]), 'w': " + lib + "([[" + c[0] + "], [0.0]]), 'y': " + c[1] + "}";
                expects.add(new Expect(snippet(logistic, "forward", "L", v), new double[] {1000}, target + " logistic, w'*x = " + c[0] + "e3"));
            }
        }
        ObjectMapper json = new ObjectMapper();
        Path in = dir.resolve("snippets.json"), out = dir.resolve("results.json");
        json.writeValue(in.toFile(), expects.stream().map(Expect::snippet).toList());
        Python.run("run_snippets.py", dir, in.toString(), out.toString());
        List<String> results = json.readValue(out.toFile(), new TypeReference<>() {});
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expects.size(); i++) {
            Expect e = expects.get(i);
            String r = results.get(i);
            double[] got = r.startsWith("[") ? parse(r) : null;
            boolean same = got != null && got.length == e.want().length;
            for (int k = 0; same && k < got.length; k++) same = Math.abs(got[k] - e.want()[k]) <= 1e-12 * Math.max(1, Math.abs(e.want()[k]));
            if (!same) wrong.add(e.what() + ": expected " + java.util.Arrays.toString(e.want()) + ", got " + r);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static double[] parse(String list) {
        String inner = list.substring(1, list.length() - 1).strip();
        if (inner.isEmpty()) return new double[0];
        return java.util.Arrays.stream(inner.split(",")).map(String::strip)
                .map(s -> s.replace("inf", "Infinity").replace("nan", "NaN")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void theLogOfASoftmaxIsWrittenAsLogSoftmax() throws Exception {
        String numpy = Files.readString(module(CROSS_ENTROPY, "numpy")), torch = Files.readString(module(ROWS, "torch"));
        assertTrue(numpy.contains("L = -np.sum(y * _log_softmax(z, 0), keepdims=True)  # 1 x 1"), numpy);
        assertTrue(torch.contains("torch.log_softmax(Z.T, dim=0).T") && !torch.contains("torch.log("), torch);
        String logistic = Files.readString(module(LOGISTIC, "numpy"));
        assertTrue(logistic.contains("-np.logaddexp(0.0, -(w.T @ x))") && logistic.contains("-np.logaddexp(0.0, w.T @ x)"), logistic);
    }
}
