package chainrule.simplify;

import chainrule.expr.Expr;

/** One step of the simplifier, as {@code derive --trace} shows it: which rule made what of which node. */
public record Rewrite(String rule, Expr before, Expr after) {}
