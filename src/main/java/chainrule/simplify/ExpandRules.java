package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multiplying out elementwise products of sums, kept only where something cancels: the
 * ((1 - y) ./ (1 - p) - y ./ p) .* p .* (1 - p) of a logistic loss becomes p - y, while
 * h .* (1 - h) stays as it is (expanding it cancels nothing). Terminates: a rewrite only
 * happens when terms or factors cancel, so the number of factors falls.
 */
final class ExpandRules {
    private static final int MAX_TERMS = 16;
    private static final int MAX_SIZE = 400;

    private ExpandRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(Add.class, "multiply out where terms cancel", ExpandRules::expandIfCancels),
                Rule.on(Hadamard.class, "multiply out where terms cancel", ExpandRules::expandIfCancels));
    }

    /** coefficient * f1 .* f2 .* ... (a factor may be x.^-1). */
    private record Monomial(double coefficient, List<Expr> factors) {}

    /** Lowers the number of factors, counted in the multiplied-out form, and the size. */
    static Optional<Expr> expandIfCancels(Expr e) {
        if (e.shape().isScalar()) return Optional.empty();
        // multiplying out costs far more than the expression's length; past this size it is not tried
        if (chainrule.expr.Traverse.larger(e, MAX_SIZE)) return Optional.empty();
        // first multiply out only the sums that hold a division (so x ./ y .* y can cancel), then everything
        Optional<Expr> partial = attempt(e, true);
        return partial.isPresent() ? partial : attempt(e, false);
    }

    private static boolean holdsInverse(Expr e) {
        return chainrule.expr.Traverse.any(e, x -> x instanceof Divide || (x instanceof Power p && p.p() < 0));
    }

    private static Optional<Expr> attempt(Expr e, boolean onlySumsWithInverses) {
        List<Monomial> ms = expand(e, onlySumsWithInverses, true);
        if (ms == null || ms.size() > MAX_TERMS) return Optional.empty();
        int factorsBefore = 0;
        for (Monomial m : ms) factorsBefore += m.factors().size();
        List<Monomial> cancelled = new ArrayList<>();
        for (Monomial m : ms) cancelled.add(cancelInverses(m));
        Map<Map<Expr, Integer>, Double> collected = new LinkedHashMap<>();
        Map<Map<Expr, Integer>, List<Expr>> shown = new LinkedHashMap<>();
        for (Monomial m : cancelled) {
            Map<Expr, Integer> key = counted(m.factors());
            collected.merge(key, m.coefficient(), Double::sum);
            shown.putIfAbsent(key, m.factors());
        }
        collected.values().removeIf(c -> Math.abs(c) < 1e-12);
        int factorsAfter = 0;
        for (Map<Expr, Integer> k : collected.keySet()) for (int n : k.values()) factorsAfter += n;
        boolean cancels = factorsAfter < factorsBefore && collected.size() <= ms.size();
        if (!cancels) return Optional.empty();
        List<Expr> terms = new ArrayList<>();
        collected.forEach((key, c) -> terms.add(term(c, shown.get(key), e)));
        if (terms.isEmpty()) return Optional.of(Ex.zero(e.shape()));
        Expr out = Ex.add(terms);
        return size(out) < size(e) ? Optional.of(out) : Optional.empty();
    }

    private static int size(Expr e) {
        return chainrule.expr.Traverse.size(e);
    }

    private static Expr term(double c, List<Expr> factors, Expr like) {
        Expr body = factors.isEmpty() ? Ex.ones(like.shape()) : factors.get(0);
        for (int i = 1; i < factors.size(); i++) body = Ex.hadamard(body, factors.get(i));
        if (c == 1) return body;
        if (c == -1) return Ex.neg(body);
        return c < 0 ? Ex.neg(Ex.scale(Ex.num(-c), body)) : Ex.scale(Ex.num(c), body);
    }

    /** A monomial's factors, each with how often it occurs: the same factors in another order are the same key. */
    private static Map<Expr, Integer> counted(List<Expr> factors) {
        Map<Expr, Integer> out = new HashMap<>();
        for (Expr f : factors) out.merge(f, 1, Integer::sum);
        return out;
    }

    /** f .* f.^-1 = 1 within one monomial. */
    private static Monomial cancelInverses(Monomial m) {
        List<Expr> fs = new ArrayList<>(m.factors());
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < fs.size(); i++) {
                if (fs.get(i) instanceof Power p && p.p() == -1) {
                    for (int j = 0; j < fs.size(); j++) {
                        if (j != i && fs.get(j).equals(p.a())) {
                            fs.remove(Math.max(i, j));
                            fs.remove(Math.min(i, j));
                            changed = true;
                            break outer;
                        }
                    }
                }
            }
        }
        return new Monomial(m.coefficient(), fs);
    }

    /** The monomials of an elementwise expression, or null where it is not one. */
    private static List<Monomial> expand(Expr e, boolean selective, boolean top) {
        if (selective && !top && e instanceof Add && !holdsInverse(e)) return List.of(new Monomial(1, List.of(e)));
        return switch (e) {
            case Add a -> {
                List<Monomial> out = new ArrayList<>();
                for (Expr t : a.terms()) {
                    List<Monomial> ms = expand(t, selective, top);
                    if (ms == null) yield null;
                    out.addAll(ms);
                    if (out.size() > MAX_TERMS) yield null;
                }
                yield out;
            }
            case Neg n -> {
                List<Monomial> ms = expand(n.a(), selective, top);
                yield ms == null ? null : ms.stream().map(m -> new Monomial(-m.coefficient(), m.factors())).toList();
            }
            case Scale s when s.s() instanceof Num c -> {
                List<Monomial> ms = expand(s.a(), selective, top);
                yield ms == null ? null : ms.stream().map(m -> new Monomial(c.value() * m.coefficient(), m.factors())).toList();
            }
            case Hadamard h -> {
                List<Monomial> a = expand(h.a(), selective, false), b = expand(h.b(), selective, false);
                if (a == null || b == null || a.size() * b.size() > MAX_TERMS) yield null;
                List<Monomial> out = new ArrayList<>();
                for (Monomial x : a) {
                    for (Monomial y : b) {
                        List<Expr> fs = new ArrayList<>(x.factors());
                        fs.addAll(y.factors());
                        out.add(new Monomial(x.coefficient() * y.coefficient(), fs));
                    }
                }
                yield out;
            }
            case Ones o -> List.of(new Monomial(1, List.of()));
            case Divide d -> expand(Ex.hadamard(d.a(), Ex.power(d.b(), -1)), selective, top);
            default -> List.of(new Monomial(1, List.of(e)));
        };
    }
}
