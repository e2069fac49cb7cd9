package chainrule.expr;

import java.util.List;

/**
 * The typed expression tree every stage after shape checking works on: each node knows its
 * shape, and holds it (a shape worked out from the operand's on each call walked a chain of
 * 2,000 nested tanh 2,000 deep; the constructors without a shape work it out once). Build nodes through {@link Ex}, whose smart constructors fold zeros and identities
 * and check shapes; the records themselves only hold data. A node with children compares and hashes
 * by structure through {@link Structure}, in time linear in its distinct nodes (a derivative shares
 * subtrees, and the records' own methods would walk them once per path).
 */
public sealed interface Expr {

    Shape shape();

    /** An input or a definition of the program, by name. */
    record Var(String name, Shape shape) implements Expr {}

    record Num(double value) implements Expr {
        public Shape shape() { return Shape.SCALAR; }
    }

    /** The size of a dimension as a number, e.g. n in mean(x) = sum(x)/n. */
    record Size(Dim dim) implements Expr {
        public Shape shape() { return Shape.SCALAR; }
    }

    record Zero(Shape shape) implements Expr {}

    record Identity(Dim n) implements Expr {
        public Shape shape() { return new Shape(n, n); }
    }

    record Ones(Shape shape) implements Expr {}

    /** The commutation matrix K(m, n): K*vec(A) = vec(A') for an m x n matrix A. */
    record Commutation(Dim m, Dim n) implements Expr {
        public Shape shape() {
            Dim size = m.times(n);
            return new Shape(size, size);
        }
    }

    /** Two or more terms of one shape (broadcasting is explicit, see {@link Broadcast}). */
    record Add(List<Expr> terms, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    record Neg(Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public Neg(Expr a) { this(a, a.shape()); }
    }

    record MatMul(Expr a, Expr b, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** A 1 x 1 value times anything. */
    record Scale(Expr s, Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public Scale(Expr s, Expr a) { this(s, a, a.shape()); }
    }

    record Hadamard(Expr a, Expr b, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public Hadamard(Expr a, Expr b) { this(a, b, a.shape()); }
    }

    /** Elementwise division of same-shaped operands. */
    record Divide(Expr a, Expr b, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public Divide(Expr a, Expr b) { this(a, b, a.shape()); }
    }

    /** Elementwise power by a number. */
    record Power(Expr a, double p, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public Power(Expr a, double p) { this(a, p, a.shape()); }
    }

    /** Elementwise power by a scalar expression ({@code x.^gamma}); a number exponent is a {@link Power}. */
    record PowerBy(Expr a, Expr p, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public PowerBy(Expr a, Expr p) { this(a, p, a.shape()); }
    }

    /** max(X) or min(X) over all entries, or per column (COLUMNS) or per row (ROWS), as MATLAB's max(X, [], k). */
    record Extremum(boolean max, Axis axis, Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    record Transpose(Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public Transpose(Expr a) { this(a, a.shape().transpose()); }
    }

    /** An elementwise function or one of its derivatives: order 1 is f', order 2 is f''. */
    record Apply(Fn fn, int order, Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public Apply(Fn fn, int order, Expr a) { this(fn, order, a, a.shape()); }
    }

    /** An opaque scalar-valued function ({@code fun loss : scalar}); order 1 is its gradient. */
    record OpaqueScalar(String name, int order, Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        public OpaqueScalar(String name, int order, Expr a) { this(name, order, a, order == 0 ? Shape.SCALAR : a.shape()); }
    }

    record Softmax(SoftKind kind, Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    record Reduce(Axis axis, Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** A scalar to any shape, a column to every column, a row to every row. */
    record Broadcast(Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    record MatFn(MatOp op, Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** diag(v): a vector to a diagonal matrix. */
    record DiagMatrix(Expr v, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** diag(A): a square matrix's diagonal as a column. */
    record DiagPart(Expr m, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    record Kron(Expr a, Expr b, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** The same entries in column-major order under another shape; vec(A) is one. */
    record Reshape(Expr a, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** Rows and columns from..to, 1-based and inclusive. */
    record Slice(Expr a, Range rows, Range cols, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    record Concat(Axis axis, List<Expr> parts, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** d(of)/d(wrt), not yet worked out (a claim's step, or a named intermediate). */
    record Derivative(Expr of, Var wrt, Shape shape) implements Expr {
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
    }

    /** A 1-based inclusive index range. */
    record Range(Dim from, Dim to) {
        public Dim length() {
            return to.minus(from).plus(Dim.ONE);
        }
    }

    enum Axis {
        /** sum over everything; concatenation: stacked vertically */
        ALL, COLUMNS, ROWS, VERTICAL, HORIZONTAL
    }

    enum SoftKind {
        SOFTMAX("softmax"), LOG_SOFTMAX("log_softmax"), LOGSUMEXP("logsumexp");

        public final String fname;

        SoftKind(String fname) {
            this.fname = fname;
        }
    }

    enum MatOp {
        NORM("norm"), TRACE("tr"), DET("det"), LOGDET("logdet"), INV("inv");

        public final String fname;

        MatOp(String fname) {
            this.fname = fname;
        }
    }
}
