package chainrule.diff;

import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Axis;
import chainrule.expr.Expr.Range;
import chainrule.expr.Shape;
import java.util.List;

/**
 * The local linear map an operation induces, written as a linear expression in the tangents of
 * its operands ({@link Operand}): d(A*B) = dA*B + A*dB is
 * {@code Sum(RightMul(Operand(0), B), LeftMul(A, Operand(1)))}. Each operation's rule
 * ({@link Linearize}) builds one; {@link Transposer} applies its transpose to an adjoint
 * (reverse mode) and {@link Pushforward} applies the map itself to Jacobians (forward mode),
 * so the two modes cannot drift apart. A node used twice (the same object) is one shared
 * intermediate: its adjoint is the sum of what its users pass back.
 */
sealed interface Lin {

    Shape shape();

    /** The tangent of operand i of the operation. */
    record Operand(int index, Shape shape) implements Lin {}

    /** The sum of the terms; no terms is the zero map. */
    record Sum(List<Lin> terms, Shape shape) implements Lin {}

    record Negate(Lin x) implements Lin {
        public Shape shape() { return x.shape(); }
    }

    /** a*dx */
    record LeftMul(Expr a, Lin x) implements Lin {
        public Shape shape() { return new Shape(a.shape().rows(), x.shape().cols()); }
    }

    /** dx*b */
    record RightMul(Lin x, Expr b) implements Lin {
        public Shape shape() { return new Shape(x.shape().rows(), b.shape().cols()); }
    }

    /** s*dx for a 1 x 1 value s. */
    record Scaled(Expr s, Lin x) implements Lin {
        public Shape shape() { return x.shape(); }
    }

    /** ds*a for a 1 x 1 tangent ds. */
    record Outer(Lin ds, Expr a) implements Lin {
        public Shape shape() { return a.shape(); }
    }

    /** The 1 x 1 sum(a .* dx). */
    record Inner(Expr a, Lin x) implements Lin {
        public Shape shape() { return Shape.SCALAR; }
    }

    /** d .* dx, a diagonal map; dFirst says on which side of the adjoint d is written. */
    record Diagonal(Expr d, Lin x, boolean dFirst) implements Lin {
        public Shape shape() { return x.shape(); }
    }

    /** dx ./ d, the diagonal map with entries 1 ./ d. */
    record DividedBy(Lin x, Expr d) implements Lin {
        public Shape shape() { return x.shape(); }
    }

    record Transposed(Lin x) implements Lin {
        public Shape shape() { return x.shape().transpose(); }
    }

    /** The same entries, column-major, under another shape. */
    record Reshaped(Lin x, Shape shape) implements Lin {}

    /** A sum along an axis; its transpose is a broadcast. */
    record Summed(Axis axis, Lin x, Shape shape) implements Lin {}

    /** A broadcast; its transpose is a sum along the copied axes. */
    record Broadcast(Lin x, Shape shape) implements Lin {}

    /** A slice; its transpose embeds the adjoint into a zero matrix of the full shape. */
    record Sliced(Lin x, Range rows, Range cols, Shape shape) implements Lin {}

    /** A concatenation; its transpose hands each part its slice of the adjoint. */
    record Concatenated(Axis axis, List<Lin> parts, Shape shape) implements Lin {}

    /** diag(dv): a vector's tangent onto a diagonal. */
    record ToDiagonal(Lin v, Shape shape) implements Lin {}

    /** diag(dM): a square matrix's tangent's diagonal, as a column. */
    record FromDiagonal(Lin m, Shape shape) implements Lin {}

    /** A map given by its matrix on vec forms, vec(out) = m*vec(dx), and that matrix's transpose as it reads best. */
    record VecMap(Expr m, Expr mT, Lin x, Shape shape) implements Lin {}

    /**
     * One map written two ways: a structured form whose transpose reads as a textbook adjoint,
     * and the matrix of the same map on vec forms, which reads as a textbook Jacobian.
     */
    record Written(Lin structured, Expr matrix) implements Lin {
        public Shape shape() { return structured.shape(); }
    }

    static Lin zero(Shape shape) {
        return new Sum(List.of(), shape);
    }

    static Lin sum(Lin... terms) {
        return new Sum(List.of(terms), terms[0].shape());
    }

    static Dim size(Lin x) {
        return x.shape().size();
    }
}
