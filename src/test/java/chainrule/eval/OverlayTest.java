package chainrule.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class OverlayTest {
    private static RealMatrix m(double v) {
        return new Array2DRowRealMatrix(new double[][] {{v}});
    }

    @Test
    void readsThroughWritesOnTopAndLeavesTheMapUnderneathAsItWas() {
        RealMatrix x = m(1), y = m(2), z = m(3);
        Map<String, RealMatrix> under = new HashMap<>(Map.of("x", x, "y", y));
        Overlay o = new Overlay(under);
        assertSame(x, o.get("x"));
        assertSame(x, o.put("x", z));
        assertSame(z, o.get("x"));
        assertSame(y, o.remove("y"));
        assertNull(o.get("y"));
        assertFalse(o.containsKey("y"));
        o.put("w", y);
        assertTrue(o.containsKey("w"));
        assertEquals(Map.of("x", z, "w", y), new HashMap<>(o));
        assertEquals(Map.of("x", x, "y", y), under);
    }

    @Test
    void aRemovedNameWrittenAgainIsSeen() {
        Overlay o = new Overlay(Map.of("log A", m(1)));
        o.remove("log A");
        assertNull(o.get("log A"));
        RealMatrix again = m(5);
        o.put("log A", again);
        assertSame(again, o.get("log A"));
        assertEquals(1, o.size());
    }
}
