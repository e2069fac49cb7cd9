package chainrule.shape;

import chainrule.expr.Functions;
import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Fn;
import chainrule.expr.Shape;
import chainrule.parse.Ast;
import chainrule.parse.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds the typed tree from a shape-checked expression: broadcasts become explicit, '*' a product or a scaling. */
final class Lowering {
    private final Inference inf;
    private final Scope scope;
    private final Function<String, Shape> finalShape;

    Lowering(Inference inf, Scope scope, Function<String, Shape> finalShape) {
        this.inf = inf;
        this.scope = scope;
        this.finalShape = finalShape;
    }

    Expr lower(Ast a) {
        Shape s = inf.shapes.containsKey(a) ? inf.shape(a) : null;
        return switch (a) {
            case Ast.Number n -> Ex.num(n.value());
            case Ast.Name n -> switch (scope.lookup(n)) {
                case Scope.Meaning.Value v -> Ex.var(v.name(), finalShape.apply(v.name()));
                case Scope.Meaning.Size z -> new Expr.Size(Dim.symbol(z.symbol()));
                case Scope.Meaning.Eye e -> Ex.identity(s.rows());
            };
            case Ast.Negate n -> Ex.neg(lower(n.operand()));
            case Ast.Transpose t -> Ex.transpose(lower(t.operand()));
            case Ast.Binary b -> binary(b, s);
            case Ast.Call c -> call(c, s);
            case Ast.Matrix m -> {
                List<Expr> rows = new ArrayList<>();
                for (List<Ast> row : m.rows()) {
                    List<Expr> parts = new ArrayList<>(row.size());
                    for (Ast part : row) parts.add(lower(part));
                    rows.add(Ex.concat(Expr.Axis.HORIZONTAL, parts));
                }
                yield Ex.concat(Expr.Axis.VERTICAL, rows);
            }
            case Ast.Index i -> {
                Expr.Range[] r = inf.ranges.get(i);
                yield Ex.slice(lower(i.target()), r[0], r[1]);
            }
            case Ast.Derivative d -> {
                if (d.asDivision() instanceof Ast.Binary div && div.left() instanceof Ast.Name n && scope.isName(n.name())) {
                    yield lower(div);
                }
                Expr wrt = lower(d.wrt());
                if (!(wrt instanceof Expr.Var v)) throw new IllegalStateException("internal: derivative wrt " + wrt);
                yield Ex.derivative(lower(d.of()), v);
            }
        };
    }

    private Expr binary(Ast.Binary b, Shape s) {
        if (b.op() == Ast.BinOp.ADD || b.op() == Ast.BinOp.SUB) return sum(b, s);
        Expr l = lower(b.left()), r = lower(b.right());
        return switch (b.op()) {
            case ADD, SUB -> throw new IllegalStateException("sums are lowered whole");
            case HADAMARD -> Ex.hadamard(Ex.broadcast(l, s), Ex.broadcast(r, s));
            case EDIV -> Ex.divide(Ex.broadcast(l, s), Ex.broadcast(r, s));
            case MUL -> Ex.matmul(l, r);
            case DIV -> Ex.divide(l, Ex.broadcast(r, l.shape()));
            case POW, EPOW -> power(b, l, r);
        };
    }

    /** s^p, a.^p (p a number or a scalar expression), and A^k, the product of k copies of A. */
    private static Expr power(Ast.Binary b, Expr l, Expr r) {
        Double k = Inference.numberValue(b.right());
        if (b.op() == Ast.BinOp.POW && !l.shape().isScalar()) {
            Expr out = Ex.identity(l.shape().rows());
            for (int i = 0; i < k.intValue(); i++) out = i == 0 ? l : Ex.matmul(out, l);
            return out;
        }
        return k != null ? Ex.power(l, k) : Ex.powerBy(l, r);
    }

    /**
     * A chain a + b - c + ... as one sum of its terms, each broadcast to the sum's shape (which
     * is what broadcasting the partial sums comes to). Built at once, a long chain costs linear
     * time and no stack, where adding one term at a time would copy the sum for every term.
     */
    private Expr sum(Ast.Binary top, Shape s) {
        List<Expr> terms = new ArrayList<>();
        List<Boolean> negated = new ArrayList<>();
        Ast a = top;
        while (a instanceof Ast.Binary b && (b.op() == Ast.BinOp.ADD || b.op() == Ast.BinOp.SUB)) {
            terms.add(lower(b.right()));
            negated.add(b.op() == Ast.BinOp.SUB);
            a = b.left();
        }
        terms.add(lower(a));
        negated.add(false);
        List<Expr> ordered = new ArrayList<>(terms.size());
        for (int i = terms.size() - 1; i >= 0; i--) {
            Expr t = Ex.broadcast(terms.get(i), s);
            ordered.add(negated.get(i) ? Ex.neg(t) : t);
        }
        return Ex.add(ordered);
    }

    private Expr call(Ast.Call c, Shape s) {
        Ast sugar = inf.sugared.get(c);
        if (sugar != null) return lower(sugar);
        String name = c.name();
        Stmt.FunKind user = scope.function(name);
        if (user != null) {
            Expr arg = lower(c.args().get(0));
            return user == Stmt.FunKind.ELEMENTWISE ? Ex.applyD(new Fn.Opaque(name), c.primes(), arg)
                    : Ex.opaqueScalar(name, c.primes(), arg);
        }
        var builtin = Builtin.named(name);
        if (builtin.isPresent()) return Ex.applyD(builtin.get(), c.primes(), lower(c.args().get(0)));
        Functions f = Functions.named(name).orElseThrow();
        return switch (f) {
            case EYE -> Ex.identity(s.rows());
            case ONES -> Ex.ones(s);
            case ZEROS -> Ex.zero(s);
            case SOFTMAX -> Ex.softmax(Expr.SoftKind.SOFTMAX, arg(c, 0));
            case LOG_SOFTMAX -> Ex.softmax(Expr.SoftKind.LOG_SOFTMAX, arg(c, 0));
            case LOGSUMEXP -> Ex.softmax(Expr.SoftKind.LOGSUMEXP, arg(c, 0));
            case SUM -> Ex.reduce(axis(c), arg(c, 0));
            case MEAN -> {
                Expr x = arg(c, 0);
                Expr.Axis axis = axis(c);
                Dim count = switch (axis) {
                    case COLUMNS -> x.shape().rows();
                    case ROWS -> x.shape().cols();
                    default -> x.shape().size();
                };
                Expr total = Ex.reduce(axis, x);
                Expr n = count.isConstant() ? Ex.num(count.constant()) : new Expr.Size(count);
                yield Ex.divide(total, Ex.broadcast(n, total.shape()));
            }
            case NORM -> Ex.matfn(Expr.MatOp.NORM, arg(c, 0));
            case MAX, MIN -> Ex.extremum(f == Functions.MAX, c.args().size() == 1 ? Expr.Axis.ALL
                    : Inference.numberValue(c.args().get(2)) == 1 ? Expr.Axis.COLUMNS : Expr.Axis.ROWS, arg(c, 0));
            case CLIP, VAR, STD -> throw new IllegalStateException("internal: " + f.fname + " is lowered as what it stands for");
            case TR -> Ex.matfn(Expr.MatOp.TRACE, arg(c, 0));
            case DET -> Ex.matfn(Expr.MatOp.DET, arg(c, 0));
            case LOGDET -> Ex.matfn(Expr.MatOp.LOGDET, arg(c, 0));
            case INV -> Ex.matfn(Expr.MatOp.INV, arg(c, 0));
            case DOT -> {
                Expr a = arg(c, 0), b = arg(c, 1);
                Shape sa = a.shape();
                if (sa.isColumn()) yield Ex.matmul(Ex.transpose(a), b);
                if (sa.isRow()) yield Ex.matmul(a, Ex.transpose(b));
                yield Ex.reduce(Expr.Axis.ALL, Ex.hadamard(a, b));
            }
            case DIAG -> {
                Expr a = arg(c, 0);
                yield a.shape().isVector() ? Ex.diagMatrix(a) : Ex.diagPart(a);
            }
            case KRON -> Ex.kron(arg(c, 0), arg(c, 1));
            case VEC -> Ex.vec(arg(c, 0));
            case RESHAPE -> Ex.reshape(arg(c, 0), s);
            case HESSIAN -> throw new IllegalStateException("internal: hessian(L, w) is read as d(d(L)/d(w))/d(w)");
            case COMMUTATION -> {
                yield Ex.commutation(dimOf(c.args().get(0)), dimOf(c.args().get(1)));
            }
        };
    }

    /** A dimension argument, as inference read it. */
    private Dim dimOf(Ast a) {
        return switch (a) {
            case Ast.Number n -> Dim.of((long) n.value());
            case Ast.Name n -> Dim.symbol(n.name());
            case Ast.Binary b when b.op() == Ast.BinOp.ADD -> dimOf(b.left()).plus(dimOf(b.right()));
            case Ast.Binary b when b.op() == Ast.BinOp.SUB -> dimOf(b.left()).minus(dimOf(b.right()));
            case Ast.Binary b when b.op() == Ast.BinOp.MUL -> dimOf(b.left()).times(dimOf(b.right()));
            default -> throw new IllegalStateException("internal: dimension " + a);
        };
    }

    private Expr arg(Ast.Call c, int i) {
        return lower(c.args().get(i));
    }

    private static Expr.Axis axis(Ast.Call c) {
        if (c.args().size() == 1) return Expr.Axis.ALL;
        return Inference.numberValue(c.args().get(1)) == 1 ? Expr.Axis.COLUMNS : Expr.Axis.ROWS;
    }
}
