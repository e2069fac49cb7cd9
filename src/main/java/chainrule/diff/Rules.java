package chainrule.diff;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Fn;
import chainrule.expr.Builtin;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.List;

/** Pieces the derivative rules share: an elementwise function's derivative, adjoints of sums, slices and concatenations. */
final class Rules {
    private Rules() {}

    /** f'(a) as a textbook writes it: sign(x) for abs', cos for sin', f'(a) otherwise. */
    static Expr elementwiseDerivative(Fn fn, int order, Expr a) {
        // past the first derivative a kinked function is flat (relu'' = 0 wherever it is defined)
        if (order >= 1 && fn.kinked()) return Ex.zero(a.shape());
        if (order == 0 && fn instanceof Builtin b) {
            var closed = b.closedDerivative(a);
            if (closed.isPresent()) return closed.get();
        }
        return Ex.applyD(fn, order + 1, a);
    }

    /**
     * P with vec(kron(A, B)) = P*kron(vec(A), vec(B)) for A m x n and B p x q:
     * kron(eye(n), kron(K(q, m), eye(p))) (Magnus and Neudecker).
     */
    static Expr kronPermutation(Shape a, Shape b) {
        return Ex.kron(Ex.identity(a.cols()), Ex.kron(Ex.commutation(b.cols(), a.rows()), Ex.identity(b.rows())));
    }

    /** The axis softmax and friends work over: everything for a vector, each column of a matrix. */
    static Axis softAxis(Shape s) {
        return Ex.columnwise(s) ? Axis.COLUMNS : Axis.ALL;
    }

    /** <g, a>: g'*a for columns, g*a' for rows, sum(g .* a) for matrices. */
    static Expr inner(Expr g, Expr a) {
        Shape s = a.shape();
        if (s.isScalar()) return Ex.matmul(g, a);
        if (s.isColumn()) return Ex.matmul(Ex.transpose(g), a);
        if (s.isRow()) return Ex.matmul(g, Ex.transpose(a));
        return Ex.reduce(Axis.ALL, Ex.hadamard(g, a));
    }

    /** The adjoint of a broadcast: the sum over the axes it copied along. */
    static Expr unbroadcast(Expr g, Shape small) {
        Shape big = g.shape();
        if (small.equals(big)) return g;
        if (small.isScalar()) return Ex.reduce(Axis.ALL, g);
        if (small.isColumn()) return Ex.reduce(Axis.ROWS, g);
        return Ex.reduce(Axis.COLUMNS, g);
    }

    /** g placed at rows/cols of a zero matrix of the given shape (the adjoint of a slice). */
    static Expr embed(Expr g, Range rows, Range cols, Shape full) {
        Dim one = Dim.ONE;
        Expr middle = pad(g, cols.from().minus(one), full.cols().minus(cols.to()), Axis.HORIZONTAL);
        return pad(middle, rows.from().minus(one), full.rows().minus(rows.to()), Axis.VERTICAL);
    }

    private static Expr pad(Expr g, Dim before, Dim after, Axis axis) {
        List<Expr> parts = new ArrayList<>();
        Shape s = g.shape();
        if (!before.equals(Dim.of(0))) parts.add(Ex.zero(axis == Axis.VERTICAL ? new Shape(before, s.cols()) : new Shape(s.rows(), before)));
        parts.add(g);
        if (!after.equals(Dim.of(0))) parts.add(Ex.zero(axis == Axis.VERTICAL ? new Shape(after, s.cols()) : new Shape(s.rows(), after)));
        return Ex.concat(axis, parts);
    }

    /** Part i of a concatenation of parts of these shapes, as a slice of the whole. */
    static Expr part(Expr whole, Axis axis, List<Shape> parts, int i) {
        Dim offset = Dim.of(0);
        for (int k = 0; k < i; k++) {
            Shape s = parts.get(k);
            offset = offset.plus(axis == Axis.VERTICAL ? s.rows() : s.cols());
        }
        Shape p = parts.get(i);
        Shape w = whole.shape();
        Dim one = Dim.ONE;
        if (axis == Axis.VERTICAL) {
            return Ex.slice(whole, new Range(offset.plus(one), offset.plus(p.rows())), new Range(one, w.cols()));
        }
        return Ex.slice(whole, new Range(one, w.rows()), new Range(offset.plus(one), offset.plus(p.cols())));
    }
}
