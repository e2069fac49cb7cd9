package chainrule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Answer;
import chainrule.app.Engine;
import chainrule.cli.ShapesCommandAccess;
import chainrule.render.Text;
import chainrule.shape.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every problem of test-cases/: its shapes, and each derivative in its textbook form. */
class TestCasesTest {

    @TestFactory
    Stream<DynamicNode> testCases() throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path problem : TestCases.problems()) {
            String name = TestCases.ROOT.relativize(problem).toString();
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("shapes", () -> shapes(problem)));
            Map<String, String> answers = TestCases.expectedAnswers(problem);
            if (!answers.isEmpty()) tests.add(DynamicTest.dynamicTest("answers", () -> answers(problem, answers)));
            nodes.add(DynamicContainer.dynamicContainer(name, tests));
        }
        return nodes.stream();
    }

    private static void shapes(Path problem) throws Exception {
        Program p = TestCases.load(problem);
        Map<String, String> expected = TestCases.expectedShapes(problem);
        Map<String, String> actual = new LinkedHashMap<>();
        for (var row : ShapesCommandAccess.rows(p)) actual.put(row.getKey(), TestCases.squeeze(row.getValue()));
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual), "shapes of " + problem);
    }

    private static void answers(Path problem, Map<String, String> expected) {
        Program p = TestCases.load(problem);
        Text text = new Engine(p).text(false);
        Map<String, String> actual = new LinkedHashMap<>();
        for (Answer a : TestCases.answers(p)) actual.put(a.of() + "|" + a.wrt().name(), text.render(a.expression()));
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            String got = actual.get(e.getKey());
            assertTrue(got != null, "no answer for " + e.getKey() + " in " + problem + "; answers: " + actual.keySet());
            if (!TestCases.squeeze(got).equals(TestCases.squeeze(e.getValue()))) {
                wrong.add(e.getKey() + ": expected " + e.getValue() + "\n      got      " + got);
            }
        }
        assertTrue(wrong.isEmpty(), problem + ":\n  " + String.join("\n  ", wrong));
    }
}
