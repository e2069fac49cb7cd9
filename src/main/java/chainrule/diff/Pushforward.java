package chainrule.diff;

import chainrule.diff.Lin.*;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Axis;
import chainrule.expr.Expr.Range;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward mode's half of a linear map: the map applied to the Jacobians of its operands, each
 * d vec(operand)/d vec(x) with n columns, giving d vec(value)/d vec(x). A map on vec forms is
 * a matrix (vec(A*X*B) = kron(B', A)*vec(X)), so each node multiplies by its matrix.
 * A null Jacobian is zero (the operand does not depend on x).
 */
final class Pushforward {
    private final Expr[] jacobians;
    private final Dim n;
    private final Map<Lin, Expr> memo = new IdentityHashMap<>();

    private Pushforward(Expr[] jacobians, Dim n) {
        this.jacobians = jacobians;
        this.n = n;
    }

    /** d vec(value)/d vec(x), or null where it is zero. */
    static Expr apply(Lin map, Expr[] jacobians, Dim n) {
        return new Pushforward(jacobians, n).of(map);
    }

    private Expr of(Lin x) {
        if (memo.containsKey(x)) return memo.get(x);
        Expr j = compute(x);
        if (j != null && Ex.isZero(j)) j = null;
        memo.put(x, j);
        return j;
    }

    private Expr zeroIfNull(Expr j, Lin x) {
        return j != null ? j : Ex.zero(new Shape(Lin.size(x), n));
    }

    private Expr times(Expr local, Lin x) {
        Expr j = of(x);
        return j == null ? null : Ex.matmul(local, j);
    }

    private Expr compute(Lin x) {
        return switch (x) {
            case Operand o -> jacobians[o.index()];
            case Sum s -> {
                List<Expr> terms = new ArrayList<>();
                for (Lin t : s.terms()) {
                    Expr j = of(t);
                    if (j != null) terms.add(j);
                }
                yield terms.isEmpty() ? null : Ex.add(terms);
            }
            case Negate m -> {
                Expr j = of(m.x());
                yield j == null ? null : Ex.neg(j);
            }
            case LeftMul m -> m.x() instanceof RightMul r
                    ? times(Ex.kron(Ex.transpose(r.b()), m.a()), r.x())
                    : times(Ex.kron(Ex.identity(m.x().shape().cols()), m.a()), m.x());
            case RightMul m -> times(Ex.kron(Ex.transpose(m.b()), Ex.identity(m.x().shape().rows())), m.x());
            case Scaled s -> {
                Expr j = of(s.x());
                yield j == null ? null : Ex.scale(s.s(), j);
            }
            case Outer o -> times(Ex.vec(o.a()), o.ds());
            case Inner i -> times(vecT(i.a()), i.x());
            case Diagonal d -> diagonal(d);
            case DividedBy d -> diagonal(d);
            case Transposed t -> {
                Shape a = t.x().shape();
                yield a.isVector() ? of(t.x()) : times(Ex.commutation(a.rows(), a.cols()), t.x());
            }
            case Reshaped r -> of(r.x());
            case Summed s -> {
                Shape a = s.x().shape();
                Expr local = switch (s.axis()) {
                    case ROWS -> Ex.kron(Ex.ones(Shape.row(a.cols())), Ex.identity(a.rows()));
                    case COLUMNS -> Ex.kron(Ex.identity(a.cols()), Ex.ones(Shape.row(a.rows())));
                    case ALL, VERTICAL, HORIZONTAL -> Ex.ones(Shape.row(a.size()));
                };
                yield times(local, s.x());
            }
            case Lin.Broadcast b -> {
                Shape a = b.x().shape(), s = b.shape();
                Expr local;
                if (a.isScalar()) local = Ex.ones(Shape.column(s.size()));
                else if (a.isColumn()) local = Ex.kron(Ex.ones(Shape.column(s.cols())), Ex.identity(a.rows()));
                else local = Ex.kron(Ex.identity(a.cols()), Ex.ones(Shape.column(s.rows())));
                yield times(local, b.x());
            }
            case Sliced c -> {
                Shape a = c.x().shape();
                if (a.isVector()) {
                    Expr j = of(c.x());
                    yield j == null ? null : Ex.slice(j, a.isColumn() ? c.rows() : c.cols(), new Range(Dim.ONE, n));
                }
                // vec(A[r, c]) = kron(eye(n)[c, :], eye(m)[r, :])*vec(A)
                Expr rows = Ex.slice(Ex.identity(a.rows()), c.rows(), new Range(Dim.ONE, a.rows()));
                Expr cols = Ex.slice(Ex.identity(a.cols()), c.cols(), new Range(Dim.ONE, a.cols()));
                yield times(Ex.kron(cols, rows), c.x());
            }
            case Concatenated c -> concatenated(c);
            case ToDiagonal d -> times(diagonalSelection(d.shape().rows()), d.v());
            case FromDiagonal d -> times(Ex.transpose(diagonalSelection(d.shape().rows())), d.m());
            case VecMap v -> times(v.m(), v.x());
            // the matrix is that of the map from operand 0
            case Written w -> jacobians[0] == null ? null : Ex.matmul(w.matrix(), jacobians[0]);
        };
    }

    /** A chain of diagonal maps is one: diag(vec(a ./ b))*J. */
    private Expr diagonal(Lin x) {
        Expr num = null, den = null;
        Lin at = x;
        while (true) {
            if (at instanceof Diagonal d) {
                num = num == null ? d.d() : Ex.hadamard(num, d.d());
                at = d.x();
            } else if (at instanceof DividedBy d) {
                den = den == null ? d.d() : Ex.hadamard(den, d.d());
                at = d.x();
            } else {
                break;
            }
        }
        Expr factor = den == null ? num : num == null ? Ex.power(den, -1) : Ex.divide(num, den);
        return times(Ex.diagMatrix(Ex.vec(factor)), at);
    }

    private Expr concatenated(Concatenated c) {
        Shape s = c.shape();
        boolean stacksVec = c.parts().stream().allMatch(p -> p.shape().isVector())
                && (c.axis() == Axis.VERTICAL ? s.isColumn() : s.isRow());
        // side by side, the vec forms stack; stacked vertically, each part's rows sit in every column
        if (stacksVec || c.axis() == Axis.HORIZONTAL) {
            List<Expr> parts = new ArrayList<>();
            boolean any = false;
            for (Lin p : c.parts()) {
                Expr j = of(p);
                any |= j != null;
                parts.add(zeroIfNull(j, p));
            }
            return any ? Ex.concat(Axis.VERTICAL, parts) : null;
        }
        List<Expr> terms = new ArrayList<>();
        Dim offset = Dim.of(0);
        for (Lin part : c.parts()) {
            Dim rows = part.shape().rows();
            Expr place = Ex.slice(Ex.identity(s.rows()), new Range(Dim.ONE, s.rows()),
                    new Range(offset.plus(Dim.ONE), offset.plus(rows)));
            Expr j = times(Ex.kron(Ex.identity(s.cols()), place), part);
            if (j != null) terms.add(j);
            offset = offset.plus(rows);
        }
        return terms.isEmpty() ? null : Ex.add(terms);
    }

    /** vec(a)', with a scaling or a division by a broadcast value kept outside. */
    private static Expr vecT(Expr a) {
        if (a instanceof Expr.Scale s) return Ex.scale(s.s(), vecT(s.a()));
        if (a instanceof Expr.Divide d && d.b() instanceof Expr.Broadcast b) {
            return Ex.divide(vecT(d.a()), Ex.broadcast(b.a(), Shape.row(a.shape().size())));
        }
        return Ex.transpose(Ex.vec(a));
    }

    /** S with vec(diag(v)) = S*v: diag(vec(eye(n)))*kron(ones(n, 1), eye(n)). */
    private static Expr diagonalSelection(Dim size) {
        return Ex.matmul(Ex.diagMatrix(Ex.vec(Ex.identity(size))), Ex.kron(Ex.ones(Shape.column(size)), Ex.identity(size)));
    }
}
