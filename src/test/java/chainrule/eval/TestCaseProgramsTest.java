package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.cli.Loader;
import chainrule.expr.Expr;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Every program under test-cases/ evaluates at sampled points, each node to its own shape. */
class TestCaseProgramsTest {

    @Test
    void everyDefinitionOfEveryTestCaseEvaluatesToItsShape() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("test-cases"))) {
            files = all.filter(f -> f.toString().endsWith(".nn")).sorted().toList();
        }
        int programs = 0;
        for (Path file : files) {
            Program p;
            try {
                p = Loader.load(file.toString());
            } catch (ChainRuleException badInput) {
                continue; // a test case of bad input
            }
            programs++;
            Sampler sampler = new Sampler(p, 1);
            Point point = sampler.draw();
            Map<String, Long> sizes = point.sizes();
            Evaluator.Watch shapes = new Evaluator.Watch() {
                @Override
                public void value(Expr e, RealMatrix v) {
                    assertTrue(Matrices.hasShape(v, e.shape(), sizes), file + ": " + e + " is " + Matrices.dims(v) + ", not " + e.shape());
                }
            };
            Map<String, RealMatrix> values = new java.util.LinkedHashMap<>(point.values());
            Evaluator evaluator = new Evaluator(sizes, values, null, shapes);
            for (Program.Definition d : p.definitions()) values.put(d.name(), evaluator.eval(d.body()));
            for (Program.Input in : p.inputs().values()) assertTrue(Matrices.hasShape(values.get(in.name()), in.shape(), sizes));
            assertNull(sampler.trouble(point), file + ": " + sampler.trouble(point));
        }
        assertTrue(programs > 50, programs + " programs");
    }
}
