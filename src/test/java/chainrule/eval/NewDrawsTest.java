package chainrule.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.shape.Program;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The draws issue 10 needs: one-hot rows, binary entries, and points away from ties of max and kinks of clip. */
class NewDrawsTest {

    @Test
    void oneHotRowsAndBinaryEntries() {
        Program p = Programs.of("Y : 3 x 4 onehot rows", "t : 5 binary", "L = sum(Y) + sum(t)");
        Point point = new Sampler(p, 3).draw();
        RealMatrix y = point.values().get("Y");
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                double v = y.getEntry(i, j);
                assertTrue(v == 0 || v == 1, "entry " + v);
                sum += v;
            }
            assertEquals(1, sum, "row " + i + " of " + y);
        }
        for (double v : point.values().get("t").getColumn(0)) assertTrue(v == 0 || v == 1, "entry " + v);
    }

    @Test
    void aTieForTheMaxIsTrouble() {
        Program p = Programs.of("X : 2 x 2", "m = max(X, [], 1)", "L = sum(m)");
        RealMatrix tied = new Array2DRowRealMatrix(new double[][] {{1, 0.5}, {1.0000001, -2}});
        String why = new Sampler(p, 1).trouble(new Point(Map.of(), Map.of("X", tied)));
        assertNotNull(why);
        assertTrue(why.contains("tie for the max"), why);
        RealMatrix apart = new Array2DRowRealMatrix(new double[][] {{1, 0.5}, {2, -2}});
        assertNull(new Sampler(p, 1).trouble(new Point(Map.of(), Map.of("X", apart))));
    }

    @Test
    void aValueAtABoundOfClipIsTrouble() {
        Program p = Programs.of("r : 2", "c = clip(r, -1, 1)", "L = sum(c)");
        RealMatrix atBound = new Array2DRowRealMatrix(new double[][] {{0.2}, {-1.00001}});
        String why = new Sampler(p, 1).trouble(new Point(Map.of(), Map.of("r", atBound)));
        assertNotNull(why);
        assertTrue(why.contains("near its kink"), why);
    }

    @Test
    void outsideTheDomainOfLog1pIsTrouble() {
        Program p = Programs.of("x : 2", "L = sum(log1p(x))");
        RealMatrix out = new Array2DRowRealMatrix(new double[][] {{0.2}, {-1.5}});
        String why = new Sampler(p, 1).trouble(new Point(Map.of(), Map.of("x", out)));
        assertNotNull(why);
        assertTrue(why.contains("outside its domain"), why);
    }
}
