package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.claim.ClaimResult;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.expr.Expr;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The printed answers issue 8 found meaning something else than what was computed, each
 * derived, printed, read back as a claim (correct), and read back as an expression with the
 * same shape and value at drawn sizes and with every size 1.
 */
class PrintedAnswersTest {

    @ParameterizedTest(name = "{0} wrt {1}")
    @CsvSource(delimiter = '|', value = {
        // was 2*X / 3*k, which means (2*X/3)*k
        "X : 3 x k;L = mean(X .^ 2)                | X",
        // was -sum(x ./ s*ones(2, 1).^2), a shape error when read back
        "x : 2;s : scalar positive;L = sum(x / s)  | s",
        // was 1 / s, said 2 x 1: the broadcast was lost
        "x : 2;s : scalar positive;L = sum(x / s)  | x",
        // was sum(ones(3, 1)*1 / 3, 2), half the true value
        "X : 3 x 2;b : 3;L = sum(mean(X + b, 1))   | b",
        "X : 3 x k;b : 3;c : scalar;L = sum(mean(c*X + b, 2)) / k | b",
        "x : 2;W : 1 x 2;q = W*x;h = q*q*x;L = sum(h) | W",
        "x : k;c : scalar;h = c*mean(x, 2) + x;L = sum(h .^ 2) | x",
        "X : 2 x 5;c : scalar;h = X - c*X;L = h[2, 5] | X",
    })
    void derivedAnswersReadBackToWhatWasComputed(String source, String wrt) {
        String text = source.replace(';', '\n') + "\nderive L wrt " + wrt.strip() + "\n";
        SourceFile file = new SourceFile("t.nn", text);
        Program p = Checker.check(file, Parse.file(file));
        Engine engine = new Engine(p);
        Text printer = engine.text(false);
        List<Answer> answers = new ArrayList<>();
        for (Program.Request r : p.requests()) if (r instanceof Program.Derive d) answers.addAll(engine.derive(d));
        assertEquals(1, answers.size());
        Answer a = answers.get(0);
        String printed = printer.render(a.expression());

        String claim = "claim d(L)/d(" + wrt.strip() + ") = " + printed;
        SourceFile src = new SourceFile("claim", claim);
        ClaimResult verdict = engine.check(Checker.claim(p, src, (Stmt.Claim) Parse.statement(src)), 11);
        assertTrue(verdict.correct(), claim + ": " + verdict.message());

        var expand = engine.expander(a.steps());
        Point drawn = new Sampler(p, 3, expand).draw();
        List<RoundTrip.At> points = new ArrayList<>(List.of(RoundTrip.at(p, drawn, expand)));
        points.add(RoundTrip.at(p, ones(p, drawn), expand));
        assertEquals(a.shape(), RoundTrip.read(p, printed).shape(), printed);
        assertNull(RoundTrip.check(p, printer, a.expression(), expand, points));
    }

    /** The same inputs cut down to every size symbol 1. */
    private static Point ones(Program p, Point drawn) {
        Map<String, Long> sizes = new TreeMap<>();
        for (String d : drawn.sizes().keySet()) sizes.put(d, 1L);
        Map<String, RealMatrix> values = new LinkedHashMap<>();
        for (var e : drawn.values().entrySet()) {
            var shape = p.inputs().get(e.getKey()).shape();
            int r = Math.toIntExact(shape.rows().evaluate(sizes)), c = Math.toIntExact(shape.cols().evaluate(sizes));
            values.put(e.getKey(), e.getValue().getSubMatrix(0, r - 1, 0, c - 1));
        }
        return new Point(sizes, values);
    }

    static final String BLOCKS = """
            u5 : 2
            u7 : 3
            X1 : 1 x 2
            M : 3 x 2
            """;

    static final Program P = load(BLOCKS);

    private static Program load(String s) {
        SourceFile f = new SourceFile("blocks.nn", s);
        return Checker.check(f, Parse.file(f));
    }

    /** Nested concatenations keep the blocks they were: [u5; X1, u7] would be another one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[[u5; 1], u7]         | [[u5; 1], u7]",
        "[[u5', 1]; M, u7]     | [u5', 1; M, u7]",
        "[[u5'; X1], [X1; u5']] | [[u5'; X1], [X1; u5']]",
        "[[u7, M]; [1, X1]]    | [u7, M; 1, X1]",
        "[[u5; u5], [1; u7]]   | [[u5; u5], [1; u7]]",
    })
    void nestedConcatenationsKeepTheirBlocks(String input, String expected) {
        Expr e = RoundTrip.read(P, input);
        Text text = new Text(false, java.util.Set.of());
        assertEquals(expected, text.render(e));
        Expr back = RoundTrip.read(P, text.render(e));
        assertEquals(e, back);
    }

    @Test
    void aBlockOfBlocksBuiltByHandIsWrittenWithItsInnerBrackets() {
        Expr u5 = RoundTrip.read(P, "u5"), x1 = RoundTrip.read(P, "X1'");
        Expr inner = chainrule.expr.Ex.concat(Expr.Axis.VERTICAL, List.of(u5, x1));
        Expr outer = chainrule.expr.Ex.concat(Expr.Axis.HORIZONTAL, List.of(inner, RoundTrip.read(P, "[u7; 1]")));
        String printed = new Text(false, java.util.Set.of()).render(outer);
        assertEquals("[[u5; X1'], [u7; 1]]", printed);
        assertEquals(outer, RoundTrip.read(P, printed));
    }
}
