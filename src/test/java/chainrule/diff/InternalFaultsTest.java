package chainrule.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.eval.CheckResult;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Networks that once made chainrule fail inside (exit 3): each derivative now forms and agrees with finite differences. */
class InternalFaultsTest {

    static List<Answer> deriveAll(Engine engine, Program p) {
        List<Answer> out = new ArrayList<>();
        for (Program.Request r : p.requests()) {
            if (r instanceof Program.Derive d) {
                try { out.addAll(engine.derive(d)); } catch (RuntimeException e) {
                    java.io.StringWriter w = new java.io.StringWriter(); e.printStackTrace(new java.io.PrintWriter(w));
                    throw new AssertionError(w.toString().replace("\tat ", "  AT "));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a scaling of the whole matrix, then one entry of it
        "X : 2 x 5\nc : scalar\nh = X - c*X\nL = h[2, 5]\nderive L wrt X",
        // (W*x*W) is a row scaled by the 1 x 1 W*x
        "x : 2\nW : 1 x 2\nh = (W*x*W) .* (W*x*W)\nL = sum(h)\nderive L wrt x",
        // mean(x, 2) of a column is the column itself
        "x : k\nc : scalar\nh = c*mean(x, 2) + x\nL = sum(h)\nderive L wrt x",
        "fun loss : scalar\nWx : 3 x 2\nWh : 3 x 3\nH2 = Wh*Wx*X1 + Wx*X2\nL = loss(H2)\nderive L wrt Wx",
    })
    void derivesAndAgreesWithFiniteDifferences(String source) {
        Program p = Loader.load(new SourceFile("fault.nn", source));
        Engine engine = new Engine(p);
        List<Answer> answers = deriveAll(engine, p);
        assertFalse(answers.isEmpty());
        for (Answer a : answers) {
            CheckResult c = engine.check(a, 5);
            assertTrue(c.passed(), a.of() + " wrt " + a.wrt().name() + ": relative error " + c.maxRelError());
        }
    }
}
