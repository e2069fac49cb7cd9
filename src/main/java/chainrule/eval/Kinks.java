package chainrule.eval;

import chainrule.expr.Fn;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * How far an argument is from the nearest kink of an elementwise function (a point where it or a
 * derivative jumps), for the sampler to keep finite differences off it. The table says where the
 * kinks are for functions that have them elsewhere than at 0; every other kinked function (relu,
 * abs, sign, step) has its kink at 0. A new function with kinks adds its line here.
 */
final class Kinks {
    private Kinks() {}

    /** By function name: the distance from an argument to the function's nearest kink. */
    private static final Map<String, DoubleUnaryOperator> ELSEWHERE = Map.of();

    /** The distance from an argument to the function's nearest kink; null where it has none. */
    static DoubleUnaryOperator of(Fn fn) {
        DoubleUnaryOperator d = ELSEWHERE.get(fn.fname());
        if (d != null) return d;
        return fn.kinked() ? Math::abs : null;
    }
}
