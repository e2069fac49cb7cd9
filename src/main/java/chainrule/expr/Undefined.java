package chainrule.expr;

import chainrule.expr.Expr.*;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleBinaryOperator;

/**
 * Whether an expression made of numbers alone has no value ({@code 0/0}, {@code log(0)},
 * {@code 1e308*1e308}). Such a factor must not be folded away by a zero beside it: SPEC §3 says
 * an expression undefined at a point equals nothing there, so {@code 0*log(0)} is not 0.
 */
final class Undefined {
    private Undefined() {}

    static boolean constant(Expr e) {
        OptionalDouble v = value(e);
        return v.isPresent() && !Double.isFinite(v.getAsDouble());
    }

    /** The value of a scalar made of numbers alone; empty for anything else. */
    private static OptionalDouble value(Expr e) {
        if (e instanceof Broadcast b) return value(b.a());
        if (!e.shape().isScalar()) return OptionalDouble.empty();
        if (e instanceof Num n) return OptionalDouble.of(n.value());
        if (e instanceof Neg n) return fold(List.of(n.a()), (x, y) -> -y);
        if (e instanceof Scale s) return fold(List.of(s.s(), s.a()), (x, y) -> x * y);
        if (e instanceof MatMul m) return fold(List.of(m.a(), m.b()), (x, y) -> x * y);
        if (e instanceof Hadamard h) return fold(List.of(h.a(), h.b()), (x, y) -> x * y);
        if (e instanceof Divide d) {
            OptionalDouble a = value(d.a()), b = value(d.b());
            return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() / b.getAsDouble()) : OptionalDouble.empty();
        }
        if (e instanceof Power p) return fold(List.of(p.a()), (x, y) -> Math.pow(y, p.p()));
        if (e instanceof Apply a) {
            return fold(List.of(a.a()), (x, y) -> a.fn().inDomain(y) ? a.fn().at(a.order(), y) : Double.NaN);
        }
        if (e instanceof Add a) return foldFrom(0, a.terms(), Double::sum);
        return OptionalDouble.empty();
    }

    /** Products and one-argument functions: the first value is the unit 1. */
    private static OptionalDouble fold(List<Expr> parts, DoubleBinaryOperator op) {
        return foldFrom(1, parts, op);
    }

    private static OptionalDouble foldFrom(double unit, List<Expr> parts, DoubleBinaryOperator op) {
        double acc = unit;
        for (Expr p : parts) {
            OptionalDouble v = value(p);
            if (v.isEmpty()) return v;
            acc = op.applyAsDouble(acc, v.getAsDouble());
        }
        return OptionalDouble.of(acc);
    }
}
