package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product of scalars, c * f1^p1 * f2^p2 ...: how scalar factors are gathered, counted and
 * cancelled. Factors keep the order they are first met in; a power that could lose a sign
 * (a square root of a square) is left as one factor.
 */
record Monomial(double c, Map<Expr, Double> powers) {

    static final Monomial ONE = new Monomial(1, Map.of());

    /** The factors of a 1 x 1 expression. */
    static Monomial of(Expr e) {
        return switch (e) {
            case Num n -> new Monomial(n.value(), Map.of());
            case Neg n -> of(n.a()).times(-1);
            case Scale s -> of(s.s()).times(of(s.a()));
            case Divide d when d.b().shape().isScalar() -> of(d.a()).times(of(d.b()).power(-1));
            case Power p when p.p() == Math.rint(p.p()) -> {
                Monomial inner = of(p.a());
                yield inner.c() == 0 && p.p() < 0 ? atom(e) : inner.power(p.p());
            }
            default -> atom(e);
        };
    }

    private static Monomial atom(Expr e) {
        Map<Expr, Double> m = new LinkedHashMap<>();
        m.put(e instanceof Power p ? p.a() : e, e instanceof Power p ? p.p() : 1.0);
        return new Monomial(1, m);
    }

    Monomial times(double k) {
        return new Monomial(c * k, powers);
    }

    Monomial times(Monomial o) {
        Map<Expr, Double> m = new LinkedHashMap<>(powers);
        o.powers.forEach((f, p) -> m.merge(f, p, Double::sum));
        m.values().removeIf(p -> p == 0);
        return new Monomial(c * o.c, m);
    }

    Monomial power(double p) {
        Map<Expr, Double> m = new LinkedHashMap<>();
        powers.forEach((f, q) -> m.put(f, q * p));
        return new Monomial(Math.pow(c, p), m);
    }

    boolean isNumber() {
        return powers.isEmpty();
    }

    /** The factors with a positive power, then those with a negative one (as their positive power). */
    List<Expr> numerator() {
        return side(true);
    }

    List<Expr> denominator() {
        return side(false);
    }

    private List<Expr> side(boolean up) {
        List<Expr> out = new ArrayList<>();
        powers.forEach((f, p) -> {
            if (up == p > 0) out.add(Ex.power(f, Math.abs(p)));
        });
        return out;
    }

    /** As a 1 x 1 expression: -c*a*b / (d*e). */
    Expr build() {
        if (c < 0) return Ex.neg(new Monomial(-c, powers).build());
        chainrule.expr.Fraction f = chainrule.expr.Fraction.of(c);
        if (f != null && !denominator().isEmpty()) {
            // (1/3)*s^(-2/3) is 1 / (3*s^(2/3)): a fraction's denominator joins the others
            Expr top = product(numerator());
            Expr up = top == null ? Ex.num(f.p()) : f.p() == 1 ? top : Ex.scale(Ex.num(f.p()), top);
            return Ex.divide(up, Ex.scale(Ex.num(f.q()), product(denominator())));
        }
        Expr top = product(numerator());
        Expr up = top == null ? Ex.num(c) : c == 1 ? top : Ex.scale(Ex.num(c), top);
        Expr down = product(denominator());
        return down == null ? up : Ex.divide(up, down);
    }

    /** This times a matrix x: -c*a*b*X / (d*e), so that it reads as a textbook writes it. */
    Expr scaling(Expr x) {
        if (c < 0) return Ex.neg(new Monomial(-c, powers).scaling(x));
        Expr out = x;
        Expr top = product(numerator());
        if (top != null) out = Ex.scale(top, out);
        if (c != 1) out = Ex.scale(Ex.num(c), out);
        Expr down = product(denominator());
        if (down != null) out = Ex.scale(Ex.divide(Ex.num(1), down), out);
        return out;
    }

    private static Expr product(List<Expr> fs) {
        if (fs.isEmpty()) return null;
        Expr out = fs.get(0);
        for (int i = 1; i < fs.size(); i++) out = Ex.scale(out, fs.get(i));
        return out;
    }
}
