package chainrule.diff;

import chainrule.expr.Expr;

/** Works out a derivative written inside an expression, d(e)/d(v), as an expression without steps. */
interface Expander {
    Expr expand(Expr.Derivative d);
}
