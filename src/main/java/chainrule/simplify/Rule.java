package chainrule.simplify;

import chainrule.expr.Expr;
import java.util.Optional;
import java.util.function.Function;

/**
 * One rewrite of one kind of node: the node it makes, or empty where it does not apply. A rule
 * sees one node (its children are already in normal form); the engine walks the tree.
 */
record Rule(String name, Class<? extends Expr> kind, Function<Expr, Optional<Expr>> fn) {

    static <T extends Expr> Rule on(Class<T> kind, String name, Function<? super T, Optional<Expr>> f) {
        return new Rule(name, kind, e -> f.apply(kind.cast(e)));
    }

    Optional<Expr> apply(Expr e) {
        return kind.isInstance(e) ? fn.apply(e) : Optional.empty();
    }
}
