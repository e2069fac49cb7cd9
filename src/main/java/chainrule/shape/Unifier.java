package chainrule.shape;

import chainrule.expr.Dim;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dimension unknowns and their solutions. An unknown is a symbol starting with '?'; the user's
 * size symbols (n, k) are rigid. Two dimensions unify when their difference is zero, or can be
 * made zero by solving for one unknown that appears linearly.
 */
final class Unifier {
    private final Map<String, Dim> solved = new HashMap<>();
    private int next = 0;

    /** An equation unify could not solve yet (not linear in one unknown), and where it came from. */
    record Pending(Dim a, Dim b, Object where) {}

    private final List<Pending> pending = new ArrayList<>();
    /** The expression being worked on, recorded with each pending equation so a failure can be placed. */
    Object where;

    Dim fresh() {
        return Dim.symbol("?" + (next++));
    }

    Shape freshShape() {
        return new Shape(fresh(), fresh());
    }

    static boolean isUnknown(String symbol) {
        return symbol.startsWith("?");
    }

    Dim resolve(Dim d) {
        return solved.isEmpty() || !any(d, solved::containsKey) ? d : d.substitute(solved);
    }

    /** Whether a symbol of d passes the test (a loop, not a stream: shapes are checked at every start). */
    private static boolean any(Dim d, java.util.function.Predicate<String> test) {
        for (List<String> monomial : d.terms().keySet()) {
            for (String symbol : monomial) if (test.test(symbol)) return true;
        }
        return false;
    }

    Shape resolve(Shape s) {
        return new Shape(resolve(s.rows()), resolve(s.cols()));
    }

    boolean known(Dim d) {
        return !any(resolve(d), Unifier::isUnknown);
    }

    boolean known(Shape s) {
        return known(s.rows()) && known(s.cols());
    }

    /**
     * Both dimensions are still bare unknowns, and different ones: nothing at all is known of the
     * shape. (An identity I is ? x ? with one unknown twice: square, so not blank.)
     */
    boolean blank(Shape s) {
        Dim rows = resolve(s.rows()), cols = resolve(s.cols());
        return bare(rows) && bare(cols) && !rows.equals(cols);
    }

    private static boolean bare(Dim d) {
        if (d.terms().size() != 1) return false;
        var term = d.terms().entrySet().iterator().next();
        return term.getValue() == 1 && term.getKey().size() == 1 && isUnknown(term.getKey().get(0));
    }

    boolean isOne(Dim d) {
        return resolve(d).isOne();
    }

    boolean isScalar(Shape s) {
        return isOne(s.rows()) && isOne(s.cols());
    }

    /** Makes a and b equal if it can; false when they are different known sizes. */
    boolean unify(Dim a, Dim b) {
        Dim diff = resolve(a).minus(resolve(b));
        if (diff.terms().isEmpty()) return true;
        for (var e : diff.terms().entrySet()) {
            List<String> m = e.getKey();
            long c = e.getValue();
            if (m.size() == 1 && isUnknown(m.get(0)) && Math.abs(c) == 1
                    && diff.terms().keySet().stream().filter(k -> k != m).noneMatch(k -> k.contains(m.get(0)))) {
                String v = m.get(0);
                Dim rest = diff.minus(Dim.symbol(v).times(Dim.of(c)));
                Dim value = c == 1 ? rest.negate() : rest;
                bind(v, value);
                return true;
            }
        }
        if (!any(diff, Unifier::isUnknown)) return false;
        pending.add(new Pending(a, b, where));
        return true;
    }

    /** The first equation left open that the settled dimensions break, or null. */
    Pending broken() {
        List<Pending> all = allBroken();
        return all.isEmpty() ? null : all.get(0);
    }

    List<Pending> allBroken() {
        List<Pending> out = new ArrayList<>();
        for (Pending p : pending) {
            if (!resolve(p.a()).equals(resolve(p.b()))) out.add(p);
        }
        return out;
    }

    boolean unify(Shape a, Shape b) {
        return unify(a.rows(), b.rows()) & unify(a.cols(), b.cols());
    }

    private void bind(String v, Dim value) {
        Map<String, Dim> one = Map.of(v, value);
        solved.replaceAll((k, d) -> d.substitute(one));
        solved.put(v, value);
    }

    /** Every unknown still open becomes 1: what nothing constrains is a scalar. */
    void defaultToOne(Dim d) {
        for (String s : resolve(d).symbols()) {
            if (isUnknown(s)) bind(s, Dim.ONE);
        }
    }
}
