package chainrule.simplify;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What is known of sums: a one-hot vector and a softmax sum to 1, centred data to 0, the diagonal to the trace. */
final class PropertyRules {
    private PropertyRules() {}

    static List<Rule> all(Program p) {
        return List.of(
                Rule.on(Reduce.class, "a one-hot vector sums to 1", r -> onehotSum(r, p)),
                Rule.on(Reduce.class, "a softmax sums to 1", r -> softmaxSum(r, p)),
                Rule.on(Reduce.class, "centred data sums to 0", r -> centredSum(r, p)),
                Rule.on(Reduce.class, "a sum splits where a part's sum is known", r -> splitKnownSum(r, p)),
                Rule.on(Hadamard.class, "what clipping cut off, where the clip is not flat", h -> clipResidual(h, p)));
    }

    /** sum(y) = 1 for a one-hot y (and per column of a matrix). Lowers the number of sums. */
    static Optional<Expr> onehotSum(Reduce r, Program p) {
        if (r.a() instanceof Var v && p.hasProperty(v.name(), Stmt.Property.ONEHOT)) {
            Shape s = v.shape();
            if (s.isVector()) return Optional.of(Ex.num(1));
            return switch (r.axis()) {
                case COLUMNS -> Optional.of(Ex.ones(r.shape()));
                case ALL -> Optional.of(new Size(s.cols()));
                default -> Optional.empty();
            };
        }
        // the transpose of a matrix one-hot by rows is one-hot by columns, and the other way round
        if (r.a() instanceof Transpose t && t.a() instanceof Var v && !v.shape().isVector()) {
            if (r.axis() == Expr.Axis.COLUMNS && p.hasProperty(v.name(), Stmt.Property.ONEHOT_ROWS)
                    || r.axis() == Expr.Axis.ROWS && p.hasProperty(v.name(), Stmt.Property.ONEHOT)) {
                return Optional.of(Ex.ones(r.shape()));
            }
        }
        if (r.a() instanceof Var v && p.hasProperty(v.name(), Stmt.Property.ONEHOT_ROWS)) {
            Shape s = v.shape();
            if (s.isVector()) return s.isRow() ? Optional.of(Ex.num(1)) : Optional.empty();
            return switch (r.axis()) {
                case ROWS -> Optional.of(Ex.ones(r.shape()));
                case ALL -> Optional.of(new Size(s.rows()));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** sum(softmax(z)) = 1 for a vector z, and sum(softmax(Z), 1) is a row of ones. Lowers the number of sums. */
    static Optional<Expr> softmaxSum(Reduce r, Program p) {
        Expr body = r.a() instanceof Var v && p.byName().get(v.name()) instanceof Program.Definition d ? d.body() : r.a();
        if (!(body instanceof Softmax s) || s.kind() != SoftKind.SOFTMAX) return Optional.empty();
        Shape shape = s.shape();
        if (!Ex.columnwise(shape)) return r.axis() == Axis.ALL || shape.isColumn() == (r.axis() == Axis.COLUMNS)
                ? Optional.of(Ex.num(1)) : Optional.empty();
        return switch (r.axis()) {
            case COLUMNS -> Optional.of(Ex.ones(r.shape()));
            case ALL -> Optional.of(new Size(shape.cols()));
            default -> Optional.empty();
        };
    }

    /** sum(X - mean(X, 2), 2) = 0 (and alike down columns): data centred along an axis sums to 0 along it. Lowers the number of sums. */
    static Optional<Expr> centredSum(Reduce r, Program p) {
        if (r.axis() == Axis.ALL) return Optional.empty();
        Expr body = r.a() instanceof Var v && p.byName().get(v.name()) instanceof Program.Definition d ? d.body() : r.a();
        if (!(body instanceof Add a) || a.terms().size() != 2 || !(a.terms().get(1) instanceof Neg n)) return Optional.empty();
        Expr y = a.terms().get(0);
        if (!(n.a() instanceof Broadcast b) || !(b.a() instanceof Divide mean)) return Optional.empty();
        Expr count = mean.b() instanceof Broadcast c ? c.a() : mean.b();
        Dim along = r.axis() == Axis.ROWS ? y.shape().cols() : y.shape().rows();
        boolean counts = count instanceof Num k ? along.isConstant() && k.value() == along.constant()
                : count instanceof Size z && z.dim().equals(along);
        if (counts && mean.a().equals(Ex.reduce(r.axis(), y))) return Optional.of(Ex.zero(r.shape()));
        return Optional.empty();
    }

    /** sum(p - y) is sum(p) - sum(y) where one of them is known (then 1 - 1). Lowers the number of unknown sums. */
    static Optional<Expr> splitKnownSum(Reduce r, Program p) {
        if (!(r.a() instanceof Add a)) return Optional.empty();
        boolean known = false;
        List<Expr> parts = new ArrayList<>();
        for (Expr t : a.terms()) {
            Expr sum = Ex.reduce(r.axis(), t);
            Expr inner = sum instanceof Neg n ? n.a() : sum;
            if (inner instanceof Reduce x && (onehotSum(x, p).isPresent() || softmaxSum(x, p).isPresent())) known = true;
            parts.add(sum);
        }
        return known ? Optional.of(Ex.add(parts)) : Optional.empty();
    }

    /**
     * (x - c) .* relu'(x - lo) and (x - c) .* relu'(x - hi) are both relu(x - hi), where
     * c = clip(x, lo, hi) = lo + relu(x - lo) - relu(x - hi) with numbers lo <= hi: x - c is
     * -relu(lo - x) + relu(x - hi), and each indicator keeps only the second part. So a Huber
     * loss's gradient is the clip itself. Lowers the number of nodes.
     */
    static Optional<Expr> clipResidual(Hadamard h, Program p) {
        for (int side = 0; side < 2; side++) {
            Expr residual = side == 0 ? h.a() : h.b(), indicator = side == 0 ? h.b() : h.a();
            if (!(residual instanceof Add a) || a.terms().size() != 2 || !(a.terms().get(1) instanceof Neg n)
                    || !(n.a() instanceof Var c) || !(indicator instanceof Apply d) || d.order() != 1
                    || d.fn() != chainrule.expr.Builtin.RELU) continue;
            Expr x = a.terms().get(0);
            if (!(p.byName().get(c.name()) instanceof Program.Definition def) || !(def.body() instanceof Add body)) continue;
            Expr low = null, high = null;
            double lo = 0;
            for (Expr t : body.terms()) {
                if (t instanceof Apply r && r.fn() == chainrule.expr.Builtin.RELU && r.order() == 0 && low == null) {
                    low = r.a();
                } else if (t instanceof Neg m && m.a() instanceof Apply r && r.fn() == chainrule.expr.Builtin.RELU
                        && r.order() == 0 && high == null) {
                    high = r.a();
                } else {
                    SumRules.Term k = SumRules.term(t);
                    if (!(k.rest() instanceof Ones || Ex.isOne(k.rest()))) return Optional.empty();
                    lo += k.coefficient();
                }
            }
            Double kLow = low == null ? null : offset(low, x), kHigh = high == null ? null : offset(high, x);
            if (kLow == null || kHigh == null || kLow != -lo || -kHigh < lo) continue;
            if (d.a().equals(low) || d.a().equals(high)) return Optional.of(Ex.apply(chainrule.expr.Builtin.RELU, high));
        }
        return Optional.empty();
    }

    /** k where e is x + k for a number k, else null. */
    private static Double offset(Expr e, Expr x) {
        if (e.equals(x)) return 0.0;
        if (!(e instanceof Add a) || a.terms().size() != 2 || !a.terms().get(0).equals(x)) return null;
        SumRules.Term k = SumRules.term(a.terms().get(1));
        return k.rest() instanceof Ones || Ex.isOne(k.rest()) ? k.coefficient() : null;
    }
}
