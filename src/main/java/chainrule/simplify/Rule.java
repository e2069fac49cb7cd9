package chainrule.simplify;

import chainrule.expr.Expr;
import java.util.Optional;

/** One rewrite: the node it makes of e, or empty where it does not apply. Rules see one node; the engine walks the tree. */
@FunctionalInterface
interface Rule {
    Optional<Expr> apply(Expr e);

    record Named(String name, Rule rule) {}
}
