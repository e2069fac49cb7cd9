package chainrule.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.expr.Expr.*;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TraverseTest {
    private static final Var X = Ex.var("x", Shape.column(Dim.of(3)));
    private static final Var Y = Ex.var("y", Shape.column(Dim.of(3)));

    /** x + x, (x + x) + (x + x), ...: k levels, each node shared by both operands of its parent. */
    private static Expr doubling(int k) {
        Expr e = X;
        for (int i = 0; i < k; i++) e = new Add(List.of(e, e), e.shape());
        return e;
    }

    @Test
    void withChildrenKeepsARewrittenDerivativeOf() {
        Derivative d = Ex.derivative(Ex.apply(Builtin.TANH, X), Y);
        Expr rewritten = Traverse.withChildren(d, List.of(Ex.apply(Builtin.SIGMOID, X)));
        assertEquals(Ex.derivative(Ex.apply(Builtin.SIGMOID, X), Y), rewritten);
        assertSame(d, Traverse.withChildren(d, List.of(d.of())));
    }

    @Test
    void bottomUpReachesInsideADerivative() {
        Derivative d = Ex.derivative(Ex.apply(Builtin.TANH, X), Y);
        Expr out = Traverse.replace(d, X, Y);
        assertEquals(Ex.derivative(Ex.apply(Builtin.TANH, Y), Y), out);
    }

    @Test
    void sizeCountsTheTreeButWalksSharedNodesOnce() {
        // 2^31 - 1 nodes written out: counted, not walked
        assertEquals(Integer.MAX_VALUE, Traverse.size(doubling(30)));
        assertEquals(7, Traverse.size(doubling(2)));
        assertEquals(Integer.MAX_VALUE, Traverse.size(doubling(200)));
    }

    @Test
    void anyLooksAtASharedNodeOnce() {
        AtomicInteger looked = new AtomicInteger();
        assertFalse(Traverse.any(doubling(40), e -> {
            looked.incrementAndGet();
            return e.equals(Y);
        }));
        assertEquals(41, looked.get());
        assertTrue(Traverse.any(doubling(40), e -> e.equals(X)));
    }

    @Test
    void largerLooksAtNoMoreThanItNeeds() {
        assertTrue(Traverse.larger(doubling(200), 1000));
        assertFalse(Traverse.larger(doubling(2), 7));
        assertTrue(Traverse.larger(doubling(2), 6));
    }
}
