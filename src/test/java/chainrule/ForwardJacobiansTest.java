package chainrule;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Answering;
import chainrule.app.Engine;
import chainrule.diff.Answer;
import chainrule.diff.Step;
import chainrule.eval.CheckResult;
import chainrule.expr.Expr;
import chainrule.render.RoundTrip;
import chainrule.render.Text;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward mode through a named scalar intermediate: d(h)/d(x) for a scalar h and a column x is
 * the gradient, n x 1 (SPEC §2), while the Jacobian forward mode pushes on is its transpose, a
 * row; the step was used as if it were the row (an internal fault, "matrix product of 1 x 2 and
 * 6 x 1"). Found by deriving every vector of the random networks by their input (networks 11, 13,
 * 92 and 125 of the property test); now each is derived, checked and read back, steps and all.
 */
class ForwardJacobiansTest {

    @Test
    void aScalarUsedTwiceInAVectorByAColumn() {
        String src = "x : 3\na : 1 x 3\nh = sigmoid(a*x)\ny = [h; 2*h] + h\nderive y wrt x\n";
        Program p = Answering.load(new SourceFile("scalar.nn", src));
        Engine engine = new Engine(p);
        List<Answer> answers = engine.derive((Program.Derive) p.requests().get(0));
        Answer a = answers.get(0);
        assertTrue(a.allSteps().stream().anyMatch(s -> s.name().of() instanceof Expr.Var v && v.name().equals("h")),
                "d(h)/d(x) is a step: " + a.allSteps());
        checkAndReadBack(p, engine, a);
    }

    @ParameterizedTest(name = "network {0}")
    @ValueSource(ints = {11, 13, 92, 125})
    void everyVectorOfTheNetworkByItsInput(int network) {
        Program p = Answering.load(new SourceFile("gen.nn", PropertyTest.generate(network)));
        Engine engine = new Engine(p);
        int derived = 0;
        for (Program.Definition d : p.definitions()) {
            if (d.shape().isScalar()) continue;
            for (String w : List.of("x", "W1")) {
                if (!p.has(w)) continue;
                for (Answer a : engine.derive(d.var(), d.name(), List.of(new Expr.Var(w, p.shapeOf(w))))) {
                    checkAndReadBack(p, engine, a);
                    derived++;
                }
            }
        }
        assertTrue(derived > 0);
    }

    private static void checkAndReadBack(Program p, Engine engine, Answer a) {
        String what = "d(" + a.of() + ")/d(" + a.wrt().name() + ")";
        CheckResult c = engine.check(a, 1);
        assertTrue(c.passed(), what + ": " + c.maxRelError());
        Text text = engine.text(false);
        assertNull(PropertyTest.readsBack(p, engine, text, a, PropertyTest.points(p, engine)), what);
        // the chain of --steps too
        var expand = engine.expander(a.allSteps());
        for (Step s : a.allSteps()) assertNull(RoundTrip.check(p, text, s.value(), expand, PropertyTest.points(p, engine)), what + " step " + s.name());
    }
}
