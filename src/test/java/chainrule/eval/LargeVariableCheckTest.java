package chainrule.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Var;
import chainrule.shape.Program;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The check of a large variable (SPEC §3): 300 x 300 = 90,000 entries, so the derivative is
 * compared along a random direction at each point, not entry by entry; a wrong answer is still
 * rejected, down to one entry off by 0.01.
 */
class LargeVariableCheckTest {
    private final Program p = Programs.of("X : 300 x 300", "A : 300 x 300", "e : 300 onehot", "L = sum(A .* tanh(X))");
    private final Var x = Programs.var(p, "X"), a = Programs.var(p, "A"), e = Programs.var(p, "e"), l = Programs.var(p, "L");
    private final Expr right = Ex.hadamard(a, Ex.applyD(Builtin.TANH, 1, x));

    @Test
    void theRightGradientPassesAlongRandomDirections() {
        CheckResult r = Verifier.check(p, l, x, right, null, 5);
        assertTrue(r.passed(), "error " + r.maxRelError());
        assertTrue(r.maxRelError() < 1e-7, "error " + r.maxRelError());
        assertEquals(Verifier.DEFAULT_POINTS, r.points());
        assertEquals(Verifier.DIRECTIONS, r.expected().getColumnDimension(), "directional: one column a direction");
    }

    @Test
    void oneEntryOffByAHundredthIsRejected() {
        // e*e' is 1 at one diagonal entry (where e is 1) and 0 at the 89,999 others
        Expr wrong = Ex.add(right, Ex.scale(Ex.num(0.01), Ex.matmul(e, Ex.transpose(e))));
        for (long seed : new long[] {1, 2, 3}) {
            CheckResult r = Verifier.check(p, l, x, wrong, null, seed);
            assertFalse(r.passed(), "seed " + seed + ": error " + r.maxRelError());
            assertTrue(r.maxRelError() > 1e-5, "seed " + seed + ": error " + r.maxRelError());
        }
    }

    @Test
    void theTransposedGradientIsRejected() {
        CheckResult r = Verifier.check(p, l, x, Ex.transpose(right), null, 5);
        assertFalse(r.passed());
        assertTrue(r.maxRelError() > 1e-2, "error " + r.maxRelError());
    }

    @Test
    void theSumOfAMillionEntriesKeepsItsDigits() {
        // 1e16 and then 999,999 ones: a plain sum adds each 1 below the last place of 1e16 and loses it
        double[][] entries = new double[1000][1000];
        for (double[] row : entries) java.util.Arrays.fill(row, 1);
        entries[0][0] = 1e16;
        double sum = Evaluator.sumAll(new org.apache.commons.math3.linear.Array2DRowRealMatrix(entries, false));
        assertEquals(1e16 + 999_999, sum, 2);
        entries[5][5] = Double.POSITIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, Evaluator.sumAll(new org.apache.commons.math3.linear.Array2DRowRealMatrix(entries, false)));
    }

    @Test
    void aLargeInputIsDrawnWithItsSpreadAndProperties() {
        // (a network whose values pass 1e4 is drawn again nearer 0: this one's stay small)
        Program q = Programs.of("X : 400 x 400", "P : 400 x 300 positive", "L = sum(tanh(X))");
        RealMatrix drawn = new Sampler(q, 9).draw().values().get("X"), again = new Sampler(q, 9).draw().values().get("X");
        assertEquals(drawn, again, "the same seed, the same point");
        assertNotEquals(drawn, new Sampler(q, 10).draw().values().get("X"));
        double sum = 0, squares = 0;
        for (double[] row : drawn.getData()) {
            for (double v : row) {
                sum += v;
                squares += v * v;
            }
        }
        double n = 400 * 400, mean = sum / n, sd = Math.sqrt(squares / n - mean * mean);
        assertEquals(0, mean, 0.01);
        assertEquals(Sampler.spread(400, 400), sd, 0.01);
        for (double[] row : new Sampler(q, 9).draw().values().get("P").getData()) {
            for (double v : row) assertTrue(v > 0.5 && v < 2, "positive: in (0.5, 2), not " + v);
        }
    }
}
