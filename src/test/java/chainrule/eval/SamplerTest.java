package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.shape.Program;
import java.util.Map;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class SamplerTest {

    @Test
    void symbolicSizesAreSmallAndChangeFromPointToPoint() {
        Program p = Programs.of("W : k x n", "x : n", "y = W*x");
        Sampler s = new Sampler(p, 42);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        Long previous = null;
        for (int i = 0; i < 6; i++) {
            Map<String, Long> sizes = s.sizes();
            assertEquals(2, sizes.size());
            sizes.values().forEach(v -> assertTrue(v >= 2 && v <= 4, "size " + v));
            Point point = s.draw();
            assertEquals(sizes, point.sizes());
            assertEquals(sizes.get("k"), point.values().get("W").getRowDimension());
            assertEquals(sizes.get("n"), point.values().get("x").getRowDimension());
            assertNotEquals(previous, sizes.get("n"), "n changes from one point to the next");
            previous = sizes.get("n");
            seen.add(previous);
        }
        assertEquals(java.util.Set.of(2L, 3L, 4L), seen, "every size of the range is drawn");
        assertEquals(new Sampler(p, 42).draw(), new Sampler(p, 42).draw(), "the seed makes draws repeatable");
    }

    @Test
    void aDifferenceOfSymbolsIsDrawnPositiveAtEveryPoint() {
        // found by fuzzing: n - m with n and m raised together stayed below 1 and reached Commons Math
        Program p = Programs.of("x : n-m", "W : m x n", "L = sum(x .* x) + sum(W)");
        Sampler s = new Sampler(p, 1);
        for (int i = 0; i < 6; i++) {
            Point point = s.draw();
            Map<String, Long> sizes = point.sizes();
            assertTrue(sizes.get("n") - sizes.get("m") >= 1, sizes.toString());
            assertEquals(sizes.get("n") - sizes.get("m"), point.values().get("x").getRowDimension());
        }
    }

    @Test
    void dimensionsThatCannotAllBePositiveAreBadInputNamingTheValue() {
        Program p = Programs.of("x : n-m", "y : m-n", "L = sum(x) + sum(y)");
        chainrule.source.ChainRuleException e = assertThrows(chainrule.source.ChainRuleException.class, () -> new Sampler(p, 1).draw());
        String m = e.first().render();
        assertTrue(m.startsWith("test.nn:2:1: error: y would be a "), m);
        assertTrue(m.contains(": no sizes were found that make every dimension at least 1\ny : m-n\n^"), m);
    }

    @Test
    void oneHotInputsAreOneHot() {
        Program p = Programs.of("y : 1 x 10 onehot", "Y : 3 x 4 onehot", "c : 5 onehot", "L = sum(y) + sum(Y) + sum(c)");
        Sampler s = new Sampler(p, 1);
        for (int i = 0; i < 10; i++) {
            Point point = s.draw();
            assertOneHot(point.values().get("y").getRow(0));
            assertOneHot(point.values().get("c").getColumn(0));
            RealMatrix big = point.values().get("Y");
            for (int j = 0; j < 4; j++) assertOneHot(big.getColumn(j));
        }
    }

    private static void assertOneHot(double[] v) {
        int ones = 0;
        for (double e : v) {
            assertTrue(e == 0 || e == 1, "entry " + e);
            if (e == 1) ones++;
        }
        assertEquals(1, ones);
    }

    @Test
    void positiveAndSymmetricInputs() {
        Program p = Programs.of("a : 3 x 2 positive", "S : 3 x 3 symmetric", "L = sum(a) + sum(S)");
        Sampler s = new Sampler(p, 2);
        for (int i = 0; i < 10; i++) {
            Point point = s.draw();
            RealMatrix a = point.values().get("a");
            for (double[] row : a.getData()) for (double e : row) assertTrue(e > 0.5 && e < 2, "entry " + e);
            RealMatrix sym = point.values().get("S");
            assertEquals(sym, sym.transpose());
        }
    }

    @Test
    void pointsNearAReluKinkAreDrawnAgain() {
        // relu's argument a/1000 is within 1e-3 of its kink whenever |a| < 1, two draws in three
        Program p = Programs.of("a : scalar", "h = relu(a / 1000)");
        for (long seed = 0; seed < 20; seed++) {
            Sampler s = new Sampler(p, seed);
            double a = s.draw().values().get("a").getEntry(0, 0);
            assertTrue(Math.abs(a) >= 1, "a = " + a);
        }
        Sampler s = new Sampler(p, 0);
        Point near = new Point(Map.of(), Map.of("a", Matrices.scalar(0.5)));
        assertTrue(s.trouble(near).contains("relu"), s.trouble(near));
        assertNull(s.trouble(new Point(Map.of(), Map.of("a", Matrices.scalar(5)))));
    }

    @Test
    void pointsOutsideADomainOrNotFiniteAreDrawnAgain() {
        Program p = Programs.of("a, b : scalar", "l = log(a)", "e = exp(1000 * b)");
        for (long seed = 0; seed < 20; seed++) {
            Point point = new Sampler(p, seed).draw();
            assertTrue(point.values().get("a").getEntry(0, 0) > 0);
            assertTrue(point.values().get("b").getEntry(0, 0) < 0.7);
        }
    }

    @Test
    void matricesUnderDetLogdetAndInvAreWellConditioned() {
        Program p = Programs.of("X, Y : n x n", "A : n x n", "B = X*Y'", "L = logdet(B) + tr(inv(A))");
        for (long seed = 0; seed < 10; seed++) {
            Sampler s = new Sampler(p, seed);
            Point point = s.draw();
            for (String name : new String[] {"X", "Y", "A"}) {
                RealMatrix m = point.values().get(name);
                assertTrue(new LUDecomposition(m).getDeterminant() > 0.5, name + " is well-conditioned");
                assertNotEquals(m, m.transpose(), "not symmetric unless declared so");
            }
            assertNull(s.trouble(point));
        }
    }

    @Test
    void largeInputsAreNarrowerSoProductsStayOfOrderOne() {
        assertEquals(1, Sampler.spread(3, 4));
        Program p = Programs.of("x : 1 x 784", "W : 784 x 100", "z = x*W");
        Point point = new Sampler(p, 3).draw();
        RealMatrix z = Sampler.evaluateDefinitions(p, point, null).get("z");
        double max = Matrices.maxAbs(z);
        assertTrue(max > 0.5 && max < 20, "max |z| = " + max);
    }

    /** The standard deviation of a matrix's entries (their mean is near 0). */
    private static double sd(RealMatrix m) {
        double sum = 0, squares = 0;
        for (double[] row : m.getData()) {
            for (double v : row) {
                sum += v;
                squares += v * v;
            }
        }
        double n = (double) m.getRowDimension() * m.getColumnDimension(), mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }

    @Test
    void aLargeSumIsNoReasonToDrawNearerZero() {
        // sum(X .* X) of a 400 x 400 X is about 16,000: it once made every point be drawn again at 0.7 of its scale
        Program p = Programs.of("X : 400 x 400", "L = sum(X .* X)^2");
        Sampler s = new Sampler(p, 7);
        for (int i = 0; i < 3; i++) {
            Point point = s.draw();
            assertNull(s.trouble(point));
            assertEquals(Sampler.spread(400, 400), sd(point.values().get("X")), 0.02 * Sampler.spread(400, 400));
        }
    }

    @Test
    void anOverflowIsDrawnAgainNearerZero() {
        Program p = Programs.of("x : 3", "L = sum(exp(exp(exp(x .* x))))");
        Sampler s = new Sampler(p, 2);
        for (int i = 0; i < 3; i++) {
            Point point = s.draw();
            assertNull(s.trouble(point), "the point drawn last: " + point.values());
            assertTrue(Double.isFinite(Sampler.evaluateDefinitions(p, point, null).get("L").getEntry(0, 0)));
        }
    }

    @Test
    void aPeriodicFunctionOfAHugeArgumentIsDrawnAgainNearerZero() {
        Program p = Programs.of("x : 3", "L = sum(sin(1e6*x))");
        Sampler s = new Sampler(p, 4);
        Point point = s.draw();
        assertNull(s.trouble(point));
        assertTrue(Matrices.maxAbs(point.values().get("x")) * 1e6 <= TroubleWatch.HUGE, point.values().toString());
        Program far = Programs.of("x : 3", "L = sum(sin(x))");
        RealMatrix huge = new org.apache.commons.math3.linear.Array2DRowRealMatrix(new double[][] {{2e4}, {1}, {1}});
        String why = new Sampler(far, 4).trouble(new Point(Map.of(), Map.of("x", huge)));
        assertEquals("an argument of sin is 20000.0, too large to difference", why);
    }

    @Test
    void evaluateDefinitionsGivesInputsAndEveryDefinition() {
        Program p = Programs.of("x : 2", "y = 2*x", "z = sum(y)");
        Point point = new Sampler(p, 5).draw();
        Map<String, RealMatrix> all = new Sampler(p, 5).evaluateDefinitions(point);
        assertEquals(java.util.Set.of("x", "y", "z"), all.keySet());
        RealMatrix x = point.values().get("x");
        assertEquals(2 * (x.getEntry(0, 0) + x.getEntry(1, 0)), all.get("z").getEntry(0, 0), 1e-12);
    }
}
