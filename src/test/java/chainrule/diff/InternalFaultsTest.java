package chainrule.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.eval.CheckResult;
import chainrule.eval.Matrices;
import chainrule.eval.Point;
import chainrule.eval.PointCheck;
import chainrule.eval.Sampler;
import chainrule.eval.Verifier;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Networks that once made chainrule fail inside (exit 3): each derivative now forms and agrees with finite differences. */
class InternalFaultsTest {

    static List<Answer> deriveAll(Engine engine, Program p) {
        List<Answer> out = new ArrayList<>();
        for (Program.Request r : p.requests()) {
            if (r instanceof Program.Derive d) out.addAll(engine.derive(d));
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
        // the answer reuses J, a definition that is itself a derivative
        "x : 3\nW : 3 x 3\nV : 3 x 3\ny = tanh(W*sigmoid(V*x))\nJ = d(y)/d(x)\nz = W*y + y .* y\nderive z wrt x",
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

    @Test
    void aWrongClaimAboutASharedWeightGetsAVerdict() {
        Program p = Loader.load(new SourceFile("fault.nn",
                "fun loss : scalar\nWx : 3 x 2\nWh : 3 x 3\nH2 = Wh*Wx*X1 + Wx*X2\nL = loss(H2)\nclaim d(L)/d(Wx) = Wh'"));
        Program.Claim claim = (Program.Claim) p.requests().get(0);
        assertEquals("shape-error", new Engine(p).check(claim, 3).verdict().word);
    }

    /** SPEC §1: Z : k x 3 is a matrix even where k is 1, so softmax goes down each column, in values and derivatives. */
    @Test
    void theDeclaredShapeDecidesSoftmaxsAxisWhereADimensionIsOne() {
        Program p = Loader.load(new SourceFile("softmax.nn", "Z : k x 3\nL = sum(softmax(Z) .* softmax(Z))\nderive L wrt Z"));
        Engine engine = new Engine(p);
        Answer a = deriveAll(engine, p).get(0);
        RealMatrix z = new Array2DRowRealMatrix(new double[][] {{1, 2, 0.5}});
        Point at = new Point(Map.of("k", 1L), Map.of("Z", z));
        var values = Sampler.evaluateDefinitions(p, at, engine.expander(a.steps()));
        assertEquals(3.0, values.get("L").getEntry(0, 0), 1e-12);
        PointCheck c = Verifier.checkAt(p, at, a.ofExpr(), a.wrt(), a.expression(), engine.expander(a.steps()), new Random(1));
        assertTrue(c.passed(), "relative error " + c.relError());
        assertEquals(0.0, Matrices.maxAbs(c.got()), 1e-12);
    }
}
