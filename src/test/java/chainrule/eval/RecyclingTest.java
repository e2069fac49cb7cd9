package chainrule.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chainrule.expr.Expr.Var;
import chainrule.shape.Program;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The passes of finite differences write into the arrays of the pass before ({@link Recycling}):
 * each gives what a fresh evaluation gives, whatever came before it, and the values at the point
 * are never written over.
 */
class RecyclingTest {
    private final Program p = Programs.of("W : 3 x 4", "x : 4", "b : 3", "z = W*x + b", "h = tanh(z)",
            "L = sum(h .* h) + sum(W' * h) - 2*sum(z)");
    private final Var w = Programs.var(p, "W"), l = Programs.var(p, "L"), z = Programs.var(p, "z");

    @Test
    void aRecycledPassGivesWhatAFreshOneGives() {
        Point point = new Sampler(p, 4).draw();
        Map<String, RealMatrix> values = Sampler.evaluateDefinitions(p, point, null);
        Map<String, RealMatrix> before = copies(values);
        RealMatrix v = FiniteDifferences.randomDirection(3, 4, new Random(2));
        Recomputation recycled = new Recomputation(p, point, values, z, "W", null);
        for (double t : new double[] {0.5, -0.25, 0.5, 1e-3, 0.5}) {
            double[] fresh = new Recomputation(p, point, values, z, "W", null).valueAlong(v, t);
            assertArrayEquals(fresh, recycled.valueAlong(v, t), "t = " + t);
            assertNotAllEqual(fresh, new Recomputation(p, point, values, z, "W", null).valueAlong(v, 0));
        }
        Recomputation loss = new Recomputation(p, point, values, l, "W", null);
        double first = loss.valueAlong(v, 0.1)[0];
        loss.valueAlong(v, -0.3);
        assertEquals(first, loss.valueAlong(v, 0.1)[0]);
        assertEquals(before, copies(values), "the values at the point are untouched");
    }

    @Test
    void aDirectionOfBitsMovesTheVariableAsItsDenseCopyDoes() {
        // 30 x 7 = 210 entries: the last of four words of bits is partly used
        Program q = Programs.of("W : 30 x 7", "L = sum(tanh(W))");
        Point point = new Sampler(q, 6).draw();
        RealMatrix bits = FiniteDifferences.randomDirection(30, 7, new Random(8));
        RealMatrix dense = new Array2DRowRealMatrix(bits.getData(), false);
        Var lq = Programs.var(q, "L");
        assertArrayEquals(new Recomputation(q, point, lq, "W", null).valueAlong(dense, 0.3),
                new Recomputation(q, point, lq, "W", null).valueAlong(bits, 0.3));
        RealMatrix gradient = point.values().get("W");
        double expected = 0;
        for (int i = 0; i < 30; i++) for (int j = 0; j < 7; j++) expected += gradient.getEntry(i, j) * dense.getEntry(i, j);
        assertEquals(expected, Verifier.along(gradient, lq.shape(), java.util.List.of(bits)).getEntry(0, 0), 1e-12);
    }

    private static void assertNotAllEqual(double[] a, double[] b) {
        assertEquals(false, java.util.Arrays.equals(a, b), "the variable moved, and the value with it");
    }

    private static Map<String, RealMatrix> copies(Map<String, RealMatrix> values) {
        Map<String, RealMatrix> out = new HashMap<>();
        values.forEach((k, m) -> out.put(k, m.copy()));
        return out;
    }
}
