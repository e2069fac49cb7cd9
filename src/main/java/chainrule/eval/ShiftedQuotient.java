package chainrule.eval;

import chainrule.expr.Builtin;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A quotient whose numerator and denominator both overflow, as a sigmoid or a softmax written
 * out does where its argument is large: {@code exp(z) ./ (1 + exp(z))} and
 * {@code exp(z) / sum(exp(z))} at z = 800 are Inf/Inf, though their value is a number between 0
 * and 1. Such an entry is worked out again from both sides times exp(-m), m the largest argument
 * of an exp in them, which leaves the quotient as it is: each exp(u) as exp(u - m), a term without
 * exp times exp(-m), a product or a scaling through the one factor that holds an exp. So a claim
 * written with such a quotient has the value it has on paper (SPEC §3: an expression undefined at
 * a point equals nothing there, and these are defined everywhere). Entries that were numbers keep
 * their value, and one still Inf/Inf after the shift (exponents more than 1,400 apart) stays NaN.
 */
final class ShiftedQuotient {
    private final Evaluator evaluator;
    private final double m;
    private final Map<Expr, RealMatrix> memo = new IdentityHashMap<>();

    private ShiftedQuotient(Evaluator evaluator, double m) {
        this.evaluator = evaluator;
        this.m = m;
    }

    /** The quotient {@code plain} = num ./ den with its overflowed entries (Inf/Inf) worked out again. */
    static RealMatrix repair(Evaluator evaluator, Divide d, RealMatrix num, RealMatrix den, RealMatrix plain) {
        if (!overflowed(num, den, plain)) return plain;
        double m = largestExpArgument(evaluator, d);
        if (!(m > 0) || !Double.isFinite(m)) return plain;
        ShiftedQuotient s = new ShiftedQuotient(evaluator, m);
        RealMatrix shifted = Matrices.zip(s.shifted(d.a()), s.shifted(d.b()), (x, y) -> x / y);
        RealMatrix out = plain.copy();
        for (int i = 0; i < out.getRowDimension(); i++) {
            for (int j = 0; j < out.getColumnDimension(); j++) {
                if (Double.isNaN(out.getEntry(i, j)) && Double.isFinite(shifted.getEntry(i, j))) out.setEntry(i, j, shifted.getEntry(i, j));
            }
        }
        return out;
    }

    /** Whether an entry is NaN from an infinite numerator over an infinite denominator. */
    private static boolean overflowed(RealMatrix num, RealMatrix den, RealMatrix plain) {
        if (Matrices.allFinite(plain)) return false;
        for (int i = 0; i < plain.getRowDimension(); i++) {
            for (int j = 0; j < plain.getColumnDimension(); j++) {
                if (Double.isNaN(plain.getEntry(i, j)) && Double.isInfinite(num.getEntry(i, j))
                        && Double.isInfinite(den.getEntry(i, j))) return true;
            }
        }
        return false;
    }

    private static boolean isExp(Expr e) {
        return e instanceof Apply a && a.fn() == Builtin.EXP; // every derivative of exp is exp
    }

    private static double largestExpArgument(Evaluator evaluator, Divide d) {
        double[] largest = {Double.NEGATIVE_INFINITY};
        Children.walk(d, e -> {
            if (isExp(e)) {
                for (double[] row : Matrices.rowsOf(evaluator.eval(((Apply) e).a()))) {
                    for (double v : row) if (Double.isFinite(v)) largest[0] = Math.max(largest[0], v);
                }
            }
        });
        return largest[0];
    }

    private boolean holdsExp(Expr root) {
        boolean[] found = {false};
        Children.walk(root, e -> found[0] |= isExp(e));
        return found[0];
    }

    /** The value of e times exp(-m). */
    private RealMatrix shifted(Expr e) {
        RealMatrix cached = memo.get(e);
        if (cached != null) return cached;
        RealMatrix value = compute(e);
        memo.put(e, value);
        return value;
    }

    private RealMatrix compute(Expr e) {
        if (isExp(e)) return Matrices.map(evaluator.eval(((Apply) e).a()), u -> Math.exp(u - m));
        if (e instanceof Add a) {
            RealMatrix total = shifted(a.terms().get(0));
            for (int i = 1; i < a.terms().size(); i++) total = Matrices.zip(total, shifted(a.terms().get(i)), Double::sum);
            return total;
        }
        if (e instanceof Neg n) return Matrices.map(shifted(n.a()), x -> -x);
        if (e instanceof Scale s) {
            if (!holdsExp(s.a())) {
                double k = shifted(s.s()).getEntry(0, 0);
                return Matrices.map(evaluator.eval(s.a()), x -> k * x);
            }
            double k = evaluator.eval(s.s()).getEntry(0, 0);
            return Matrices.map(shifted(s.a()), x -> k * x);
        }
        if (e instanceof Hadamard h) {
            return holdsExp(h.a()) ? Matrices.zip(shifted(h.a()), evaluator.eval(h.b()), (x, y) -> x * y)
                    : Matrices.zip(evaluator.eval(h.a()), shifted(h.b()), (x, y) -> x * y);
        }
        if (e instanceof MatMul p) {
            return holdsExp(p.a()) ? Matrices.multiply(shifted(p.a()), evaluator.eval(p.b()), null)
                    : Matrices.multiply(evaluator.eval(p.a()), shifted(p.b()), null);
        }
        if (e instanceof Divide q) return Matrices.zip(shifted(q.a()), evaluator.eval(q.b()), (x, y) -> x / y);
        if (e instanceof Reduce r) return Evaluator.reduce(r.axis(), shifted(r.a()));
        if (e instanceof Broadcast b) {
            RealMatrix full = evaluator.eval(b);
            return Evaluator.broadcast(shifted(b.a()), full.getRowDimension(), full.getColumnDimension(), null);
        }
        if (e instanceof Transpose t) return Matrices.transpose(shifted(t.a()));
        // anything else (a constant, a name, a function of exps) scales as a whole: Inf stays Inf
        double shrink = Math.exp(-m);
        return Matrices.map(evaluator.eval(e), x -> x * shrink);
    }
}
