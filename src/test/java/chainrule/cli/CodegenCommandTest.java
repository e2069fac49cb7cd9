package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.Python;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'chainrule codegen': its options and mistakes, and what the generated module does with bad input (run by Python). */
class CodegenCommandTest {
    @TempDir
    Path dir;

    static final String SYMBOLIC = """
            x : n
            W : m x n
            b : m
            L = sum(relu(W*x + b))
            derive L wrt W, b
            """;

    @Test
    void writesTheModuleAsJson() throws Exception {
        Run r = Run.of("codegen", Run.file(dir, SYMBOLIC).toString(), "--target", "numpy", "--format", "json");
        assertEquals(Main.OK, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("numpy", json.get("target").asText());
        String code = json.get("code").asText();
        assertTrue(code.contains("\nimport numpy as np\n"), code);
        assertTrue(code.contains("    return {\"d(L)/d(W)\": dL_dW, \"d(L)/d(b)\": dL_db}\n"), code);
        assertTrue(code.contains("    n = x.shape[0]\n"), code);
    }

    @Test
    void writesTheModuleToAFile() throws Exception {
        Path out = dir.resolve("grad.py");
        Run r = Run.of("codegen", Run.file(dir, SYMBOLIC).toString(), "--target=torch", "-o", out.toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals("wrote " + out, r.out().strip());
        String code = Files.readString(out);
        assertTrue(code.contains("\nimport torch\n") && !code.contains("numpy"), code);
    }

    @Test
    void ofAndWrtChooseTheDerivatives() {
        Run r = Run.of("codegen", Run.file(dir, SYMBOLIC).toString(), "--target", "numpy", "--of", "L", "--wrt", "x");
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().contains("    return {\"d(L)/d(x)\": dL_dx}\n"), r.out());
    }

    @Test
    void anUnknownTargetIsAUsageError() {
        Run r = Run.of("codegen", Run.file(dir, SYMBOLIC).toString(), "--target", "jax");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("chainrule: error: unknown target 'jax': --target numpy or --target torch", r.err().strip());
    }

    @Test
    void theTargetIsRequired() {
        Run r = Run.of("codegen", Run.file(dir, SYMBOLIC).toString());
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().contains("--target"), r.err());
    }

    @Test
    void aFileWithoutDeriveAsksForOne() {
        Run r = Run.of("codegen", Run.file(dir, "x : 2\nL = sum(x)\n").toString(), "--target", "numpy");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().contains("asks for no derivative"), r.err());
    }

    /** The generated modules run: bad shapes, a size two inputs disagree on, missing inputs, names Python reserves. */
    @Test
    void generatedModulesExplainBadInput() throws Exception {
        Python.require();
        Path numpy = dir.resolve("sym_numpy.py"), torch = dir.resolve("sym_torch.py"), names = dir.resolve("names.py");
        assertEquals(Main.OK, Run.of("codegen", Run.file(dir, SYMBOLIC).toString(), "--target", "numpy", "-o", numpy.toString()).status());
        assertEquals(Main.OK, Run.of("codegen", Run.file(dir, SYMBOLIC).toString(), "--target", "torch", "-o", torch.toString()).status());
        String reserved = """
                lambda : 2
                f, np : 2 x 2
                λ : scalar
                values = np*lambda + f*lambda
                L = λ*sum(values .^ 2)
                derive L wrt np, λ
                """;
        Run generated = Run.of("codegen", Run.file(dir, reserved).toString(), "--target", "numpy", "-o", names.toString());
        assertEquals(Main.OK, generated.status(), generated.err());
        String good = "{'x': np.ones((3, 1)), 'W': np.ones((4, 3)), 'b': np.ones((4, 1))}";
        List<Map<String, String>> snippets = new ArrayList<>();
        snippets.add(Map.of("module", numpy.toString(), "code", "result = m.gradients(" + good + ")['d(L)/d(W)'].shape"));
        snippets.add(Map.of("module", numpy.toString(), "code",
                "result = m.gradients({'x': np.ones((3, 1)), 'W': np.ones((4, 2)), 'b': np.ones((4, 1))})"));
        snippets.add(Map.of("module", numpy.toString(), "code", "result = m.forward({'x': np.ones(3), 'W': np.ones((4, 3)), 'b': np.ones((4, 1))})"));
        snippets.add(Map.of("module", numpy.toString(), "code", "result = m.forward({'x': np.ones((3, 1)), 'W': np.ones((4, 3))})"));
        snippets.add(Map.of("module", torch.toString(), "code",
                "result = m.gradients({'x': torch.ones(3, 1), 'W': torch.ones(4, 3), 'b': torch.ones(5, 1)})"));
        snippets.add(Map.of("module", torch.toString(), "code", "result = m.gradients(" + good.replace("np.", "torch.") + ")['d(L)/d(b)'].dtype"));
        snippets.add(Map.of("module", names.toString(), "code",
                "g = m.gradients({'lambda': np.ones((2, 1)), 'f': np.eye(2), 'np': np.eye(2), 'λ': 2.0})\n"
                        + "result = (g['d(L)/d(np)'].tolist(), g['d(L)/d(λ)'].tolist())"));
        ObjectMapper json = new ObjectMapper();
        Path in = dir.resolve("snippets.json"), out = dir.resolve("results.json");
        json.writeValue(in.toFile(), snippets);
        Python.run("run_snippets.py", dir, in.toString(), out.toString());
        List<String> results = json.readValue(out.toFile(), new TypeReference<>() {});
        assertEquals("(4, 3)", results.get(0));
        assertEquals("ValueError: input W has shape (4, 2), expected (4, 3): declared m x n, with n = 3 from the shape of x"
                + " (the inputs disagree on n)", results.get(1));
        assertEquals("ValueError: input x has shape (3,), expected a 2-D array of shape n x 1", results.get(2));
        assertEquals("ValueError: missing input b (declared m x 1)", results.get(3));
        assertEquals("ValueError: input b has shape (5, 1), expected (4, 1): declared m x 1, with m = 4 from the shape of W"
                + " (the inputs disagree on m)", results.get(4));
        assertEquals("torch.float64", results.get(5));
        // values = (np + f)*lambda = [2, 2]', so dL/dnp = 2*λ*values*lambda' = 8 everywhere and dL/dλ = sum(values.^2) = 8
        assertEquals("([[8.0, 8.0], [8.0, 8.0]], [[8.0]])", results.get(6));
    }
}
