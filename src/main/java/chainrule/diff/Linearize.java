package chainrule.diff;

import chainrule.diff.Lin.*;
import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Axis;
import chainrule.expr.Expr.MatOp;
import chainrule.expr.Expr.SoftKind;
import chainrule.expr.Shape;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Every operation's derivative, once: the local linear map from the tangents of its operands
 * (in the order of {@link chainrule.expr.Traverse#children}) to the tangent of its value.
 * Reverse and forward mode both read these; neither knows any operation.
 */
final class Linearize {
    private Linearize() {}

    /**
     * The form an expression is differentiated in, where that differs from how it reads:
     * log(softmax(z)) is log_softmax(z), whose derivative needs no division by softmax; also
     * log(P) for a name P defined as a softmax, unless P is a variable of the derivative (among
     * {@code variables}): d(L)/d(P) must reach P, not go past it to z.
     */
    static Expr differentiable(Expr e, Program program, java.util.Set<String> variables) {
        if (e instanceof Expr.Apply a && a.order() == 0 && a.fn() == Builtin.LOG) {
            Expr z = softmaxOf(a.a(), program, variables);
            if (z != null) return Ex.softmax(SoftKind.LOG_SOFTMAX, z);
        }
        return e;
    }

    private static Expr softmaxOf(Expr e, Program program, java.util.Set<String> variables) {
        if (e instanceof Expr.Softmax s && s.kind() == SoftKind.SOFTMAX) return s.a();
        if (e instanceof Expr.Var v && !variables.contains(v.name()) && program.byName().get(v.name()) instanceof Program.Definition d
                && d.body() instanceof Expr.Softmax s && s.kind() == SoftKind.SOFTMAX) {
            return s.a();
        }
        return null;
    }

    private static Lin op(Expr child, int i) {
        return new Operand(i, child.shape());
    }

    /** The linear map of e; a leaf (a name, a constant) has none: the drivers handle names. */
    static Lin of(Expr e) {
        Shape s = e.shape();
        return switch (e) {
            case Expr.Var v -> Lin.zero(s);
            case Expr.Num c -> Lin.zero(s);
            case Expr.Size c -> Lin.zero(s);
            case Expr.Zero c -> Lin.zero(s);
            case Expr.Identity c -> Lin.zero(s);
            case Expr.Ones c -> Lin.zero(s);
            case Expr.Commutation c -> Lin.zero(s);
            case Expr.Derivative d -> Lin.zero(s);
            case Expr.Add a -> {
                List<Lin> terms = new ArrayList<>();
                for (int i = 0; i < a.terms().size(); i++) terms.add(op(a.terms().get(i), i));
                yield new Sum(terms, s);
            }
            case Expr.Neg n -> new Negate(op(n.a(), 0));
            case Expr.MatMul m -> Lin.sum(new RightMul(op(m.a(), 0), m.b()), new LeftMul(m.a(), op(m.b(), 1)));
            case Expr.Scale c -> Lin.sum(new Outer(op(c.s(), 0), c.a()), new Scaled(c.s(), op(c.a(), 1)));
            case Expr.Hadamard h -> Lin.sum(new Diagonal(h.b(), op(h.a(), 0), false), new Diagonal(h.a(), op(h.b(), 1), false));
            case Expr.Divide d -> Lin.sum(new DividedBy(op(d.a(), 0), d.b()),
                    new Negate(new Diagonal(d.a(), new DividedBy(op(d.b(), 1), Ex.power(d.b(), 2)), false)));
            case Expr.Power p -> new Diagonal(Ex.scale(Ex.num(p.p()), Ex.power(p.a(), p.p() - 1)), op(p.a(), 0), false);
            // d(a.^p) = p*a.^(p - 1) .* da + a.^p .* log(a) dp
            case Expr.PowerBy p -> Lin.sum(
                    new Diagonal(Ex.scale(p.p(), Ex.powerBy(p.a(), Ex.sub(p.p(), Ex.num(1)))), op(p.a(), 0), false),
                    new Outer(op(p.p(), 1), Ex.hadamard(p, Ex.apply(Builtin.LOG, p.a()))));
            // max(X) moves with the entry that is largest: the sum, along its axis, of the indicator .* dX
            case Expr.Extremum x -> new Summed(x.axis(), new Diagonal(LanguageOps.indicator(x), op(x.a(), 0), false), s);
            case Expr.Transpose t -> new Transposed(op(t.a(), 0));
            case Expr.Apply a -> new Diagonal(Rules.elementwiseDerivative(a.fn(), a.order(), a.a()), op(a.a(), 0), false);
            case Expr.OpaqueScalar o -> {
                if (o.order() > 0) throw new Unsupported("the derivative of " + o.name() + "' (a Hessian) is not supported");
                yield new Inner(Ex.opaqueScalar(o.name(), 1, o.a()), op(o.a(), 0));
            }
            case Expr.Softmax m -> softmax(m);
            case Expr.Reduce r -> new Summed(r.axis(), op(r.a(), 0), s);
            case Expr.Broadcast b -> new Lin.Broadcast(op(b.a(), 0), s);
            case Expr.MatFn m -> {
                Expr a = m.a();
                Lin x = op(a, 0);
                yield switch (m.op()) {
                    case NORM -> new Inner(Ex.divide(a, Ex.broadcast(m, a.shape())), x);
                    case TRACE -> new Inner(Ex.identity(a.shape().rows()), x);
                    case DET -> new Inner(Ex.scale(m, Ex.transpose(Ex.matfn(MatOp.INV, a))), x);
                    case LOGDET -> new Inner(Ex.transpose(Ex.matfn(MatOp.INV, a)), x);
                    // d inv(A) = -inv(A)*dA*inv(A)
                    case INV -> new Negate(new LeftMul(m, new RightMul(x, m)));
                };
            }
            case Expr.DiagMatrix d -> new ToDiagonal(op(d.v(), 0), s);
            case Expr.DiagPart d -> new FromDiagonal(op(d.m(), 0), s);
            case Expr.Kron k -> kron(k);
            case Expr.Reshape r -> new Reshaped(op(r.a(), 0), s);
            case Expr.Slice c -> new Sliced(op(c.a(), 0), c.rows(), c.cols(), s);
            case Expr.Concat c -> {
                List<Lin> parts = new ArrayList<>();
                for (int i = 0; i < c.parts().size(); i++) parts.add(op(c.parts().get(i), i));
                yield new Concatenated(c.axis(), parts, s);
            }
        };
    }

    /**
     * softmax: dy = y .* (dz - sum(y .* dz)); log_softmax: dz - sum(y .* dz); logsumexp:
     * sum(y .* dz), each sum taken over the group softmax normalizes (a vector, or each column).
     * Forward mode reads the same maps as their Jacobians, diag(y) - y*y' and kin.
     */
    private static Lin softmax(Expr.Softmax m) {
        Expr z = m.a();
        Shape s = z.shape();
        Axis axis = Rules.softAxis(s);
        Expr y = Ex.softmax(SoftKind.SOFTMAX, z);
        Lin dz = new Operand(0, s);
        Shape group = Ex.reduce(axis, z).shape();
        Lin structured = switch (m.kind()) {
            case SOFTMAX -> {
                Lin weighted = new Diagonal(y, dz, true);
                yield Lin.sum(weighted, new Negate(new Diagonal(y, new Lin.Broadcast(new Summed(axis, weighted, group), s), false)));
            }
            case LOG_SOFTMAX -> Lin.sum(dz, new Negate(new Lin.Broadcast(new Summed(axis, new Diagonal(y, dz, true), group), s)));
            case LOGSUMEXP -> new Summed(axis, new Diagonal(y, dz, false), group);
        };
        return new Written(structured, softmaxJacobian(m.kind(), z));
    }

    private static Expr softmaxJacobian(SoftKind kind, Expr z) {
        if (Ex.columnwise(z.shape())) return columnwiseSoftmax(kind, z);
        Expr sm = Ex.vec(Ex.softmax(SoftKind.SOFTMAX, z));
        Dim p = z.shape().size();
        return switch (kind) {
            case SOFTMAX -> Ex.sub(Ex.diagMatrix(sm), Ex.matmul(sm, Ex.transpose(sm)));
            case LOG_SOFTMAX -> Ex.sub(Ex.identity(p), Ex.matmul(Ex.ones(Shape.column(p)), Ex.transpose(sm)));
            case LOGSUMEXP -> Ex.transpose(sm);
        };
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

    /**
     * With vec(kron(A, B)) = P*kron(vec(A), vec(B)) (Magnus and Neudecker):
     * vec(d kron(A, B)) = P*(kron(eye(mn), vec(B))*vec(dA) + kron(vec(A), eye(pq))*vec(dB)).
     */
    private static Lin kron(Expr.Kron k) {
        Expr a = k.a(), b = k.b();
        Expr p = Rules.kronPermutation(a.shape(), b.shape());
        Dim na = a.shape().size(), nb = b.shape().size();
        Shape stacked = Shape.column(na.times(nb));
        Expr left = Ex.kron(Ex.identity(na), Ex.vec(b));
        Expr right = Ex.kron(Ex.vec(a), Ex.identity(nb));
        Lin inner = Lin.sum(
                new VecMap(left, Ex.kron(Ex.identity(na), Ex.transpose(Ex.vec(b))), new Operand(0, a.shape()), stacked),
                new VecMap(right, Ex.kron(Ex.transpose(Ex.vec(a)), Ex.identity(nb)), new Operand(1, b.shape()), stacked));
        return new VecMap(p, Ex.transpose(p), inner, k.shape());
    }
}
