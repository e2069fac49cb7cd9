package chainrule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.claim.ClaimResult;
import chainrule.cli.ShapesCommandAccess;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.render.Text;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The five seed questions read from the LaTeX their askers posted (test-cases/seeds/*.tex): each
 * gives the shapes and the answers of its .nn file, and the .nn's answers hold as claims there.
 */
class LatexSeedsTest {

    @TestFactory
    Stream<DynamicNode> seedsFromLatex() throws IOException {
        List<Path> tex;
        try (Stream<Path> files = Files.list(TestCases.ROOT.resolve("seeds"))) {
            tex = files.filter(p -> p.toString().endsWith(".tex")).sorted().toList();
        }
        assertEquals(5, tex.size(), "one .tex for each seed question: " + tex);
        List<DynamicNode> out = new ArrayList<>();
        for (Path t : tex) {
            Path nn = t.resolveSibling(t.getFileName().toString().replace(".tex", ".nn"));
            out.add(DynamicTest.dynamicTest(t.getFileName().toString(), () -> same(t, nn)));
        }
        return out.stream();
    }

    private static void same(Path tex, Path nn) {
        Program fromLatex = TestCases.load(tex), plain = TestCases.load(nn);
        assertEquals(shapes(plain), shapes(fromLatex), "shapes of " + tex);

        Text text = new Engine(plain).text(false);
        Map<String, String> expected = answers(plain, text), actual = answers(fromLatex, new Engine(fromLatex).text(false));
        assertFalse(expected.isEmpty());
        assertEquals(expected.keySet(), actual.keySet(), "derivatives asked for in " + tex);
        // the same text, or failing that the .nn's answer holds as a claim in the LaTeX's program
        Engine engine = new Engine(fromLatex);
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            if (e.getValue().equals(actual.get(e.getKey()))) continue;
            String[] ofWrt = e.getKey().split("\\|");
            String claim = "claim d(" + ofWrt[0] + ")/d(" + ofWrt[1] + ") = " + e.getValue();
            SourceFile src = new SourceFile("from-nn", claim);
            ClaimResult r = engine.check(Checker.claim(fromLatex, src, (Stmt.Claim) Parse.statement(src)), 5);
            if (!r.correct()) wrong.add(claim + ": " + r.message());
        }
        assertTrue(wrong.isEmpty(), tex + ": " + wrong);
    }

    private static Map<String, String> shapes(Program p) {
        Map<String, String> out = new TreeMap<>();
        for (var row : ShapesCommandAccess.rows(p)) out.put(row.getKey(), TestCases.squeeze(row.getValue()));
        return out;
    }

    private static Map<String, String> answers(Program p, Text text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Answer a : TestCases.answers(p)) out.put(a.of() + "|" + a.wrt().name(), text.render(a.expression()));
        return out;
    }
}
