package chainrule.simplify;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.shape.Program;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import chainrule.expr.Traverse;

/** The user's names for values: sigmoid(z2) is h2, and sigmoid'(z2) is h2 .* (1 - h2). */
final class NamingRules {
    private NamingRules() {}

    static List<Rule.Named> all(Program p) {
        Map<Expr, Var> names = new HashMap<>();
        int largest = 0;
        java.util.Set<Class<?>> kinds = new java.util.HashSet<>();
        for (Program.Definition d : p.definitions()) {
            Expr body = d.body();
            if (body instanceof Var || body instanceof Num || body instanceof Size) continue;
            names.putIfAbsent(body, d.var());
            largest = Math.max(largest, Traverse.size(body));
            kinds.add(body.getClass());
        }
        // hashing a record walks its whole tree: an expression larger than every body is no body
        int limit = largest;
        Function<Expr, Var> lookup = e -> !kinds.contains(e.getClass()) || Traverse.larger(e, limit) ? null : names.get(e);
        return List.of(
                new Rule.Named("derivative through the activation's value", e -> derivativeFromValue(e, lookup)),
                new Rule.Named("name of a definition", e -> Optional.ofNullable(lookup.apply(e))));
    }

    static Optional<Expr> derivativeFromValue(Expr e, Function<Expr, Var> names) {
        if (e instanceof Apply a && a.order() == 1 && a.fn() instanceof Builtin b) {
            Var h = names.apply(Ex.apply(b, a.a()));
            if (h != null) return b.derivativeFromValue(h);
        }
        return Optional.empty();
    }
}
