package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.List;
import java.util.Optional;

/**
 * Products that second derivatives make: a Hessian by a matrix comes out of forward accumulation
 * as kron(x, I)*D*kron(x', E) with diagonals between, which these bring to the textbook
 * kron(x*x', diag(...)).
 */
final class SecondOrderRules {
    private SecondOrderRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(MatMul.class, "kron(c, I)*A is kron(c, A)", SecondOrderRules::columnKron),
                Rule.on(MatMul.class, "diag(a)*diag(b) is diag(a .* b)", SecondOrderRules::diagonals));
    }

    /**
     * The mixed product (c ⊗ I)(1 ⊗ A) = c ⊗ A, for a column c; and through a product that ends in
     * a Kronecker product by a row, (c ⊗ I) A (r ⊗ B) = cr ⊗ AB. Lowers the number of matrix products.
     */
    static Optional<Expr> columnKron(MatMul m) {
        if (!(m.a() instanceof Kron k && k.b() instanceof Identity && k.a().shape().isColumn() && !k.a().shape().isScalar())) {
            return Optional.empty();
        }
        if (m.b() instanceof MatMul inner && inner.b() instanceof Kron right && right.a().shape().isRow()
                && inner.a().shape().cols().equals(right.b().shape().rows())) {
            return Optional.of(Ex.kron(Ex.matmul(k.a(), right.a()), Ex.matmul(inner.a(), right.b())));
        }
        if (m.b() instanceof Kron) return Optional.empty();
        return Optional.of(Ex.kron(k.a(), m.b()));
    }

    /** Two diagonal matrices multiply entry by entry, also at the head of a longer product. Lowers the number of matrix products. */
    static Optional<Expr> diagonals(MatMul m) {
        if (!(m.a() instanceof DiagMatrix a)) return Optional.empty();
        if (m.b() instanceof DiagMatrix b) return Optional.of(Ex.diagMatrix(Ex.hadamard(Ex.vec(a.v()), Ex.vec(b.v()))));
        if (m.b() instanceof MatMul inner && inner.a() instanceof DiagMatrix b) {
            return Optional.of(Ex.matmul(Ex.diagMatrix(Ex.hadamard(Ex.vec(a.v()), Ex.vec(b.v()))), inner.b()));
        }
        return Optional.empty();
    }
}
