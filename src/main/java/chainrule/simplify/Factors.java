package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An elementwise product of whole powers, f1.^p1 .* f2.^p2 ./ f3.^p3: how an elementwise
 * quotient is read through products, divisions, whole powers and broadcasts of those (a column
 * broadcast of s .* t is the broadcasts of s and of t), and written back as one numerator over
 * one denominator. Factors keep the order they are first met in.
 */
record Factors(Shape shape, Map<Expr, Integer> powers) {

    /** The factors of a matrix-shaped elementwise expression, or null where it is none. */
    static Factors of(Expr e) {
        if (e.shape().isScalar()) return null;
        Map<Expr, Integer> out = new LinkedHashMap<>();
        if (!collect(e, 1, e.shape(), out)) return null;
        out.values().removeIf(p -> p == 0);
        return new Factors(e.shape(), out);
    }

    private static boolean collect(Expr e, int times, Shape shape, Map<Expr, Integer> out) {
        switch (e) {
            case Hadamard h -> {
                return collect(h.a(), times, shape, out) && collect(h.b(), times, shape, out);
            }
            case Divide d -> {
                return collect(d.a(), times, shape, out) && collect(d.b(), -times, shape, out);
            }
            case Power p when p.p() == Math.rint(p.p()) && Math.abs(p.p()) <= 16 -> {
                return collect(p.a(), times * (int) p.p(), shape, out);
            }
            case Ones o -> {
                return true;
            }
            case Broadcast b when b.a() instanceof Hadamard || b.a() instanceof Divide || b.a() instanceof Power -> {
                Map<Expr, Integer> inner = new LinkedHashMap<>();
                if (!collect(b.a(), times, b.a().shape(), inner)) return false;
                for (var f : inner.entrySet()) {
                    if (f.getKey().shape().isScalar()) return false;
                    out.merge(Ex.broadcast(f.getKey(), shape), f.getValue(), Integer::sum);
                }
                return true;
            }
            default -> {
                out.merge(e, times, Integer::sum);
                return true;
            }
        }
    }

    /** Every factor with its power raised by k (k may be negative). */
    Factors with(Expr factor, int k) {
        Map<Expr, Integer> m = new LinkedHashMap<>(powers);
        m.merge(factor, k, Integer::sum);
        m.values().removeIf(p -> p == 0);
        return new Factors(shape, m);
    }

    /** The factors without these. */
    Factors without(List<Expr> gone) {
        Map<Expr, Integer> m = new LinkedHashMap<>(powers);
        gone.forEach(m::remove);
        return new Factors(shape, m);
    }

    int power(Expr factor) {
        return powers.getOrDefault(factor, 0);
    }

    /** As one numerator over one denominator: a .* b ./ c.^2 (a power of a broadcast is the broadcast of the power). */
    Expr build() {
        Expr up = side(true), down = side(false);
        if (up == null) up = Ex.ones(shape);
        return down == null ? up : Ex.divide(up, down);
    }

    private Expr side(boolean up) {
        List<Expr> fs = new ArrayList<>();
        powers.forEach((f, p) -> {
            if (up == p > 0) {
                int k = Math.abs(p);
                fs.add(f instanceof Broadcast b ? Ex.broadcast(Ex.power(b.a(), k), shape) : Ex.power(f, k));
            }
        });
        if (fs.isEmpty()) return null;
        Expr out = fs.get(0);
        for (int i = 1; i < fs.size(); i++) out = Ex.hadamard(out, fs.get(i));
        return out;
    }
}
