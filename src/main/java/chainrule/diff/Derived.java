package chainrule.diff;

import chainrule.expr.Expr;
import java.util.List;

/** A derivative: the answer and the intermediate steps it refers to (in the order they are worked out). */
public record Derived(Expr answer, List<Step> steps) {}
