package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import java.util.List;
import java.util.Optional;

/** Transposes move towards the leaves, where they read best: (A*B)' = B'*A'. */
final class TransposeRules {
    private TransposeRules() {}

    static List<Rule.Named> all(Program p) {
        return List.of(
                new Rule.Named("transpose of a product", TransposeRules::ofProduct),
                new Rule.Named("transpose of a sum", TransposeRules::ofSum),
                new Rule.Named("transpose of elementwise", TransposeRules::ofElementwise),
                new Rule.Named("symmetric is its own transpose", e -> symmetric(e, p)));
    }

    static Optional<Expr> ofProduct(Expr e) {
        if (e instanceof Transpose t) {
            if (t.a() instanceof MatMul m) return Optional.of(Ex.matmul(Ex.transpose(m.b()), Ex.transpose(m.a())));
            if (t.a() instanceof Scale s) return Optional.of(Ex.scale(s.s(), Ex.transpose(s.a())));
        }
        return Optional.empty();
    }

    static Optional<Expr> ofSum(Expr e) {
        if (e instanceof Transpose t && t.a() instanceof Add a) {
            return Optional.of(Ex.add(a.terms().stream().map(Ex::transpose).toList()));
        }
        return Optional.empty();
    }

    static Optional<Expr> ofElementwise(Expr e) {
        if (e instanceof Transpose t) {
            return switch (t.a()) {
                case Hadamard h -> Optional.of(Ex.hadamard(Ex.transpose(h.a()), Ex.transpose(h.b())));
                case Power p -> Optional.of(Ex.power(Ex.transpose(p.a()), p.p()));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    static Optional<Expr> symmetric(Expr e, Program p) {
        if (e instanceof Transpose t && t.a() instanceof Var v && p.hasProperty(v.name(), Stmt.Property.SYMMETRIC)) {
            return Optional.of(v);
        }
        return Optional.empty();
    }
}
