package chainrule.simplify;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import java.util.List;
import java.util.Optional;

/** What declared properties give: a one-hot vector sums to 1. */
final class PropertyRules {
    private PropertyRules() {}

    static List<Rule.Named> all(Program p) {
        return List.of(new Rule.Named("a one-hot vector sums to 1", e -> onehotSum(e, p)),
                new Rule.Named("centred data sums to 0", e -> centredSum(e, p)));
    }

    /** sum(X - mean(X, 2), 2) = 0 (and alike down columns): data centred along an axis sums to 0 along it. */
    static Optional<Expr> centredSum(Expr e, Program p) {
        if (!(e instanceof Reduce r) || r.axis() == Expr.Axis.ALL) return Optional.empty();
        Expr body = r.a() instanceof Var v && p.byName().get(v.name()) instanceof Program.Definition d ? d.body() : r.a();
        if (!(body instanceof Add a) || a.terms().size() != 2 || !(a.terms().get(1) instanceof Neg n)) return Optional.empty();
        Expr y = a.terms().get(0);
        if (!(n.a() instanceof Broadcast b) || !(b.a() instanceof Divide mean)) return Optional.empty();
        Expr count = mean.b() instanceof Broadcast c ? c.a() : mean.b();
        Dim along = r.axis() == Expr.Axis.ROWS ? y.shape().cols() : y.shape().rows();
        boolean counts = count instanceof Num k ? along.isConstant() && k.value() == along.constant()
                : count instanceof Size z && z.dim().equals(along);
        if (counts && mean.a().equals(Ex.reduce(r.axis(), y))) return Optional.of(Ex.zero(r.shape()));
        return Optional.empty();
    }

    static Optional<Expr> onehotSum(Expr e, Program p) {
        if (e instanceof Reduce r && r.a() instanceof Var v && p.hasProperty(v.name(), Stmt.Property.ONEHOT)) {
            Shape s = v.shape();
            if (s.isVector()) return Optional.of(Ex.num(1));
            return switch (r.axis()) {
                case COLUMNS -> Optional.of(Ex.ones(r.shape()));
                case ALL -> Optional.of(new Size(s.cols()));
                default -> Optional.empty();
            };
        }
        // the transpose of a matrix one-hot by rows is one-hot by columns, and the other way round
        if (e instanceof Reduce r && r.a() instanceof Transpose t && t.a() instanceof Var v && !v.shape().isVector()) {
            if (r.axis() == Expr.Axis.COLUMNS && p.hasProperty(v.name(), Stmt.Property.ONEHOT_ROWS)
                    || r.axis() == Expr.Axis.ROWS && p.hasProperty(v.name(), Stmt.Property.ONEHOT)) {
                return Optional.of(Ex.ones(r.shape()));
            }
        }
        if (e instanceof Reduce r && r.a() instanceof Var v && p.hasProperty(v.name(), Stmt.Property.ONEHOT_ROWS)) {
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
}
