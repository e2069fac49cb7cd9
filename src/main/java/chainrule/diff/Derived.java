package chainrule.diff;

import chainrule.expr.Expr;
import java.util.List;

/**
 * A derivative: the answer, and the graph of named steps of the sweep it came from. The steps an
 * answer refers to are found on demand, so that N answers over one sweep cost O(N), not O(N^2).
 */
public record Derived(Expr answer, StepGraph graph) {

    /** The steps this answer refers to, directly or through other steps, in the order worked out. */
    public List<Step> steps() {
        return graph.needed(List.of(answer));
    }
}
