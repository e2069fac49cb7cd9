package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.shape.Program;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Quotients whose two sides overflow (a sigmoid or a softmax written out) have the value they have on paper. */
class ShiftedQuotientTest {
    private static final double[] Z = {800, -800, 3, 1000.5, 0};

    private static RealMatrix value(String definition) {
        Program p = Programs.of("z : 5", "q = " + definition);
        RealMatrix z = new Array2DRowRealMatrix(Z);
        return new Evaluator(Map.of(), Map.of("z", z), null).eval(Programs.body(p, "q"));
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Test
    void aSigmoidWrittenOutIsOneWhereItsArgumentIsLarge() {
        for (String written : new String[] {"exp(z) ./ (1 + exp(z))", "exp(z) ./ (exp(z) + 1)", "1 ./ (1 + exp(-z))", "2*exp(z) ./ (2 + 2*exp(z))"}) {
            RealMatrix q = value(written);
            for (int i = 0; i < Z.length; i++) assertEquals(sigmoid(Z[i]), q.getEntry(i, 0), 1e-15, written + " at " + Z[i]);
        }
    }

    @Test
    void aSoftmaxWrittenOutIsFiniteWhereItsArgumentsAreLarge() {
        RealMatrix q = value("exp(z) / sum(exp(z))");
        // 1000.5 is over 200 above the rest: the others are below 1e-87
        assertEquals(1, q.getEntry(3, 0), 1e-15);
        for (int i : new int[] {0, 1, 2, 4}) assertEquals(0, q.getEntry(i, 0), 1e-15, "entry " + i);
        RealMatrix scaled = value("3*exp(z) ./ (2*sum(exp(z)))");
        assertEquals(1.5, scaled.getEntry(3, 0), 1e-15);
    }

    @Test
    void anUndefinedQuotientStaysUndefined() {
        assertTrue(Double.isNaN(value("(z - z) ./ (z - z)").getEntry(0, 0)));
        assertTrue(Double.isNaN(value("exp(z).^2 ./ exp(z).^2").getEntry(0, 0)), "a power of an overflow is not shifted");
    }
}
