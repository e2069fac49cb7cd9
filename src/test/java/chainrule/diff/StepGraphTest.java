package chainrule.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGraphTest {
    private static final Shape COLUMN = Shape.of(3, 1);

    /**
     * Steps whose values share one long subtree, as a second sweep's share the first gradient: the
     * names are found visiting each node once, not once per step (the bench's SECOND grew faster
     * than its layers), and every step the first refers to, through the others, is needed.
     */
    @Test
    void sharedSubtreesAreWalkedOnceForAllSteps() {
        int depth = 2000, count = 2000;
        Expr chain = Ex.var("x", COLUMN);
        for (int k = 0; k < depth; k++) chain = Ex.apply(Builtin.TANH, chain);
        Expr loss = Ex.var("L", Shape.SCALAR);
        List<Derivative> names = new ArrayList<>();
        for (int i = 0; i < count; i++) names.add(Ex.derivative(loss, Ex.var("h" + i, COLUMN)));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // each step refers to the next, beside the shared chain
            Expr value = i + 1 < count ? Ex.hadamard(chain, names.get(i + 1)) : Ex.hadamard(chain, chain);
            steps.add(new Step(names.get(i), value));
        }
        StepGraph graph = new StepGraph(steps);
        assertTrue(graph.walked() <= depth + 4L * count, "visited " + graph.walked() + " nodes");
        assertEquals(steps, graph.needed(List.of(names.get(0))));
        assertEquals(steps.subList(count - 3, count), graph.needed(List.of(Ex.add(chain, names.get(count - 3)))));
        assertEquals(List.of(), graph.needed(List.of(chain)));
    }
}
