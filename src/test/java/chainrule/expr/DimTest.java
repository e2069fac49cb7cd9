package chainrule.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dimensions as polynomials: the shortcuts for numbers give what the general arithmetic gives. */
class DimTest {
    private static final Dim N = Dim.symbol("n"), M = Dim.symbol("m");

    /** A dimension built the general way, from its terms. */
    private static Dim terms(Object... monomialsAndCoefficients) {
        Map<List<String>, Long> m = new java.util.HashMap<>();
        for (int i = 0; i < monomialsAndCoefficients.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> key = (List<String>) monomialsAndCoefficients[i];
            m.merge(key, ((Number) monomialsAndCoefficients[i + 1]).longValue(), Long::sum);
        }
        return new Dim(m);
    }

    private static void same(Dim expected, Dim got) {
        assertEquals(expected, got);
        assertEquals(expected.hashCode(), got.hashCode());
        assertEquals(expected.toString(), got.toString());
        assertEquals(expected.terms(), got.terms());
    }

    @Test
    void numbersAreTheDimensionsTheirTermsMake() {
        for (long v : new long[] {0, 1, 2, 784, 1024, 1025, 100_000, -1, -7}) {
            same(terms(List.of(), v), Dim.of(v));
            assertTrue(Dim.of(v).isConstant());
            assertEquals(v, Dim.of(v).constant());
        }
        assertSame(Dim.of(10), Dim.of(10));
        assertEquals("0", Dim.of(0).toString());
        assertTrue(Dim.of(0).terms().isEmpty());
    }

    @Test
    void arithmeticOfNumbers() {
        same(Dim.of(11), Dim.of(10).plus(Dim.ONE));
        same(Dim.of(-3), Dim.of(2).minus(Dim.of(5)));
        same(Dim.of(0), Dim.of(5).minus(Dim.of(5)));
        same(Dim.of(-4), Dim.of(4).negate());
        same(Dim.of(0), Dim.of(0).negate());
        same(Dim.of(7840), Dim.of(784).times(Dim.of(10)));
        same(Dim.of(0), Dim.of(784).times(Dim.of(0)));
    }

    @Test
    void arithmeticWithSymbols() {
        same(terms(List.of("n"), 1, List.of(), 1), N.plus(Dim.ONE));
        same(terms(List.of("n"), 1, List.of(), 1), Dim.ONE.plus(N));
        same(N, N.plus(Dim.of(0)));
        same(N, Dim.of(0).plus(N));
        same(Dim.of(0), N.minus(N));
        same(Dim.of(1), N.plus(Dim.ONE).minus(N));
        same(terms(List.of("n"), -1, List.of(), 2), Dim.of(2).minus(N));
        same(terms(List.of("m", "n"), 1), N.times(M));
        same(terms(List.of("m", "n"), 1), M.times(N));
        same(terms(List.of("n"), 3), N.times(Dim.of(3)));
        same(terms(List.of("n"), -1), N.negate());
        assertEquals("m*n+n+1", N.times(M).plus(N).plus(Dim.ONE).toString());
    }

    @Test
    void onlyNumbersAreConstant() {
        assertTrue(Dim.of(0).isConstant());
        assertTrue(Dim.of(3).isConstant());
        assertFalse(N.isConstant());
        assertFalse(N.plus(Dim.ONE).isConstant());
        assertFalse(N.minus(Dim.ONE).plus(Dim.ONE).isConstant());
        assertEquals(1, N.plus(Dim.ONE).constant());
        assertEquals(0, N.constant());
    }
}
