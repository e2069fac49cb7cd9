package chainrule.diff;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Forward accumulation: J(e) = d vec(e) / d vec(x) for every definition on the way from x to the
 * output, each worked out once. Vectors give textbook Jacobians (diag(relu'(z))*W); matrices the
 * kron forms of SPEC §2.
 */
final class Forward {
    private static final int SMALL = 7;
    private static final int INLINE_ONCE = 60;

    private final Program program;
    private final Var x;
    private final UnaryOperator<Expr> simplify;
    private final boolean nameEveryStep;
    private final Expander expander;
    private final Map<String, Expr> memo = new HashMap<>();
    private final Map<String, Integer> useCount = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Dim n;
    private final Dependence dependence;

    Forward(Program program, Var x, UnaryOperator<Expr> simplify, boolean nameEveryStep, Expander expander) {
        this.program = program;
        this.x = x;
        this.simplify = simplify;
        this.nameEveryStep = nameEveryStep;
        this.expander = expander;
        this.n = x.shape().size();
        this.dependence = new Dependence(program, Set.of(x.name()));
        for (Program.Definition d : program.definitions()) countUses(d.body());
    }

    private void countUses(Expr e) {
        if (e instanceof Var v) useCount.merge(v.name(), 1, Integer::sum);
        for (Expr c : Traverse.children(e)) countUses(c);
    }

    Derived run(Expr of) {
        Expr j = simplify.apply(jac(of));
        return new Derived(j, new StepGraph(steps));
    }

    private Expr zero(Expr e) {
        return Ex.zero(new Shape(e.shape().size(), n));
    }

    private static Expr vecT(Expr a) {
        return Ex.transpose(Ex.vec(a));
    }

    /** diag(vec(d)) * J, written d .* J when J is a column (a Jacobian with respect to a scalar). */
    private static Expr diagTimes(Expr d, Expr j) {
        return Ex.matmul(Ex.diagMatrix(Ex.vec(d)), j);
    }

    Expr jac(Expr e) {
        chainrule.source.Cancelled.check();
        if (!depends(e)) return zero(e);
        Shape s = e.shape();
        return switch (e) {
            case Var v -> {
                if (v.name().equals(x.name())) yield Ex.identity(n);
                yield definition(v);
            }
            case Num c -> zero(e);
            case Size c -> zero(e);
            case Zero c -> zero(e);
            case Identity c -> zero(e);
            case Ones c -> zero(e);
            case Commutation c -> zero(e);
            case Add a -> Ex.add(a.terms().stream().map(this::jac).toList());
            case Neg m -> Ex.neg(jac(m.a()));
            case MatMul m -> {
                Expr a = m.a(), b = m.b();
                Expr left = Ex.matmul(Ex.kron(Ex.transpose(b), Ex.identity(a.shape().rows())), jac(a));
                Expr right = Ex.matmul(Ex.kron(Ex.identity(b.shape().cols()), a), jac(b));
                yield Ex.add(left, right);
            }
            case Scale c -> Ex.add(Ex.matmul(Ex.vec(c.a()), jac(c.s())), Ex.scale(c.s(), jac(c.a())));
            case Hadamard h -> Ex.add(diagTimes(h.b(), jac(h.a())), diagTimes(h.a(), jac(h.b())));
            case Divide d -> Ex.sub(diagTimes(Ex.power(d.b(), -1), jac(d.a())),
                    diagTimes(Ex.divide(d.a(), Ex.power(d.b(), 2)), jac(d.b())));
            case Power p -> diagTimes(Ex.scale(Ex.num(p.p()), Ex.power(p.a(), p.p() - 1)), jac(p.a()));
            case Transpose t -> {
                if (t.a().shape().isVector()) yield jac(t.a());
                Shape a = t.a().shape();
                yield Ex.matmul(Ex.commutation(a.rows(), a.cols()), jac(t.a()));
            }
            case Apply a -> diagTimes(Rules.elementwiseDerivative(a.fn(), a.order(), a.a()), jac(a.a()));
            case OpaqueScalar o -> {
                if (o.order() > 0) throw new Unsupported("the Jacobian of " + o.name() + "' (a Hessian) is not supported");
                yield Ex.matmul(vecT(Ex.opaqueScalar(o.name(), 1, o.a())), jac(o.a()));
            }
            case Softmax m -> {
                Expr z = m.a();
                if (Ex.columnwise(z.shape())) yield Ex.matmul(columnwiseSoftmax(m.kind(), z), jac(z));
                Expr sm = Ex.vec(Ex.softmax(SoftKind.SOFTMAX, z));
                Dim p = z.shape().size();
                Expr local = switch (m.kind()) {
                    case SOFTMAX -> Ex.sub(Ex.diagMatrix(sm), Ex.matmul(sm, Ex.transpose(sm)));
                    case LOG_SOFTMAX -> Ex.sub(Ex.identity(p), Ex.matmul(Ex.ones(Shape.column(p)), Ex.transpose(sm)));
                    case LOGSUMEXP -> Ex.transpose(sm);
                };
                yield Ex.matmul(local, jac(z));
            }
            case Reduce r -> {
                Shape a = r.a().shape();
                Expr local = switch (r.axis()) {
                    case ALL -> Ex.ones(Shape.row(a.size()));
                    case ROWS -> Ex.kron(Ex.ones(Shape.row(a.cols())), Ex.identity(a.rows()));
                    default -> Ex.kron(Ex.identity(a.cols()), Ex.ones(Shape.row(a.rows())));
                };
                yield Ex.matmul(local, jac(r.a()));
            }
            case Broadcast b -> {
                Shape a = b.a().shape();
                Expr local;
                if (a.isScalar()) local = Ex.ones(Shape.column(s.size()));
                else if (a.isColumn()) local = Ex.kron(Ex.ones(Shape.column(s.cols())), Ex.identity(a.rows()));
                else local = Ex.kron(Ex.identity(a.cols()), Ex.ones(Shape.column(s.rows())));
                yield Ex.matmul(local, jac(b.a()));
            }
            case MatFn m -> {
                Expr a = m.a();
                Expr local = switch (m.op()) {
                    case NORM -> Ex.divide(vecT(a), Ex.broadcast(m, Shape.row(a.shape().size())));
                    case TRACE -> vecT(Ex.identity(a.shape().rows()));
                    case DET -> Ex.scale(m, vecT(Ex.transpose(Ex.matfn(MatOp.INV, a))));
                    case LOGDET -> vecT(Ex.transpose(Ex.matfn(MatOp.INV, a)));
                    case INV -> Ex.neg(Ex.kron(Ex.transpose(m), m));
                };
                yield Ex.matmul(local, jac(a));
            }
            case DiagMatrix d -> Ex.matmul(diagonalSelection(d.shape().rows()), jac(d.v()));
            case DiagPart d -> Ex.matmul(Ex.transpose(diagonalSelection(d.shape().rows())), jac(d.m()));
            case Kron k -> {
                // vec(kron(A, B)) = P*kron(vec(A), vec(B)) with P = kron(eye(n), kron(K(q, m), eye(p)))
                Expr a = k.a(), b = k.b();
                Expr p = Rules.kronPermutation(a.shape(), b.shape());
                Expr left = Ex.matmul(Ex.kron(Ex.identity(a.shape().size()), Ex.vec(b)), jac(a));
                Expr right = Ex.matmul(Ex.kron(Ex.vec(a), Ex.identity(b.shape().size())), jac(b));
                yield Ex.matmul(p, Ex.add(left, right));
            }
            case Reshape r -> jac(r.a());
            case Slice c -> {
                Shape a = c.a().shape();
                if (a.isVector()) {
                    Expr.Range r = a.isColumn() ? c.rows() : c.cols();
                    yield Ex.slice(jac(c.a()), r, new Expr.Range(Dim.ONE, n));
                }
                // vec(A[r, c]) = kron(eye(n)[c, :], eye(m)[r, :])*vec(A)
                Expr rows = Ex.slice(Ex.identity(a.rows()), c.rows(), new Expr.Range(Dim.ONE, a.rows()));
                Expr cols = Ex.slice(Ex.identity(a.cols()), c.cols(), new Expr.Range(Dim.ONE, a.cols()));
                yield Ex.matmul(Ex.kron(cols, rows), jac(c.a()));
            }
            case Concat c -> {
                boolean stacksVec = c.parts().stream().allMatch(p -> p.shape().isVector())
                        && (c.axis() == Axis.VERTICAL ? s.isColumn() : s.isRow());
                // side by side, the vec forms stack; stacked vertically, each part's rows sit in every column
                if (stacksVec || c.axis() == Axis.HORIZONTAL) yield Ex.concat(Axis.VERTICAL, c.parts().stream().map(this::jac).toList());
                List<Expr> terms = new ArrayList<>();
                Dim offset = Dim.of(0);
                for (Expr part : c.parts()) {
                    Dim rows = part.shape().rows();
                    Expr place = Ex.slice(Ex.identity(s.rows()), new Expr.Range(Dim.ONE, s.rows()),
                            new Expr.Range(offset.plus(Dim.ONE), offset.plus(rows)));
                    terms.add(Ex.matmul(Ex.kron(Ex.identity(s.cols()), place), jac(part)));
                    offset = offset.plus(rows);
                }
                yield Ex.add(terms);
            }
            case Derivative d -> jac(expander.expand(d));
        };
    }

    /** S with vec(diag(v)) = S*v: diag(vec(eye(n)))*kron(ones(n, 1), eye(n)). */
    private static Expr diagonalSelection(Dim size) {
        return Ex.matmul(Ex.diagMatrix(Ex.vec(Ex.identity(size))), Ex.kron(Ex.ones(Shape.column(size)), Ex.identity(size)));
    }

    /** The Jacobian of softmax (and kin) taken down each column of an m x B matrix: block diagonal. */
    private static Expr columnwiseSoftmax(SoftKind kind, Expr z) {
        Dim m = z.shape().rows(), b = z.shape().cols();
        Expr d = Ex.diagMatrix(Ex.vec(Ex.softmax(SoftKind.SOFTMAX, z)));
        Expr blocks = Ex.kron(Ex.identity(b), Ex.ones(new Shape(m, m)));
        return switch (kind) {
            case SOFTMAX -> Ex.sub(d, Ex.matmul(Ex.matmul(d, blocks), d));
            case LOG_SOFTMAX -> Ex.sub(Ex.identity(m.times(b)), Ex.matmul(blocks, d));
            case LOGSUMEXP -> Ex.matmul(Ex.kron(Ex.identity(b), Ex.ones(new Shape(Dim.ONE, m))), d);
        };
    }

    private Expr definition(Var v) {
        Expr done = memo.get(v.name());
        if (done != null) return done;
        Program.Definition d = program.byName().get(v.name());
        Expr j = simplify.apply(jac(d.body()));
        Expr ref = j;
        int size = Traverse.size(j);
        boolean name = nameEveryStep || (size > SMALL && (useCount.getOrDefault(v.name(), 0) > 1 || size > INLINE_ONCE));
        if (name && !Ex.isZero(j)) {
            Derivative step = Ex.derivative(v, x);
            steps.add(new Step(step, j));
            ref = step;
        }
        memo.put(v.name(), ref);
        return ref;
    }

    private boolean depends(Expr e) {
        return dependence.on(e);
    }
}
