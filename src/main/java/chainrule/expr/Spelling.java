package chainrule.expr;

import java.util.List;

/**
 * How an expression is written in a message. render.Text is the spelling; stages before render
 * (claim's diagnoses) take it through this interface, so that no stage imports a later one.
 */
public interface Spelling {
    String render(Expr e);

    String shape(Shape s);

    /** The name of a derivative as a step is named: dL/dz2, or d(L)/d(z2) where dL would be misread. */
    String derivativeName(Expr.Derivative d);

    /**
     * Expressions written together, where long ones would repeat a subexpression: each written
     * with names for what it repeats, and definitions.get(i) the lines defining the names
     * ("t1 = tanh(x)") that expression i is the first to use, to be written before it.
     */
    record Shared(List<List<String>> definitions, List<String> exprs) {}

    /** By default nothing is named. */
    default Shared shared(List<Expr> exprs) {
        List<List<String>> none = exprs.stream().map(e -> List.<String>of()).toList();
        return new Shared(none, exprs.stream().map(this::render).toList());
    }
}
