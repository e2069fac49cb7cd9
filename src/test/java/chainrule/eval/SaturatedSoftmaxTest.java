package chainrule.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Engine;
import chainrule.diff.Answer;
import chainrule.expr.Ex;
import chainrule.shape.Program;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * log(softmax(z)) is evaluated as log_softmax(z), as it is differentiated: at z = [800; 0; 0] the
 * softmax of the last two entries is exp(-800), which is 0 in doubles, so log of the softmax value
 * is -Inf (and 0 * -Inf NaN), while the cross-entropy is 800. Short of underflow, a subnormal
 * softmax keeps a few digits only, and finite differences of the network measured that rounding
 * (the long run's network 6756: every gradient 0.02-23% off).
 */
class SaturatedSoftmaxTest {
    static final RealMatrix Z = column(800, 0, 0), Y = column(0, 1, 0);

    static RealMatrix column(double... v) {
        double[][] m = new double[v.length][1];
        for (int i = 0; i < v.length; i++) m[i][0] = v[i];
        return new Array2DRowRealMatrix(m);
    }

    static double loss(Program p, Map<String, RealMatrix> inputs) {
        return Sampler.evaluateDefinitions(p, new Point(Map.of(), inputs), null).get("L").getEntry(0, 0);
    }

    @Test
    void logOfASoftmaxWrittenInline() {
        Program p = Programs.of("z : 3", "y : 3 onehot", "L = -sum(y .* log(softmax(z)))");
        assertEquals(800, loss(p, Map.of("z", Z, "y", Y)), 1e-12);
    }

    @Test
    void logOfANameDefinedAsASoftmax() {
        Program p = Programs.of("z : 3", "y : 3 onehot", "P = softmax(z)", "L = -sum(y .* log(P))");
        assertEquals(800, loss(p, Map.of("z", Z, "y", Y)), 1e-12);
    }

    @Test
    void logOfASoftmaxOverRows() {
        Program p = Programs.of("Z : 2 x 3", "Y : 2 x 3 onehot rows", "P = softmax(Z, 2)", "L = -sum(sum(Y .* log(P)))");
        RealMatrix z = new Array2DRowRealMatrix(new double[][] {{800, 0, 0}, {0, 0, 900}});
        RealMatrix y = new Array2DRowRealMatrix(new double[][] {{0, 1, 0}, {1, 0, 0}});
        assertEquals(1700, loss(p, Map.of("Z", z, "Y", y)), 1e-12);
    }

    /**
     * A softmax written out is not taken as log_softmax: its value (1, 0, 0 here, the quotient
     * worked out again where exp(800) overflows: ShiftedQuotient) has lost the small entries,
     * and their log is -Inf, not the -800 log_softmax gives.
     */
    @Test
    void theLogOfAnyOtherValueIsTheLogOfItsValue() {
        Program p = Programs.of("z : 3", "L = sum(log(exp(z) ./ sum(exp(z))))");
        assertEquals(Double.NEGATIVE_INFINITY, loss(p, Map.of("z", Z)));
    }

    /**
     * With respect to the softmax's own name, finite differences move P itself: its log is then
     * log(P), not the one kept. (And the derivative reaches P: it was zero, "L does not depend on
     * P", since log(P) was differentiated as log_softmax(z) past P.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"P = softmax(z)\nL = -sum(y .* log(P))", "P = softmax(z')'\nL = -sum(y .* log(P))",
        "P = softmax(z)\nL = -sum(y .* log(P)) + sum(P .* P)"})
    void aDerivativeWithRespectToTheSoftmaxName(String definitions) {
        Program p = Programs.of("z : 3", "y : 3 onehot", definitions, "derive L wrt P, z");
        Engine engine = new Engine(p);
        Program.Derive d = (Program.Derive) p.requests().get(0);
        for (Answer a : engine.derive(d)) {
            assertFalse(Ex.isZero(a.expression()), "d(L)/d(" + a.wrt().name() + ") is not zero");
            CheckResult c = engine.check(a, 3);
            assertTrue(c.passed(), a.expression() + ": " + c.maxRelError());
        }
    }
}
