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
                Rule.on(Reduce.class, "a sum splits where a part's sum is known", r -> splitKnownSum(r, p)));
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
}
