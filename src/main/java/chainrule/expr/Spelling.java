package chainrule.expr;

/**
 * How an expression is written in a message. render.Text is the spelling; stages before render
 * (claim's diagnoses) take it through this interface, so that no stage imports a later one.
 */
public interface Spelling {
    String render(Expr e);

    String shape(Shape s);

    /** The name of a derivative as a step is named: dL/dz2, or d(L)/d(z2) where dL would be misread. */
    String derivativeName(Expr.Derivative d);
}
