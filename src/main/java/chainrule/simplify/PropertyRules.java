package chainrule.simplify;

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
        return List.of(new Rule.Named("a one-hot vector sums to 1", e -> onehotSum(e, p)));
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
        return Optional.empty();
    }
}
