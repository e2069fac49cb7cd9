package chainrule.diff;

import chainrule.expr.Expr;

/** A named intermediate derivative, e.g. d(L)/d(z2) = ..., which answers may refer to. */
public record Step(Expr.Derivative name, Expr value) {}
