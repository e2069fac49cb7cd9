package chainrule;

import static org.junit.jupiter.api.Assertions.assertTrue;



import chainrule.diff.Answer;
import chainrule.codegen.Target;
import chainrule.app.CodeGeneration;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.diff.Step;
import chainrule.eval.Evaluator;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.eval.Values;
import chainrule.expr.Expr;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated modules run by the real NumPy and PyTorch (src/test/python/check_codegen.py), for
 * every test case with a derive request and {@value #NETWORKS} random networks of the property
 * test: NumPy's gradients equal chainrule's own values and finite differences of the generated
 * forward, torch's equal torch.autograd of its own forward, to 1e-8 in float64; both compile and
 * leave no name unread. One Python process checks every module.
 */
class GeneratedCodeTest {
    static final int NETWORKS = 300;
    static final int GROUP = 25;

    record Case(String id, String title, String source) {}

    @TestFactory
    Stream<DynamicTest> generatedModulesAgreeWithNumpyTorchAndChainrule(@TempDir Path dir) throws Exception {
        Python.require();
        long start = System.nanoTime();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long startCpu = cpu.getCurrentThreadCpuTime();
        List<Case> cases = new ArrayList<>();
        for (Path problem : TestCases.problems()) {
            String text = Files.readString(problem);
            if (text.lines().anyMatch(l -> l.strip().startsWith("derive "))) {
                cases.add(new Case("case" + cases.size(), problem.toString(), problem.toString()));
            }
        }
        int files = cases.size();
        for (int i = 0; i < NETWORKS; i++) cases.add(new Case("net" + i, "network " + i, null));

        List<Map<String, Object>> manifest = new ArrayList<>();
        Map<String, String> setupFailures = new LinkedHashMap<>();
        for (Case c : cases) {
            try {
                manifest.add(entry(c, dir));
            } catch (RuntimeException e) {
                setupFailures.put(c.id(), "generating or evaluating failed: " + e);
            }
        }
        ObjectMapper json = new ObjectMapper();
        Path manifestFile = dir.resolve("manifest.json");
        Path resultsFile = dir.resolve("results.json");
        json.writeValue(manifestFile.toFile(), manifest);
        long generated = System.nanoTime();
        long generatedCpu = cpu.getCurrentThreadCpuTime();
        String log = Python.run("check_codegen.py", dir, manifestFile.toString(), resultsFile.toString());
        System.err.printf("generated-code oracle: %d cases, generated in %.1f s (%.1f s of CPU time), checked by Python in %.1f s (%s)%n",
                cases.size(), (generated - start) / 1e9, (generatedCpu - startCpu) / 1e9, (System.nanoTime() - generated) / 1e9,
                log.strip());
        Map<String, List<String>> results = json.readValue(resultsFile.toFile(), new TypeReference<>() {});

        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases.subList(0, files)) {
            tests.add(DynamicTest.dynamicTest(c.title(), () -> assertClean(List.of(c), results, setupFailures)));
        }
        for (int from = files; from < cases.size(); from += GROUP) {
            List<Case> group = cases.subList(from, Math.min(from + GROUP, cases.size()));
            tests.add(DynamicTest.dynamicTest(group.get(0).title() + " .. " + group.get(group.size() - 1).title(),
                    () -> assertClean(group, results, setupFailures)));
        }
        return tests.stream();
    }

    private static void assertClean(List<Case> group, Map<String, List<String>> results, Map<String, String> setup) {
        List<String> bad = new ArrayList<>();
        for (Case c : group) {
            List<String> problems = new ArrayList<>();
            if (setup.containsKey(c.id())) problems.add(setup.get(c.id()));
            else if (!results.containsKey(c.id())) problems.add("not checked");
            else problems.addAll(results.get(c.id()));
            if (!problems.isEmpty()) {
                bad.add(c.title() + ":\n  " + String.join("\n  ", problems)
                        + (c.source() == null ? "\n" + PropertyTest.generate(Integer.parseInt(c.id().substring(3))) : ""));
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    /** One case of the manifest: both modules written out, a point drawn, chainrule's value of every answer there. */
    private static Map<String, Object> entry(Case c, Path dir) throws java.io.IOException {
        Program p = c.source() != null ? Loader.load(c.source())
                : Loader.load(new SourceFile("network.nn", PropertyTest.generate(Integer.parseInt(c.id().substring(3)))));
        Engine engine = new Engine(p);
        List<Answer> answers = new ArrayList<>();
        for (Program.Request r : p.requests()) if (r instanceof Program.Derive d) answers.addAll(engine.derive(d));
        Path numpy = dir.resolve(c.id() + "_numpy.py"), torch = dir.resolve(c.id() + "_torch.py");
        Files.writeString(numpy, CodeGeneration.module(engine, answers, Target.NUMPY));
        Files.writeString(torch, CodeGeneration.module(engine, answers, Target.TORCH));

        List<Step> steps = new ArrayList<>();
        for (Answer a : answers) steps.addAll(a.allSteps());
        Function<Expr.Derivative, Expr> expand = engine.expander(steps);
        Point point = new Sampler(p, 11, expand).draw();
        boolean opaque = !p.functions().isEmpty();
        Map<String, RealMatrix> defs = opaque ? Map.of() : Sampler.evaluateDefinitions(p, point, expand);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("numpy", numpy.toString());
        m.put("torch", torch.toString());
        Map<String, Object> values = new LinkedHashMap<>();
        point.values().forEach((k, v) -> values.put(k, Values.rows(v)));
        m.put("values", values);
        // sizes only for the symbols no input's shape gives: the others must come from the arrays
        Set<String> fromInputs = new TreeSet<>();
        for (Program.Input in : p.inputs().values()) {
            fromInputs.addAll(in.shape().rows().symbols());
            fromInputs.addAll(in.shape().cols().symbols());
        }
        Map<String, Long> dims = new LinkedHashMap<>(point.sizes());
        dims.keySet().removeAll(fromInputs);
        m.put("dims", dims);
        Map<String, String> functions = new LinkedHashMap<>();
        p.functions().forEach((k, v) -> functions.put(k, v.toString().toLowerCase()));
        m.put("functions", functions);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Answer a : answers) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("key", CodeGeneration.key(a));
            am.put("wrt", a.wrt().name());
            am.put("wrt_input", p.inputs().containsKey(a.wrt().name()));
            am.put("of_name", a.ofExpr() instanceof Expr.Var v && p.byName().containsKey(v.name()) ? v.name() : null);
            am.put("kind", a.kind());
            am.put("expected", opaque ? null
                    : Values.rows(new Evaluator(point.sizes(), defs, expand).eval(a.expression())));
            out.add(am);
        }
        m.put("answers", out);
        return m;
    }
}
