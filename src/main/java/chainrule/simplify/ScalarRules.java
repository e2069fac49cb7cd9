package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.List;
import java.util.Optional;

/**
 * The canonical form of scalar factors: numbers folded into one coefficient in front, a minus
 * carried once outside, scalar factors gathered (and cancelled) into one numerator and one
 * denominator: 2*(lambda / 2)*W is lambda*W, s*(X / s) is X, -0.25*Y is -Y / 4.
 */
final class ScalarRules {
    private ScalarRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(Scale.class, "scalar factors gathered", ScalarRules::gatherScaling),
                Rule.on(Divide.class, "scalar factors gathered", ScalarRules::gatherScalar),
                Rule.on(Power.class, "scalar factors gathered", ScalarRules::gatherScalar),
                Rule.on(Divide.class, "division by a broadcast scalar is a scaling", ScalarRules::divideByScalar),
                Rule.on(Power.class, "a power of a broadcast is broadcast", ScalarRules::powerOfBroadcast));
    }

    /**
     * A chain of scalings as one coefficient, its factors gathered: 2*(s*(3*X)) is 6*s*X,
     * s*(X / s) is X. Lowers the number of scalings and numbers, and orders the rest (number,
     * numerator, denominator); a chain already in that form is left alone.
     */
    static Optional<Expr> gatherScaling(Scale s) {
        if (s.shape().isScalar()) return gatherScalar(s);
        Monomial m = Monomial.of(s.s());
        Expr x = s.a();
        while (x instanceof Scale t) {
            m = m.times(Monomial.of(t.s()));
            x = t.a();
        }
        return changed(s, m.scaling(x));
    }

    /** A product or quotient of scalars in its canonical form: (2*s)^2 / s is 4*s. Lowers the number of factors. */
    static Optional<Expr> gatherScalar(Expr e) {
        if (!e.shape().isScalar()) return Optional.empty();
        return changed(e, Monomial.of(e).build());
    }

    /** X ./ (s broadcast) is X / s, a scaling: the broadcast goes, and the scalar joins the other scalar factors. */
    static Optional<Expr> divideByScalar(Divide d) {
        if (d.b() instanceof Broadcast b && b.a().shape().isScalar()) {
            return Optional.of(Ex.scale(Ex.divide(Ex.num(1), b.a()), d.a()));
        }
        return Optional.empty();
    }

    /** (s broadcast).^p is s.^p broadcast: the power is taken once, of the smaller value. Moves the broadcast up. */
    static Optional<Expr> powerOfBroadcast(Power p) {
        if (p.a() instanceof Broadcast b) {
            return Optional.of(Ex.broadcast(Ex.power(b.a(), p.p()), p.shape()));
        }
        return Optional.empty();
    }

    private static Optional<Expr> changed(Expr before, Expr after) {
        return after.equals(before) ? Optional.empty() : Optional.of(after);
    }
}
