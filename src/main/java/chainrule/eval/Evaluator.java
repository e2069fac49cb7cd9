package chainrule.eval;

import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Fn;
import chainrule.expr.Shape;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The value of a typed expression at given sizes and variable values. Results are memoized
 * by node identity, so a subtree shared by several parents is computed once. The matrices
 * returned (and those in {@code values}) are shared: callers must not modify them.
 */
public final class Evaluator {

    /** Told about the arguments of functions as they are evaluated (the sampler looks for kinks and domains). */
    public interface Watch {
        default void elementwise(Fn fn, int order, RealMatrix argument) {}

        /** The denominator of an elementwise division, or the base of a negative or fractional power. */
        default void pole(RealMatrix argument) {}

        default void matrixFunction(MatOp op, RealMatrix argument, RealMatrix result) {}

        /** The argument of max(X) or min(X): a tie for the largest entry is a kink. */
        default void extremum(boolean max, Axis axis, RealMatrix argument) {}

        default void value(Expr e, RealMatrix value) {}
    }

    private final Map<String, Long> sizes;
    private final Map<String, RealMatrix> values;
    private final Function<Derivative, Expr> expand;
    private final Watch watch;
    private final Map<Expr, RealMatrix> memo = new IdentityHashMap<>();
    private final Recycling recycling;

    public Evaluator(Map<String, Long> sizes, Map<String, RealMatrix> values, Function<Derivative, Expr> expand) {
        this(sizes, values, expand, null);
    }

    public Evaluator(Map<String, Long> sizes, Map<String, RealMatrix> values, Function<Derivative, Expr> expand, Watch watch) {
        this(sizes, values, expand, watch, null);
    }

    /** {@code recycling}: where the arrays of the values come from, for passes that repeat ({@link Recomputation}). */
    Evaluator(Map<String, Long> sizes, Map<String, RealMatrix> values, Function<Derivative, Expr> expand, Watch watch,
            Recycling recycling) {
        this.sizes = sizes;
        this.values = values;
        this.expand = expand;
        this.watch = watch;
        this.recycling = recycling;
    }

    public RealMatrix eval(Expr e) {
        // a variable is not memoized: the values map may be filled in as definitions are computed
        if (e instanceof Var v) return lookup(v);
        RealMatrix cached = memo.get(e);
        if (cached != null) return cached;
        chainrule.source.Cancelled.check();
        RealMatrix value = compute(e);
        if (watch != null) watch.value(e, value);
        memo.put(e, value);
        return value;
    }

    private RealMatrix lookup(Var v) {
        RealMatrix m = values.get(v.name());
        if (m == null) throw new IllegalStateException("no value for " + v.name());
        return m;
    }

    private int dim(Dim d) {
        return Math.toIntExact(d.evaluate(sizes));
    }

    private RealMatrix compute(Expr e) {
        return switch (e) {
            case Var v -> lookup(v);
            case Num n -> Matrices.scalar(n.value());
            case Size s -> Matrices.scalar(s.dim().evaluate(sizes));
            case Zero z -> Matrices.filled(dim(z.shape().rows()), dim(z.shape().cols()), 0);
            case Identity i -> identity(dim(i.n()));
            case Ones o -> Matrices.filled(dim(o.shape().rows()), dim(o.shape().cols()), 1);
            case Commutation k -> commutation(dim(k.m()), dim(k.n()));
            case Add a -> sum(a, a.terms());
            case Neg n -> Matrices.map(eval(n.a()), x -> -x, out(e));
            case MatMul m -> Matrices.multiply(eval(m.a()), eval(m.b()), out(e));
            case Scale s -> {
                double k = eval(s.s()).getEntry(0, 0);
                yield Matrices.map(eval(s.a()), x -> k * x, out(e));
            }
            case Hadamard h -> Matrices.zip(eval(h.a()), eval(h.b()), (x, y) -> x * y, out(e));
            case Divide d -> {
                RealMatrix num = eval(d.a()), den = pole(eval(d.b()));
                yield ShiftedQuotient.repair(this, d, num, den, Matrices.zip(num, den, (x, y) -> x / y, out(e)));
            }
            case Power p -> Matrices.map(p.p() < 0 || p.p() != Math.rint(p.p()) ? pole(eval(p.a())) : eval(p.a()),
                    x -> Math.pow(x, p.p()), out(e));
            case PowerBy p -> {
                double q = eval(p.p()).getEntry(0, 0);
                yield Matrices.map(q < 0 || q != Math.rint(q) ? pole(eval(p.a())) : eval(p.a()), x -> Math.pow(x, q), out(e));
            }
            case Extremum x -> {
                RealMatrix a = eval(x.a());
                if (watch != null) watch.extremum(x.max(), x.axis(), a);
                yield Extrema.apply(x.max(), x.axis(), a);
            }
            case Transpose t -> Matrices.transpose(eval(t.a()), out(e));
            case Apply a -> apply(a);
            case OpaqueScalar o -> opaqueScalar(o);
            case Softmax s -> SoftmaxKernel.apply(s.kind(), s.a().shape(), eval(s.a()));
            case Reduce r -> reduce(r.axis(), eval(r.a()));
            case Broadcast b -> broadcast(eval(b.a()), dim(b.shape().rows()), dim(b.shape().cols()), out(e));
            case MatFn m -> matFn(m);
            case DiagMatrix d -> diagMatrix(eval(d.v()));
            case DiagPart d -> diagPart(eval(d.m()));
            case Kron k -> kron(eval(k.a()), eval(k.b()));
            case Reshape r -> Matrices.reshape(eval(r.a()), dim(r.shape().rows()), dim(r.shape().cols()));
            case Slice s -> slice(eval(s.a()), s.rows(), s.cols());
            case Concat c -> concat(c.axis(), c.parts());
            case Derivative d -> derivative(d);
        };
    }

    private static RealMatrix identity(int n) {
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) m.setEntry(i, i, 1);
        return m;
    }

    private RealMatrix sum(Expr e, List<Expr> terms) {
        RealMatrix total = eval(terms.get(0));
        if (terms.size() == 1) return total;
        double[][] out = out(e);
        for (int i = 1; i < terms.size(); i++) total = Matrices.zip(total, eval(terms.get(i)), Double::sum, out);
        return total;
    }

    /**
     * The array a node's value is written into: where the evaluator recycles, the one the node had
     * in the previous pass; else null (a new one).
     */
    private double[][] out(Expr e) {
        return recycling == null ? null : recycling.array(e, dims(e.shape()));
    }

    private RealMatrix pole(RealMatrix x) {
        if (watch != null) watch.pole(x);
        return x;
    }

    private RealMatrix apply(Apply a) {
        if (a.order() == 0 && a.fn() == chainrule.expr.Builtin.LOG) {
            RealMatrix stable = logSoftmax(a.a());
            if (stable != null) return stable;
        }
        RealMatrix x = eval(a.a());
        if (watch != null) watch.elementwise(a.fn(), a.order(), x);
        Fn fn = a.fn();
        int order = a.order();
        if (!(fn instanceof chainrule.expr.Builtin b)) return Matrices.map(x, v -> fn.at(order, v), out(a));
        // a loop of its own, without a call through an interface per entry: the passes of a large check are loops like this one
        int r = x.getRowDimension(), c = x.getColumnDimension();
        double[][] in = Matrices.rowsOf(x), values = Matrices.fit(out(a), r, c);
        for (int i = 0; i < r; i++) {
            double[] from = in[i], to = values[i];
            for (int j = 0; j < c; j++) to[j] = b.at(order, from[j]);
        }
        return new Array2DRowRealMatrix(values, false);
    }

    /**
     * log(softmax(z)) as log_softmax(z), as the derivative takes it (also through a name defined
     * as a softmax, and a row-wise softmax's transposes): an entry far below the group's largest
     * has a softmax that is subnormal or 0, whose log has lost its digits or is -Inf, so finite
     * differences of a cross-entropy over a saturated softmax would measure only rounding.
     * Null where the argument is no softmax.
     */
    private RealMatrix logSoftmax(Expr e) {
        if (e instanceof Softmax s && s.kind() == SoftKind.SOFTMAX) {
            return SoftmaxKernel.apply(SoftKind.LOG_SOFTMAX, s.a().shape(), eval(s.a()));
        }
        if (e instanceof Transpose t) {
            RealMatrix inner = logSoftmax(t.a());
            return inner == null ? null : Matrices.transpose(inner);
        }
        return e instanceof Var v ? values.get(logOf(v.name())) : null;
    }

    /** Where a values map keeps log(X) of a name X defined as a softmax (no name of a file holds a space). */
    static String logOf(String name) {
        return "log " + name;
    }

    /** A definition's value written into {@code values}, and for a softmax its log too, computed as log_softmax. */
    void define(chainrule.shape.Program.Definition d, Map<String, RealMatrix> values) {
        define(d, values, true);
    }

    /** As above; without {@code log}, where nothing evaluated reads a log, no log_softmax is kept. */
    void define(chainrule.shape.Program.Definition d, Map<String, RealMatrix> values, boolean log) {
        values.put(d.name(), eval(d.body()));
        RealMatrix logValue = log ? logSoftmax(d.body()) : null;
        if (logValue != null) values.put(logOf(d.name()), logValue);
    }

    private RealMatrix opaqueScalar(OpaqueScalar o) {
        SmoothScalarFunction f = new SmoothScalarFunction(o.name());
        RealMatrix x = eval(o.a());
        return switch (o.order()) {
            case 0 -> Matrices.scalar(f.value(x));
            case 1 -> f.gradient(x);
            default -> throw new IllegalStateException(
                    "the " + o.order() + "-th derivative of the opaque scalar function " + o.name() + " has no value");
        };
    }

    static RealMatrix reduce(Axis axis, RealMatrix x) {
        int r = x.getRowDimension(), c = x.getColumnDimension();
        return switch (axis) {
            case ALL -> Matrices.scalar(sumAll(x));
            case COLUMNS -> Matrices.multiply(Matrices.filled(1, r, 1), x);
            case ROWS -> Matrices.multiply(x, Matrices.filled(c, 1, 1));
            case VERTICAL, HORIZONTAL -> throw new IllegalStateException("internal: reduce over " + axis);
        };
    }

    /**
     * The sum of the entries, compensated (Neumaier): a plain sum of 16 million entries is off by
     * far more than the few units in the last place that finite differences allow a value (a right
     * answer over a 4096 x 4096 variable was checked at 0.7 of its allowance).
     */
    static double sumAll(RealMatrix x) {
        double s = 0, c = 0;
        for (double[] row : Matrices.rowsOf(x)) {
            for (double v : row) {
                double t = s + v;
                c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
                s = t;
            }
        }
        return Double.isFinite(s) ? s + c : s;
    }

    static RealMatrix broadcast(RealMatrix a, int rows, int cols, double[][] out) {
        int r = a.getRowDimension(), c = a.getColumnDimension();
        if (!((r == 1 || r == rows) && (c == 1 || c == cols))) {
            throw new IllegalStateException("internal: broadcast " + r + " x " + c + " to " + rows + " x " + cols);
        }
        double[][] in = Matrices.rowsOf(a);
        out = Matrices.fit(out, rows, cols);
        for (int i = 0; i < rows; i++) {
            double[] from = in[r == 1 ? 0 : i], to = out[i];
            if (c == 1) java.util.Arrays.fill(to, from[0]);
            else System.arraycopy(from, 0, to, 0, cols);
        }
        return new Array2DRowRealMatrix(out, false);
    }

    private RealMatrix matFn(MatFn m) {
        RealMatrix x = eval(m.a());
        RealMatrix result = MatrixFunctions.apply(m.op(), x);
        if (watch != null) watch.matrixFunction(m.op(), x, result);
        return result;
    }

    private static RealMatrix diagMatrix(RealMatrix v) {
        double[] d = Matrices.vec(v);
        RealMatrix m = new Array2DRowRealMatrix(d.length, d.length);
        for (int i = 0; i < d.length; i++) m.setEntry(i, i, d[i]);
        return m;
    }

    private static RealMatrix diagPart(RealMatrix m) {
        int n = Math.min(m.getRowDimension(), m.getColumnDimension());
        RealMatrix out = new Array2DRowRealMatrix(n, 1);
        for (int i = 0; i < n; i++) out.setEntry(i, 0, m.getEntry(i, i));
        return out;
    }

    private static RealMatrix kron(RealMatrix a, RealMatrix b) {
        int ar = a.getRowDimension(), ac = a.getColumnDimension(), br = b.getRowDimension(), bc = b.getColumnDimension();
        double[][] out = new double[ar * br][ac * bc];
        for (int i = 0; i < ar; i++) {
            for (int j = 0; j < ac; j++) {
                double s = a.getEntry(i, j);
                for (int k = 0; k < br; k++) for (int l = 0; l < bc; l++) out[i * br + k][j * bc + l] = s * b.getEntry(k, l);
            }
        }
        return new Array2DRowRealMatrix(out, false);
    }

    private RealMatrix slice(RealMatrix a, Range rows, Range cols) {
        int r0 = dim(rows.from()) - 1, r1 = dim(rows.to()) - 1, c0 = dim(cols.from()) - 1, c1 = dim(cols.to()) - 1;
        return a.getSubMatrix(r0, r1, c0, c1);
    }

    private RealMatrix concat(Axis axis, List<Expr> parts) {
        List<RealMatrix> ms = parts.stream().map(this::eval).toList();
        boolean vertical = switch (axis) {
            case VERTICAL -> true;
            case HORIZONTAL -> false;
            case ALL, COLUMNS, ROWS -> throw new IllegalStateException("internal: concatenation along " + axis);
        };
        int rows = vertical ? ms.stream().mapToInt(RealMatrix::getRowDimension).sum() : ms.get(0).getRowDimension();
        int cols = vertical ? ms.get(0).getColumnDimension() : ms.stream().mapToInt(RealMatrix::getColumnDimension).sum();
        RealMatrix out = new Array2DRowRealMatrix(rows, cols);
        int at = 0;
        for (RealMatrix m : ms) {
            out.setSubMatrix(m.getData(), vertical ? at : 0, vertical ? 0 : at);
            at += vertical ? m.getRowDimension() : m.getColumnDimension();
        }
        return out;
    }

    private RealMatrix derivative(Derivative d) {
        if (expand == null) {
            throw new IllegalStateException("d(" + d.of() + ")/d(" + d.wrt().name() + ") cannot be evaluated without expanding it");
        }
        return eval(expand.apply(d));
    }

    /** K with K*vec(A) = vec(A') for an m x n matrix A: entry (j + n*i, i + m*j) is 1. */
    static RealMatrix commutation(int m, int n) {
        RealMatrix k = new Array2DRowRealMatrix(m * n, m * n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) k.setEntry(j + n * i, i + m * j, 1);
        }
        return k;
    }

    /** The rows and columns of a shape under these sizes. */
    public int[] dims(Shape s) {
        return new int[] {dim(s.rows()), dim(s.cols())};
    }
}
