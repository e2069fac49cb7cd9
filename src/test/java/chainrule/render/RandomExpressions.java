package chainrule.render;

import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Fn;
import chainrule.expr.Shape;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random well-typed expressions over {@link #PROGRAM}'s names, of every node kind: sums,
 * products, scalings by numbers and symbolic counts, elementwise products and divisions,
 * powers, transposes, functions and their derivatives, softmax and its family, reductions,
 * broadcasts, matrix functions, diag both ways, kron, vec and reshape, slices, nested
 * concatenations and derivative terms. Built top-down to a wanted shape; about half the nodes
 * are built through {@link Ex}'s smart constructors, the rest as raw records (the simplifier
 * builds some that way too).
 */
final class RandomExpressions {
    static final String PROGRAM = """
            s, t : scalar
            c : scalar positive
            u, v : m
            w : n
            q : 1 x m
            r : 1 x n
            A, B : m x n
            C : n x m
            S, T : m x m
            U : n x n
            fun g : elementwise
            fun loss : scalar
            f = sum(tanh(A)) + s*s
            h = tanh(S*u)
            derive f wrt A
            """;

    private static final Dim M = Dim.symbol("m"), N = Dim.symbol("n"), ONE = Dim.ONE, TWO = Dim.of(2);
    private static final List<Dim> BASE = List.of(ONE, TWO, M, N);

    private final Random r;
    private final Program p;
    private final List<Var> vars = new ArrayList<>();

    RandomExpressions(Program p, Random r) {
        this.p = p;
        this.r = r;
        for (var in : p.inputs().values()) vars.add(Ex.var(in.name(), in.shape()));
        for (var d : p.definitions()) vars.add(d.var());
    }

    /** A random expression of a random simple shape. */
    Expr any(int depth) {
        return of(new Shape(pick(BASE), pick(BASE)), depth);
    }

    /** A random expression of shape s, at most depth nodes deep. */
    Expr of(Shape s, int depth) {
        if (depth <= 0) return leaf(s);
        List<Supplier<Expr>> ways = new ArrayList<>();
        int d = depth - 1;
        ways.add(() -> leaf(s));
        ways.add(() -> sum(s, d));
        ways.add(() -> Ex.neg(of(s, d)));
        ways.add(() -> new Neg(of(s, d)));
        ways.add(() -> scale(of(s, d), d));
        ways.add(() -> new MatMulLike(s, d).build());
        ways.add(() -> hadamard(s, d));
        ways.add(() -> divide(s, d));
        ways.add(() -> power(of(s, d)));
        ways.add(() -> transpose(of(s.transpose(), d)));
        ways.add(() -> apply(of(s, d)));
        ways.add(() -> softmax(s, d));
        ways.add(() -> broadcast(s, d));
        ways.add(() -> slice(s, d));
        ways.add(() -> concat(s, d));
        if (s.isScalar()) {
            ways.add(() -> reduce(Axis.ALL, any(d)));
            ways.add(() -> matfn(pick(List.of(MatOp.NORM, MatOp.TRACE, MatOp.DET, MatOp.LOGDET)), d));
            ways.add(() -> new OpaqueScalar("loss", 0, any(d)));
            ways.add(() -> size());
        }
        if (s.isRow() && !s.isScalar()) ways.add(() -> reduce(Axis.COLUMNS, of(new Shape(pick(List.of(TWO, M, N)), s.cols()), d)));
        if (s.isColumn() && !s.isScalar()) {
            ways.add(() -> reduce(Axis.ROWS, of(new Shape(s.rows(), pick(List.of(TWO, M, N))), d)));
            ways.add(() -> diagPart(of(new Shape(s.rows(), s.rows()), d)));
            ways.add(() -> vec(s, d));
        }
        if (s.rows().equals(s.cols()) && !s.isScalar()) {
            ways.add(() -> Ex.matfn(MatOp.INV, of(s, d)));
            ways.add(() -> diagMatrix(s, d));
        }
        if (!s.isScalar()) ways.add(() -> reshape(s, d));
        ways.add(() -> kron(s, d));
        return pick(ways).get();
    }

    private <T> T pick(List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    private Expr leaf(Shape s) {
        List<Supplier<Expr>> ways = new ArrayList<>();
        for (Var v : vars) if (v.shape().equals(s)) ways.add(() -> v);
        if (s.isScalar()) {
            ways.add(() -> Ex.num(pick(List.of(2.0, 3.0, 0.5, 0.25, -1.0, -2.0, 1.5, 1e-5, 1.0 / 3))));
            ways.add(this::size);
        } else {
            ways.add(() -> Ex.ones(s));
            ways.add(() -> new Ones(s));
            if (r.nextInt(4) == 0) ways.add(() -> Ex.zero(s));
            ways.add(() -> new Broadcast(leaf(Shape.SCALAR), s));
        }
        if (s.rows().equals(s.cols()) && !s.isScalar()) ways.add(() -> Ex.identity(s.rows()));
        Expr d = derivativeTerm(s);
        if (d != null) ways.add(() -> d);
        return pick(ways).get();
    }

    /** A count: m, n, 3*m, m*n, n+1, as mean and var write them. */
    private Expr size() {
        return new Size(pick(List.of(M, N, M.times(Dim.of(3)), M.times(N), N.plus(ONE), M.plus(N))));
    }

    private Expr derivativeTerm(Shape s) {
        Var f = p.byName().get("f").var(), h = p.byName().get("h").var();
        Var a = Ex.var("A", p.shapeOf("A")), sv = Ex.var("s", Shape.SCALAR), u = Ex.var("u", p.shapeOf("u"));
        if (s.equals(a.shape())) return Ex.derivative(f, a);
        if (s.isScalar()) return Ex.derivative(f, sv);
        if (s.equals(new Shape(M, M))) return Ex.derivative(h, u);
        return null;
    }

    private Expr sum(Shape s, int d) {
        int n = 2 + r.nextInt(3);
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr t = r.nextInt(3) == 0 ? broadcastable(s, d) : of(s, d);
            terms.add(r.nextInt(4) == 0 ? new Neg(t) : t);
        }
        return r.nextBoolean() ? Ex.add(terms) : new Add(terms, s);
    }

    /** An operand of shape s that may be a broadcast (of a scalar, a column or a row). */
    private Expr broadcastable(Shape s, int d) {
        List<Shape> smaller = new ArrayList<>(List.of(Shape.SCALAR));
        if (!s.cols().isOne()) smaller.add(new Shape(s.rows(), ONE));
        if (!s.rows().isOne()) smaller.add(new Shape(ONE, s.cols()));
        Shape from = pick(smaller);
        Expr x = of(from, d);
        return from.equals(s) ? x : r.nextBoolean() ? Ex.broadcast(x, s) : new Broadcast(x, s);
    }

    private Expr scale(Expr a, int d) {
        Expr s = r.nextInt(3) == 0 ? new Divide(Ex.num(1), of(Shape.SCALAR, d)) : of(Shape.SCALAR, d);
        return r.nextBoolean() ? Ex.scale(s, a) : new Scale(s, a);
    }

    /** A matrix product through an inner dimension. */
    private final class MatMulLike {
        final Shape s;
        final int d;

        MatMulLike(Shape s, int d) {
            this.s = s;
            this.d = d;
        }

        Expr build() {
            Dim k = pick(BASE);
            Expr a = of(new Shape(s.rows(), k), d), b = of(new Shape(k, s.cols()), d);
            if (a.shape().isScalar() || b.shape().isScalar()) return Ex.matmul(a, b);
            return r.nextBoolean() ? Ex.matmul(a, b) : new MatMul(a, b, s);
        }
    }

    private Expr hadamard(Shape s, int d) {
        Expr a = r.nextInt(3) == 0 ? broadcastable(s, d) : of(s, d);
        Expr b = r.nextInt(3) == 0 ? broadcastable(s, d) : of(s, d);
        return r.nextBoolean() ? Ex.hadamard(a, b) : new Hadamard(a, b);
    }

    private Expr divide(Shape s, int d) {
        Expr a = r.nextInt(3) == 0 ? broadcastable(s, d) : of(s, d);
        Expr b = r.nextInt(2) == 0 ? broadcastable(s, d) : of(s, d);
        return r.nextBoolean() ? Ex.divide(a, b) : new Divide(a, b);
    }

    private Expr power(Expr a) {
        double p = pick(List.of(2.0, 3.0, -1.0, 0.5, -2.0));
        return r.nextBoolean() ? Ex.power(a, p) : new Power(a, p);
    }

    private Expr transpose(Expr a) {
        return r.nextBoolean() || a.shape().isScalar() ? Ex.transpose(a) : new Transpose(a);
    }

    private Expr apply(Expr a) {
        List<Fn> fns = new ArrayList<>(List.of(Builtin.values()));
        fns.add(new Fn.Opaque("g"));
        return Ex.applyD(pick(fns), r.nextInt(3), a);
    }

    private Expr softmax(Shape s, int d) {
        SoftKind k = pick(List.of(SoftKind.values()));
        if (k != SoftKind.LOGSUMEXP) return Ex.softmax(k, of(s, d));
        if (s.isScalar()) {
            Shape from = pick(List.of(new Shape(pick(BASE), ONE), new Shape(ONE, pick(BASE))));
            return Ex.softmax(k, of(from, d));
        }
        // not m x n: the evaluator still takes a k x n matrix drawn with k = 1 for a row (issue 8)
        if (s.isRow()) return Ex.softmax(k, of(new Shape(TWO, s.cols()), d));
        return leaf(s);
    }

    private Expr broadcast(Shape s, int d) {
        Expr b = broadcastable(s, d);
        return b;
    }

    private Expr reduce(Axis axis, Expr a) {
        return r.nextBoolean() ? Ex.reduce(axis, a) : new Reduce(axis, a, switch (axis) {
            case COLUMNS -> new Shape(ONE, a.shape().cols());
            case ROWS -> new Shape(a.shape().rows(), ONE);
            case ALL, VERTICAL, HORIZONTAL -> Shape.SCALAR;
        });
    }

    private Expr matfn(MatOp op, int d) {
        Dim n = pick(BASE);
        return Ex.matfn(op, of(new Shape(n, n), d));
    }

    private Expr diagPart(Expr a) {
        return Ex.diagPart(a);
    }

    private Expr diagMatrix(Shape s, int d) {
        Shape v = r.nextBoolean() ? new Shape(s.rows(), ONE) : new Shape(ONE, s.rows());
        return Ex.diagMatrix(of(v, d));
    }

    /** vec of a matrix whose size is the column's length, where it factors. */
    private Expr vec(Shape s, int d) {
        List<Shape> from = factors(s.rows());
        Shape f = pick(from);
        return Ex.vec(of(f, d));
    }

    /** a x b with a*b = n: 1 x n, n x 1, and the symbols of a product split. */
    private static List<Shape> factors(Dim n) {
        List<Shape> out = new ArrayList<>(List.of(new Shape(ONE, n), new Shape(n, ONE)));
        if (n.terms().size() == 1) {
            var t = n.terms().entrySet().iterator().next();
            List<String> syms = t.getKey();
            long c = t.getValue();
            if (syms.size() == 2 && c == 1) {
                out.add(new Shape(Dim.symbol(syms.get(0)), Dim.symbol(syms.get(1))));
                out.add(new Shape(Dim.symbol(syms.get(1)), Dim.symbol(syms.get(0))));
            }
            if (syms.size() == 1 && c > 1) out.add(new Shape(Dim.of(c), Dim.symbol(syms.get(0))));
            if (syms.isEmpty() && c == 4) out.add(new Shape(TWO, TWO));
        }
        return out;
    }

    private Expr reshape(Shape s, int d) {
        Expr a = of(s.transpose(), d);
        return Ex.reshape(a, s);
    }

    private Expr kron(Shape s, int d) {
        Shape a = pick(factors(s.rows())), b = pick(factors(s.cols()));
        // rows = a.rows*a.cols split as (a.rows of the first, a.cols of the second)
        Expr x = of(new Shape(a.rows(), b.rows()), d), y = of(new Shape(a.cols(), b.cols()), d);
        return Ex.kron(x, y);
    }

    /** A slice of something larger: extra rows or columns before or after. */
    private Expr slice(Shape s, int d) {
        Dim extra = pick(List.of(ONE, TWO, M));
        boolean rows = r.nextBoolean(), before = r.nextBoolean();
        Shape big = rows ? new Shape(s.rows().plus(extra), s.cols()) : new Shape(s.rows(), s.cols().plus(extra));
        Expr a = of(big, d);
        Dim n = rows ? s.rows() : s.cols();
        Range part = before ? new Range(extra.plus(ONE), extra.plus(n)) : new Range(ONE, n);
        Range all = new Range(ONE, rows ? s.cols() : s.rows());
        return Ex.slice(a, rows ? part : all, rows ? all : part);
    }

    /** A concatenation, where a dimension of s splits into two (a sum, or a number from 2); parts may nest. */
    private Expr concat(Shape s, int d) {
        List<Dim[]> rowSplits = splits(s.rows()), colSplits = splits(s.cols());
        if (rowSplits.isEmpty() && colSplits.isEmpty()) return slice(s, d);
        boolean vertical = colSplits.isEmpty() || (!rowSplits.isEmpty() && r.nextBoolean());
        Dim[] parts = vertical ? pick(rowSplits) : pick(colSplits);
        List<Expr> xs = new ArrayList<>();
        for (Dim p : parts) xs.add(of(vertical ? new Shape(p, s.cols()) : new Shape(s.rows(), p), d));
        return Ex.concat(vertical ? Axis.VERTICAL : Axis.HORIZONTAL, xs);
    }

    /** Ways to write n as a sum of two positive dimensions. */
    private static List<Dim[]> splits(Dim n) {
        List<Dim[]> out = new ArrayList<>();
        if (n.isConstant() && n.constant() >= 2) out.add(new Dim[] {ONE, Dim.of(n.constant() - 1)});
        if (n.terms().size() >= 2) {
            for (var t : n.terms().entrySet()) {
                if (t.getValue() <= 0) return List.of();
            }
            var first = n.terms().entrySet().iterator().next();
            Dim a = new Dim(java.util.Map.of(first.getKey(), first.getValue()));
            out.add(new Dim[] {a, n.minus(a)});
        }
        return out;
    }
}
