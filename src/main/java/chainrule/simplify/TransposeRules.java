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

    static List<Rule> all(Program p) {
        return List.of(
                Rule.on(Transpose.class, "transpose of a product", TransposeRules::ofProduct),
                Rule.on(Transpose.class, "transpose of elementwise", TransposeRules::ofElementwise),
                Rule.on(Transpose.class, "symmetric is its own transpose", t -> symmetric(t, p)),
                Rule.on(Slice.class, "a slice of a product is a product with a slice", TransposeRules::sliceOfProduct));
    }

    /** (A*B)' is B'*A', (s*A)' is s*A'. Lowers the size of what transposes cover. */
    static Optional<Expr> ofProduct(Transpose t) {
        if (t.a() instanceof MatMul m) return Optional.of(Ex.matmul(Ex.transpose(m.b()), Ex.transpose(m.a())));
        if (t.a() instanceof Scale s) return Optional.of(Ex.scale(s.s(), Ex.transpose(s.a())));
        return Optional.empty();
    }

    /** (a .* b)' is a' .* b', (a.^p)' is a'.^p. Lowers the size of what transposes cover. */
    static Optional<Expr> ofElementwise(Transpose t) {
        return switch (t.a()) {
            case Hadamard h -> Optional.of(Ex.hadamard(Ex.transpose(h.a()), Ex.transpose(h.b())));
            case Power p -> Optional.of(Ex.power(Ex.transpose(p.a()), p.p()));
            default -> Optional.empty();
        };
    }

    /**
     * (A*B)[rows, :] = A[rows, :]*B and (A')[i, j] = (A[j, i])': the bias row drops out of W, not of
     * the product. Lowers the size of what slices cover.
     */
    static Optional<Expr> sliceOfProduct(Slice s) {
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

    /**
     * S' is S for a symmetric S: a declared symmetric matrix, and what keeps symmetry (its inverse,
     * sums and scalings of symmetric matrices, A + A', A'*S*A, S^k). Lowers the number of transposes.
     */
    static Optional<Expr> symmetric(Transpose t, Program p) {
        return isSymmetric(t.a(), p) ? Optional.of(t.a()) : Optional.empty();
    }

    static boolean isSymmetric(Expr e, Program p) {
        if (!e.shape().isSquare()) return false;
        return switch (e) {
            case Var v -> p.hasProperty(v.name(), Stmt.Property.SYMMETRIC);
            case Identity i -> true;
            case DiagMatrix d -> true;
            case Ones o -> true;
            case MatFn m -> m.op() == MatOp.INV && isSymmetric(m.a(), p);
            case Neg n -> isSymmetric(n.a(), p);
            case Scale s -> isSymmetric(s.a(), p);
            case Add a -> symmetricSum(a.terms(), p);
            case Hadamard h -> isSymmetric(h.a(), p) && isSymmetric(h.b(), p);
            case Power w -> isSymmetric(w.a(), p);
            case Apply f -> isSymmetric(f.a(), p);
            case MatMul m -> gram(m, p);
            default -> false;
        };
    }

    /** A'*A, A*A', A'*S*A and A*S*A' with S symmetric: a product that reads the same backwards. */
    private static boolean gram(MatMul m, Program p) {
        List<Expr> fs = SumRules.factors(m);
        if (fs.stream().anyMatch(f -> f.shape().isScalar())) return false;
        int n = fs.size();
        for (int i = 0; i < n / 2; i++) {
            if (!fs.get(i).equals(Ex.transpose(fs.get(n - 1 - i)))) return false;
        }
        return n % 2 == 0 || isSymmetric(fs.get(n / 2), p);
    }

    /** Each term symmetric, or met by its own transpose as often as it stands (A + A', not 2*A + A' written A + A + A'). */
    private static boolean symmetricSum(List<Expr> terms, Program p) {
        java.util.Map<Expr, Integer> count = new java.util.HashMap<>();
        for (Expr x : terms) count.merge(x, 1, Integer::sum);
        for (Expr x : terms) {
            if (!isSymmetric(x, p) && !count.get(x).equals(count.get(Ex.transpose(x)))) return false;
        }
        return true;
    }
}
