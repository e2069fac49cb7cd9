package chainrule.simplify;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The user's names for values: sigmoid(z2) is h2, sigmoid'(z2) is h2 .* (1 - h2), (v + eps)^-0.5
 * is 1 / sigma where sigma = sqrt(v + eps), and inv(A)*X'*y inside a product is w. Each lowers
 * the number of nodes (a name is one node).
 */
final class NamingRules {
    private NamingRules() {}

    /** {@code canonical} brings a definition's body to the form the other rules leave answers in. */
    static List<Rule> all(Program p, UnaryOperator<Expr> canonical) {
        Map<Expr, Var> names = new HashMap<>();
        List<Program.Definition> defs = p.definitions().stream()
                .filter(d -> !(d.body() instanceof Var || d.body() instanceof Num || d.body() instanceof Size)).toList();
        for (Program.Definition d : defs) names.putIfAbsent(d.body(), d.var());
        for (Program.Definition d : defs) {
            Expr c = canonical.apply(d.body());
            if (!(c instanceof Var || c instanceof Num || c instanceof Size)) names.putIfAbsent(c, d.var());
        }
        List<List<Expr>> products = new ArrayList<>();
        List<Var> productNames = new ArrayList<>();
        names.forEach((body, v) -> {
            if (body instanceof MatMul) {
                products.add(SumRules.factors(body));
                productNames.add(v);
            }
        });
        List<Rule> out = new ArrayList<>();
        out.add(Rule.on(Apply.class, "derivative through the activation's value", a -> derivativeFromValue(a, names)));
        out.add(Rule.on(Power.class, "a power of a named root", w -> namedRoot(w, names)));
        out.add(Rule.on(MatMul.class, "a named product inside a product", m -> namedFactors(m, products, productNames)));
        Set<Class<? extends Expr>> kinds = new LinkedHashSet<>();
        for (Expr body : names.keySet()) kinds.add(body.getClass());
        for (Class<? extends Expr> k : kinds) out.add(Rule.on(k, "name of a definition", e -> Optional.ofNullable(names.get(e))));
        return out;
    }

    /** f'(z) where h = f(z) is written through h (sigmoid' is h .* (1 - h)). */
    static Optional<Expr> derivativeFromValue(Apply a, Map<Expr, Var> names) {
        if (a.order() == 1 && a.fn() instanceof Builtin b) {
            Var h = names.get(Ex.apply(b, a.a()));
            if (h != null) return b.derivativeFromValue(h);
        }
        return Optional.empty();
    }

    /** a^p is s^(2p) where s = sqrt(a) is named: (v + eps)^-0.5 is sigma^-1. */
    static Optional<Expr> namedRoot(Power w, Map<Expr, Var> names) {
        Var s = names.get(Ex.apply(Builtin.SQRT, w.a()));
        if (s == null) s = names.get(Ex.power(w.a(), 0.5));
        return s == null ? Optional.empty() : Optional.of(Ex.power(s, 2 * w.p()));
    }

    /** inv(A)*inv(A)*X'*y is inv(A)*w where w = inv(A)*X'*y: a run of factors that a definition multiplies. */
    static Optional<Expr> namedFactors(MatMul m, List<List<Expr>> products, List<Var> productNames) {
        List<Expr> fs = SumRules.factors(m);
        for (int k = 0; k < products.size(); k++) {
            List<Expr> body = products.get(k);
            if (body.size() >= fs.size()) continue;
            for (int i = 0; i + body.size() <= fs.size(); i++) {
                if (fs.subList(i, i + body.size()).equals(body)) {
                    List<Expr> out = new ArrayList<>(fs.subList(0, i));
                    out.add(productNames.get(k));
                    out.addAll(fs.subList(i + body.size(), fs.size()));
                    return Optional.of(SumRules.product(out, null));
                }
            }
        }
        return Optional.empty();
    }
}
