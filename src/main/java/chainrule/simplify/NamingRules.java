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

/** The user's names for values: sigmoid(z2) is h2, and sigmoid'(z2) is h2 .* (1 - h2). */
final class NamingRules {
    private NamingRules() {}

    static List<Rule.Named> all(Program p) {
        Map<Expr, Var> names = new HashMap<>();
        for (Program.Definition d : p.definitions()) {
            Expr body = d.body();
            if (body instanceof Var || body instanceof Num || body instanceof Size) continue;
            names.putIfAbsent(body, d.var());
        }
        return List.of(
                new Rule.Named("derivative through the activation's value", e -> derivativeFromValue(e, names)),
                new Rule.Named("name of a definition", e -> Optional.ofNullable(names.get(e))));
    }

    static Optional<Expr> derivativeFromValue(Expr e, Map<Expr, Var> names) {
        if (e instanceof Apply a && a.order() == 1 && a.fn() instanceof Builtin b) {
            Var h = names.get(Ex.apply(b, a.a()));
            if (h != null) return b.derivativeFromValue(h);
        }
        return Optional.empty();
    }
}
