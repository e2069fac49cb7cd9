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
import java.util.function.Function;
import java.util.function.UnaryOperator;
import chainrule.expr.Traverse;

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
        // hashing a record walks its whole tree: an expression larger than every body is no body
        int largest = 0;
        for (Expr body : names.keySet()) largest = Math.max(largest, Traverse.size(body));
        int limit = largest;
        Function<Expr, Var> lookup = e -> Traverse.larger(e, limit) ? null : names.get(e);
        List<List<Expr>> products = new ArrayList<>();
        List<Var> productNames = new ArrayList<>();
        names.forEach((body, v) -> {
            if (body instanceof MatMul) {
                products.add(SumRules.factors(body));
                productNames.add(v);
            }
        });
        List<Quotient> quotients = new ArrayList<>();
        names.forEach((body, v) -> {
            if (body instanceof Scale q && !q.shape().isScalar() && q.s() instanceof Divide d && Ex.isOne(d.a())) {
                quotients.add(new Quotient(v, q.a(), d.b()));
            }
        });
        List<Quotient> elementwise = new ArrayList<>();
        names.forEach((body, v) -> {
            if (body instanceof Divide d && d.b() instanceof Broadcast b && !b.a().shape().isScalar()) {
                elementwise.add(new Quotient(v, d.a(), b));
            }
        });
        List<Rule> out = new ArrayList<>();
        out.add(Rule.on(Scale.class, "a named quotient", e -> namedQuotient(e, quotients)));
        out.add(Rule.on(Hadamard.class, "a named elementwise quotient", e -> namedElementwiseQuotient(e, elementwise)));
        out.add(Rule.on(Divide.class, "a named elementwise quotient", e -> namedElementwiseQuotient(e, elementwise)));
        out.add(Rule.on(Apply.class, "derivative through the activation's value", a -> derivativeFromValue(a, lookup)));
        out.add(Rule.on(Power.class, "a power of a named root", w -> namedRoot(w, lookup)));
        out.add(Rule.on(MatMul.class, "a named product inside a product", m -> namedFactors(m, products, productNames)));
        Set<Class<? extends Expr>> kinds = new LinkedHashSet<>();
        for (Expr body : names.keySet()) kinds.add(body.getClass());
        for (Class<? extends Expr> k : kinds) out.add(Rule.on(k, "name of a definition", e -> Optional.ofNullable(lookup.apply(e))));
        return out;
    }

    /** f'(z) where h = f(z) is written through h (sigmoid' is h .* (1 - h)). */
    static Optional<Expr> derivativeFromValue(Apply a, Function<Expr, Var> names) {
        if (a.order() == 1 && a.fn() instanceof Builtin b) {
            Var h = names.apply(Ex.apply(b, a.a()));
            if (h != null) return b.derivativeFromValue(h);
        }
        return Optional.empty();
    }

    /** a^p is s^(2p) where s = sqrt(a) is named: (v + eps)^-0.5 is sigma^-1. */
    static Optional<Expr> namedRoot(Power w, Function<Expr, Var> names) {
        Var s = names.apply(Ex.apply(Builtin.SQRT, w.a()));
        if (s == null) s = names.apply(Ex.power(w.a(), 0.5));
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

    /** f = q / s, a definition that divides by a scalar. */
    record Quotient(Var f, Expr q, Expr s) {}

    /**
     * x*x' / norm(x)^2 is f*f' where f = x / norm(x), and sum(g .* xc)*xc / sigma^3 is
     * sum(g .* xhat)*xhat / sigma where xhat = xc / sigma: each factor q of a product takes one s
     * from the denominator and becomes f.
     */
    static Optional<Expr> namedQuotient(Scale e, List<Quotient> quotients) {
        if (e.shape().isScalar() || quotients.isEmpty()) return Optional.empty();
        Monomial m = Monomial.of(e.s());
        Expr x = e.a();
        while (x instanceof Scale t) {
            m = m.times(Monomial.of(t.s()));
            x = t.a();
        }
        for (Quotient quo : quotients) {
            Double power = m.powers().get(quo.s());
            if (power == null || power >= 0) continue;
            int n = occurrences(x, quo.q());
            java.util.Map<Expr, Double> factors = new java.util.LinkedHashMap<>();
            for (var f : m.powers().entrySet()) {
                if (f.getKey().equals(quo.s())) continue;
                int k = f.getValue() > 0 && f.getValue() == Math.rint(f.getValue()) ? occurrences(f.getKey(), quo.q()) : -1;
                if (k < 0 && chainrule.expr.Traverse.any(f.getKey(), quo.q()::equals)) n = -1;
                if (n >= 0 && k > 0) n += k * f.getValue().intValue();
            }
            if (n <= 0 || n > -power) continue;
            for (var f : m.powers().entrySet()) {
                Expr key = f.getKey().equals(quo.s()) ? f.getKey() : chainrule.expr.Traverse.replace(f.getKey(), quo.q(), quo.f());
                factors.merge(key, f.getKey().equals(quo.s()) ? f.getValue() + n : f.getValue(), Double::sum);
            }
            factors.values().removeIf(p -> p == 0);
            Expr body = chainrule.expr.Traverse.replace(x, quo.q(), quo.f());
            return Optional.of(new Monomial(m.c(), factors).scaling(body));
        }
        return Optional.empty();
    }

    /**
     * g .* Xc ./ s.^2 is g .* Xhat ./ s where Xhat = Xc ./ s and s is a broadcast column (or row):
     * a factor Xc takes one s from the denominator and becomes Xhat. Lowers the number of nodes.
     */
    static Optional<Expr> namedElementwiseQuotient(Expr e, List<Quotient> quotients) {
        if (quotients.isEmpty()) return Optional.empty();
        Factors fs = Factors.of(e);
        if (fs == null) return Optional.empty();
        for (Quotient quo : quotients) {
            int up = fs.power(quo.q()), down = -fs.power(quo.s());
            if (up <= 0 || down <= 0) continue;
            int n = Math.min(up, down);
            java.util.Map<Expr, Integer> named = new java.util.LinkedHashMap<>();
            fs.powers().forEach((f, p) -> {
                if (f.equals(quo.q())) named.merge(quo.f(), n, Integer::sum);
                named.merge(f, f.equals(quo.q()) ? p - n : f.equals(quo.s()) ? p + n : p, Integer::sum);
            });
            named.values().removeIf(p -> p == 0);
            return Optional.of(new Factors(fs.shape(), named).build());
        }
        return Optional.empty();
    }

    /** How many times q is a factor of e (through products, sums over entries and transposes), or -1 where it is inside anything else. */
    private static int occurrences(Expr e, Expr q) {
        if (e.equals(q)) return 1;
        return switch (e) {
            case MatMul m -> both(occurrences(m.a(), q), occurrences(m.b(), q));
            case Scale s -> both(occurrences(s.s(), q), occurrences(s.a(), q));
            case Hadamard h -> both(occurrences(h.a(), q), occurrences(h.b(), q));
            case Transpose t -> occurrences(t.a(), q);
            case Reduce r -> occurrences(r.a(), q);
            case Neg n -> occurrences(n.a(), q);
            case Broadcast b -> occurrences(b.a(), q);
            case Divide d -> chainrule.expr.Traverse.any(d.b(), q::equals) ? -1 : occurrences(d.a(), q);
            default -> chainrule.expr.Traverse.any(e, q::equals) ? -1 : 0;
        };
    }

    private static int both(int a, int b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }
}
