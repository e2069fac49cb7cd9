package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Traverse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Elementwise quotients with a broadcast row or column, as a batch-normalisation paper writes
 * them: a factor that is constant along a sum is taken out of it, and a divisor every term of a
 * sum shares is written once: g ./ s - r .* Xhat ./ s is (g - r .* Xhat) ./ s.
 */
final class ElementwiseRules {
    private ElementwiseRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(Reduce.class, "a factor constant along a sum comes out", ElementwiseRules::constantOutOfSum),
                Rule.on(Add.class, "a common divisor once", ElementwiseRules::commonDivisor),
                Rule.on(Hadamard.class, "1 ./ b .* a is a ./ b", ElementwiseRules::reciprocalTimes));
    }

    /**
     * sum(g .* x ./ s, 2) is sum(g .* x, 2) ./ s where s is a column broadcast along the rows (and
     * alike down columns for a row): the divisor is the same in every entry summed. Lowers the
     * number of broadcasts.
     */
    static Optional<Expr> constantOutOfSum(Reduce r) {
        if (r.axis() == Axis.ALL || !(r.a() instanceof Hadamard || r.a() instanceof Divide)) return Optional.empty();
        Factors fs = Factors.of(r.a());
        if (fs == null) return Optional.empty();
        List<Expr> constant = new ArrayList<>();
        for (Expr f : fs.powers().keySet()) {
            if (f instanceof Broadcast b && b.a().shape().equals(r.shape()) && fs.power(f) < 0) constant.add(f);
        }
        if (constant.isEmpty() || constant.size() == fs.powers().size()) return Optional.empty();
        Map<Expr, Integer> outside = new LinkedHashMap<>();
        outside.put(Ex.reduce(r.axis(), fs.without(constant).build()), 1);
        for (Expr f : constant) outside.merge(((Broadcast) f).a(), fs.power(f), Integer::sum);
        return Optional.of(new Factors(r.shape(), outside).build());
    }

    /** 1 ./ b .* a and a .* (1 ./ b) are a ./ b. Lowers the number of nodes. */
    static Optional<Expr> reciprocalTimes(Hadamard h) {
        if (h.a() instanceof Divide d && d.a() instanceof Ones) return Optional.of(Ex.divide(h.b(), d.b()));
        if (h.b() instanceof Divide d && d.a() instanceof Ones) return Optional.of(Ex.divide(h.a(), d.b()));
        return Optional.empty();
    }

    /**
     * a ./ s - c*b ./ s.^2 is (a - c*b ./ s) ./ s: the elementwise divisors (not 1 x 1) that every
     * term shares, once. Lowers the number of divisions.
     */
    static Optional<Expr> commonDivisor(Add a) {
        if (a.shape().isScalar()) return Optional.empty();
        List<Factors> inner = new ArrayList<>();
        for (Expr t : a.terms()) {
            Factors f = core(t) instanceof Divide d ? Factors.of(d) : null;
            if (f == null) return Optional.empty();
            inner.add(f);
        }
        Map<Expr, Integer> common = new LinkedHashMap<>();
        inner.get(0).powers().forEach((f, p) -> {
            if (p >= 0) return;
            int least = p;
            for (Factors o : inner) {
                int q = o.power(f);
                if (q >= 0) return;
                least = Math.max(least, q);
            }
            common.put(f, least);
        });
        if (common.isEmpty()) return Optional.empty();
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < inner.size(); i++) {
            Factors f = inner.get(i);
            for (var c : common.entrySet()) f = f.with(c.getKey(), -c.getValue());
            Expr rest = f.build();
            terms.add(rewrap(a.terms().get(i), rest));
        }
        Map<Expr, Integer> down = new LinkedHashMap<>(common);
        Expr out = Ex.divide(Ex.add(terms), new Factors(a.shape(), negate(down)).build());
        return Traverse.size(out) < Traverse.size(a) ? Optional.of(out) : Optional.empty();
    }

    private static Map<Expr, Integer> negate(Map<Expr, Integer> m) {
        m.replaceAll((f, p) -> -p);
        return m;
    }

    /** The term with its core replaced, its minus and scalar factors kept. */
    private static Expr rewrap(Expr t, Expr core) {
        return switch (t) {
            case Neg n -> Ex.neg(rewrap(n.a(), core));
            case Scale s when !s.shape().isScalar() -> Ex.scale(s.s(), rewrap(s.a(), core));
            default -> core;
        };
    }

    /** A term without its minus and its scalar factors. */
    private static Expr core(Expr t) {
        Expr x = t;
        while (true) {
            if (x instanceof Neg n) x = n.a();
            else if (x instanceof Scale s && !s.shape().isScalar()) x = s.a();
            else return x;
        }
    }
}
