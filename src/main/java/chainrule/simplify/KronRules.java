package chainrule.simplify;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.List;
import java.util.Optional;

/** Kronecker products that meet: the mixed-product rule and the vec trick, so a derivative by a scalar reads as a matrix expression. */
final class KronRules {
    private KronRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(MatMul.class, "A*kron(r, I) is kron(r, A)", KronRules::kronMixedProduct),
                Rule.on(MatMul.class, "kron(A, B)*kron(C, D) is kron(A*C, B*D)", KronRules::kronProduct),
                Rule.on(MatMul.class, "kron(B', A)*vec(X) is vec(A*X*B)", KronRules::vecTrick));
    }

    /** The mixed product (1 ⊗ A)(r ⊗ I) = r ⊗ A, for a row r. Lowers the number of matrix products. */
    static Optional<Expr> kronMixedProduct(MatMul m) {
        if (m.b() instanceof Kron k && k.b() instanceof Identity && k.a().shape().isRow()) {
            return Optional.of(Ex.kron(k.a(), m.a()));
        }
        return Optional.empty();
    }

    /** (A ⊗ B)(C ⊗ D) = AC ⊗ BD where the sizes fit. Lowers the number of Kronecker products. */
    static Optional<Expr> kronProduct(MatMul m) {
        if (m.a() instanceof Kron x && m.b() instanceof Kron y
                && x.a().shape().cols().equals(y.a().shape().rows()) && x.b().shape().cols().equals(y.b().shape().rows())) {
            return Optional.of(Ex.kron(Ex.matmul(x.a(), y.a()), Ex.matmul(x.b(), y.b())));
        }
        return Optional.empty();
    }

    /** (P ⊗ Q) vec(X) = vec(Q X P'). Lowers the number of Kronecker products. */
    static Optional<Expr> vecTrick(MatMul m) {
        if (m.a() instanceof Kron k && m.b() instanceof Reshape r && r.shape().isColumn()) {
            Expr x = r.a();
            if (k.b().shape().cols().equals(x.shape().rows()) && k.a().shape().cols().equals(x.shape().cols())) {
                return Optional.of(Ex.vec(Ex.matmul(Ex.matmul(k.b(), x), Ex.transpose(k.a()))));
            }
        }
        return Optional.empty();
    }
}
