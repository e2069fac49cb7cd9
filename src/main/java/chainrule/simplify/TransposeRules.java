package chainrule.simplify;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Shape;
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
                new Rule.Named("transpose of elementwise", TransposeRules::ofElementwise),
                new Rule.Named("symmetric is its own transpose", e -> symmetric(e, p)),
                new Rule.Named("a slice of a product is a product with a slice", TransposeRules::sliceOfProduct));
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

    /** (A*B)[rows, :] = A[rows, :]*B and (A')[i, j] = (A[j, i])': the bias row drops out of W, not of the product. */
    static Optional<Expr> sliceOfProduct(Expr e) {
        if (!(e instanceof Slice s)) return Optional.empty();
        Shape whole = s.a().shape();
        boolean allRows = s.rows().from().equals(Dim.ONE) && s.rows().to().equals(whole.rows());
        boolean allCols = s.cols().from().equals(Dim.ONE) && s.cols().to().equals(whole.cols());
        if (s.a() instanceof MatMul m && allCols) {
            Shape a = m.a().shape();
            return Optional.of(Ex.matmul(Ex.slice(m.a(), s.rows(), new Range(Dim.ONE, a.cols())), m.b()));
        }
        if (s.a() instanceof MatMul m && allRows) {
            Shape b = m.b().shape();
            return Optional.of(Ex.matmul(m.a(), Ex.slice(m.b(), new Range(Dim.ONE, b.rows()), s.cols())));
        }
        if (s.a() instanceof Transpose t) return Optional.of(Ex.transpose(Ex.slice(t.a(), s.cols(), s.rows())));
        return Optional.empty();
    }

    static Optional<Expr> symmetric(Expr e, Program p) {
        if (e instanceof Transpose t && t.a() instanceof Var v && p.hasProperty(v.name(), Stmt.Property.SYMMETRIC)) {
            return Optional.of(v);
        }
        return Optional.empty();
    }
}
