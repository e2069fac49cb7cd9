package chainrule.shape;

import chainrule.expr.Dim;
import chainrule.expr.Shape;
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
        if (solved.isEmpty() || d.symbols().stream().noneMatch(solved::containsKey)) return d;
        return d.substitute(solved);
    }

    Shape resolve(Shape s) {
        return new Shape(resolve(s.rows()), resolve(s.cols()));
    }

    boolean known(Dim d) {
        return resolve(d).symbols().stream().noneMatch(Unifier::isUnknown);
    }

    boolean known(Shape s) {
        return known(s.rows()) && known(s.cols());
    }

    /** Both dimensions are still bare unknowns: nothing at all is known of the shape. */
    boolean blank(Shape s) {
        return bare(resolve(s.rows())) && bare(resolve(s.cols()));
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
        return diff.symbols().stream().anyMatch(Unifier::isUnknown);
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
