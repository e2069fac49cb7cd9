package chainrule.expr;

import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Smart constructors: every node is built here. They check shapes (a mismatch is a bug in
 * chainrule, since user input was shape-checked before) and fold the trivial cases as they
 * build (zeros, identities, ones, double negation and double transposes), which keeps
 * derivative trees small in the way JAX's symbolic zeros do.
 */
public final class Ex {
    private Ex() {}

    public static Var var(String name, Shape shape) {
        return new Var(name, shape);
    }

    public static Expr num(double v) {
        return new Num(v);
    }

    public static Expr zero(Shape s) {
        return new Zero(s);
    }

    public static Expr identity(Dim n) {
        return n.isOne() ? new Num(1) : new Identity(n);
    }

    public static Expr ones(Shape s) {
        return s.isScalar() ? new Num(1) : new Ones(s);
    }

    public static Expr commutation(Dim m, Dim n) {
        return m.isOne() || n.isOne() ? identity(m.times(n)) : new Commutation(m, n);
    }

    public static boolean isZero(Expr e) {
        return e instanceof Zero || (e instanceof Num n && n.value() == 0);
    }

    /** A product with a zero factor is zero, unless the other factor has no value (0*log(0), SPEC §3). */
    private static boolean annihilates(Expr a, Expr b) {
        return (isZero(a) && !Undefined.constant(b)) || (isZero(b) && !Undefined.constant(a));
    }

    public static boolean isOne(Expr e) {
        return e instanceof Num n && n.value() == 1;
    }

    private static void same(String op, Shape a, Shape b) {
        if (!a.equals(b)) throw new IllegalArgumentException("internal: " + op + " of " + a + " and " + b);
    }

    public static Expr add(Expr... terms) {
        return add(List.of(terms));
    }

    /**
     * A sum or elementwise product of at most this many operands, inside another, is spliced into
     * it; a longer one stays whole. Reverse mode over a chain builds each partial sum on the one
     * before (the adjoint of nested log_softmax, of a product of many factors); spliced, each would
     * be written out again, n^2 operands in all, where kept whole a partial sum is one node, which
     * the printer names once. No textbook sum or product is this long.
     */
    public static final int FLAT = 8;

    public static Expr add(List<Expr> terms) {
        if (terms.isEmpty()) throw new IllegalArgumentException("internal: empty sum");
        Shape shape = terms.get(0).shape();
        List<Expr> flat = new ArrayList<>();
        double constant = 0;
        // the numbers, added up, stand where the first of them stood: 1 - p stays 1 - p
        int constantAt = -1;
        for (Expr t : terms) {
            same("+", shape, t.shape());
            if (isZero(t)) continue;
            List<Expr> parts = t instanceof Add a && a.terms().size() <= FLAT ? a.terms() : List.of(t);
            for (Expr u : parts) {
                if (u instanceof Num n) {
                    constant += n.value();
                    if (constantAt < 0) constantAt = flat.size();
                } else {
                    flat.add(u);
                }
            }
        }
        if (constantAt >= 0 && constant != 0) flat.add(constantAt, new Num(constant));
        if (flat.isEmpty()) return zero(shape);
        if (flat.size() == 1) return flat.get(0);
        return new Add(List.copyOf(flat), shape);
    }

    public static Expr sub(Expr a, Expr b) {
        return add(a, neg(b));
    }

    public static Expr neg(Expr a) {
        return switch (a) {
            case Neg n -> n.a();
            case Zero z -> z;
            case Num n -> new Num(-n.value());
            default -> new Neg(a);
        };
    }

    public static Expr matmul(Expr a, Expr b) {
        Shape sa = a.shape(), sb = b.shape();
        if (sa.isScalar()) return scale(a, b);
        if (sb.isScalar()) return scale(b, a);
        if (!sa.cols().equals(sb.rows())) {
            throw new IllegalArgumentException("internal: matrix product of " + sa + " and " + sb);
        }
        Shape out = new Shape(sa.rows(), sb.cols());
        if (annihilates(a, b)) return zero(out);
        if (a instanceof Neg n) return neg(matmul(n.a(), b));
        if (b instanceof Neg n) return neg(matmul(a, n.a()));
        if (a instanceof Identity) return b;
        if (b instanceof Identity) return a;
        return new MatMul(a, b, out);
    }

    public static Expr scale(Expr s, Expr a) {
        if (!s.shape().isScalar()) throw new IllegalArgumentException("internal: scaling by " + s.shape());
        if (annihilates(s, a)) return zero(a.shape());
        if (isOne(s)) return a;
        if (a.shape().isScalar() && isOne(a)) return s;
        if (s instanceof Num n && n.value() == -1) return neg(a);
        if (s instanceof Neg n) return neg(scale(n.a(), a));
        if (a instanceof Neg n) return neg(scale(s, n.a()));
        return new Scale(s, a);
    }

    public static Expr hadamard(Expr a, Expr b) {
        same(".*", a.shape(), b.shape());
        if (annihilates(a, b)) return zero(a.shape());
        if (a instanceof Ones) return b;
        if (b instanceof Ones) return a;
        if (a.shape().isScalar()) return scale(a, b);
        // a broadcast scalar times elementwise is a scaling
        if (a instanceof Broadcast x && x.a().shape().isScalar()) return scale(x.a(), b);
        if (b instanceof Broadcast x && x.a().shape().isScalar()) return scale(x.a(), a);
        if (a instanceof Neg n) return neg(hadamard(n.a(), b));
        if (b instanceof Neg n) return neg(hadamard(a, n.a()));
        // a scaling inside an elementwise product comes out in front
        if (a instanceof Scale x) return scale(x.s(), hadamard(x.a(), b));
        if (b instanceof Scale x) return scale(x.s(), hadamard(a, x.a()));
        return new Hadamard(a, b);
    }

    public static Expr divide(Expr a, Expr b) {
        same("./", a.shape(), b.shape());
        if (isZero(a) && !isZero(b) && !Undefined.constant(b)) return a;
        if (b instanceof Ones || isOne(b)) return a;
        if (a instanceof Num x && b instanceof Num y) return num(x.value() / y.value());
        if (a instanceof Neg n) return neg(divide(n.a(), b));
        if (a instanceof Num x && x.value() < 0) return neg(divide(num(-x.value()), b));
        return new Divide(a, b);
    }

    public static Expr power(Expr a, double p) {
        if (p == 1) return a;
        if (p == 0) return ones(a.shape());
        // (a.^q).^p is a.^(q*p) for a whole p only: (x.^-2).^0.5 is 1 ./ abs(x), not 1 ./ x
        if (a instanceof Power q && p == Math.rint(p)) return power(q.a(), q.p() * p);
        return new Power(a, p);
    }

    public static Expr powerBy(Expr a, Expr p) {
        if (!p.shape().isScalar()) throw new IllegalArgumentException("internal: exponent of shape " + p.shape());
        if (p instanceof Num n) return power(a, n.value());
        if (p instanceof Neg n && n.a() instanceof Num m) return power(a, -m.value());
        return new PowerBy(a, p);
    }

    public static Expr extremum(boolean max, Axis axis, Expr a) {
        Shape s = a.shape();
        Shape out = switch (axis) {
            case ALL -> Shape.SCALAR;
            case COLUMNS -> new Shape(Dim.ONE, s.cols());
            case ROWS -> new Shape(s.rows(), Dim.ONE);
            default -> throw new IllegalArgumentException("internal: extremum over " + axis);
        };
        if (s.equals(out)) return a;
        return new Extremum(max, axis, a, out);
    }

    public static Expr transpose(Expr a) {
        Shape s = a.shape();
        if (s.isScalar()) return a;
        return switch (a) {
            case Transpose t -> t.a();
            case Zero z -> zero(s.transpose());
            case Ones o -> ones(s.transpose());
            case Identity i -> i;
            case Commutation k -> commutation(k.n(), k.m());
            case Neg n -> neg(transpose(n.a()));
            case DiagMatrix d -> d;
            default -> new Transpose(a);
        };
    }

    public static Expr apply(Fn fn, Expr a) {
        return applyD(fn, 0, a);
    }

    public static Expr applyD(Fn fn, int order, Expr a) {
        return new Apply(fn, order, a);
    }

    public static Expr opaqueScalar(String name, int order, Expr a) {
        return new OpaqueScalar(name, order, a);
    }

    public static Expr softmax(SoftKind kind, Expr a) {
        Shape s = a.shape();
        Shape out = kind != SoftKind.LOGSUMEXP ? s : columnwise(s) ? new Shape(Dim.ONE, s.cols()) : Shape.SCALAR;
        return new Softmax(kind, a, out);
    }

    /** softmax and friends work on each column of a matrix with more than one row and column. */
    public static boolean columnwise(Shape s) {
        return !s.isVector();
    }

    public static Expr reduce(Axis axis, Expr a) {
        Shape s = a.shape();
        Shape out = switch (axis) {
            case ALL -> Shape.SCALAR;
            case COLUMNS -> new Shape(Dim.ONE, s.cols());
            case ROWS -> new Shape(s.rows(), Dim.ONE);
            default -> throw new IllegalArgumentException("internal: reduce over " + axis);
        };
        if (s.equals(out)) return a;
        if (isZero(a)) return zero(out);
        if (a instanceof Neg n) return neg(reduce(axis, n.a()));
        // a scalar factor comes out of a sum; a sum of ones counts
        if (a instanceof Scale x) return scale(x.s(), reduce(axis, x.a()));
        if (a instanceof Ones) {
            Dim count = switch (axis) {
                case COLUMNS -> s.rows();
                case ROWS -> s.cols();
                default -> s.size();
            };
            return scale(count.isConstant() ? num(count.constant()) : new Size(count), ones(out));
        }
        return new Reduce(axis, a, out);
    }

    public static Expr broadcast(Expr a, Shape target) {
        Shape s = a.shape();
        if (s.equals(target)) return a;
        boolean ok = s.isScalar()
                || (s.isColumn() && s.rows().equals(target.rows()))
                || (s.isRow() && s.cols().equals(target.cols()));
        if (!ok) throw new IllegalArgumentException("internal: broadcast " + s + " to " + target);
        if (isZero(a)) return zero(target);
        if (isOne(a) || a instanceof Ones) return ones(target);
        if (a instanceof Neg n) return neg(broadcast(n.a(), target));
        if (a instanceof Scale x && !a.shape().isScalar()) return scale(x.s(), broadcast(x.a(), target));
        return new Broadcast(a, target);
    }

    public static Expr matfn(MatOp op, Expr a) {
        Shape out = op == MatOp.INV ? a.shape() : Shape.SCALAR;
        if (op == MatOp.INV && a instanceof MatFn m && m.op() == MatOp.INV) return m.a();
        if (op == MatOp.TRACE && a.shape().isScalar()) return a;
        return new MatFn(op, a, out);
    }

    public static Expr diagMatrix(Expr v) {
        Shape s = v.shape();
        if (!s.isVector()) throw new IllegalArgumentException("internal: diag of " + s);
        Dim n = s.isColumn() ? s.rows() : s.cols();
        if (s.isScalar()) return v;
        if (v instanceof Ones) return identity(n);
        if (isZero(v)) return zero(new Shape(n, n));
        return new DiagMatrix(v, new Shape(n, n));
    }

    public static Expr diagPart(Expr m) {
        Shape s = m.shape();
        if (s.isScalar()) return m;
        if (m instanceof DiagMatrix d) return d.v().shape().isColumn() ? d.v() : transpose(d.v());
        if (m instanceof Identity i) return ones(Shape.column(i.n()));
        if (isZero(m)) return zero(Shape.column(s.rows()));
        return new DiagPart(m, Shape.column(s.rows()));
    }

    public static Expr kron(Expr a, Expr b) {
        Shape sa = a.shape(), sb = b.shape();
        Shape out = new Shape(sa.rows().times(sb.rows()), sa.cols().times(sb.cols()));
        if (sa.isScalar()) return scale(a, b);
        if (sb.isScalar()) return scale(b, a);
        if (isZero(a) || isZero(b)) return zero(out);
        return new Kron(a, b, out);
    }

    public static Expr reshape(Expr a, Shape shape) {
        if (a.shape().equals(shape)) return a;
        if (a instanceof Reshape r) return reshape(r.a(), shape);
        if (isZero(a)) return zero(shape);
        // a vector reshaped into the other orientation is its transpose
        if (a.shape().isVector() && shape.isVector() && a.shape().transpose().equals(shape)) return transpose(a);
        return new Reshape(a, shape);
    }

    public static Expr vec(Expr a) {
        return reshape(a, Shape.column(a.shape().size()));
    }

    public static Expr slice(Expr a, Range rows, Range cols) {
        Shape s = a.shape();
        Shape out = new Shape(rows.length(), cols.length());
        if (out.equals(s)) return a;
        if (isZero(a)) return zero(out);
        return new Slice(a, rows, cols, out);
    }

    public static Expr concat(Axis axis, List<Expr> parts) {
        if (parts.size() == 1) return parts.get(0);
        Dim total = Dim.of(0);
        Dim other = null;
        for (Expr p : parts) {
            Shape s = p.shape();
            Dim along = axis == Axis.VERTICAL ? s.rows() : s.cols();
            Dim across = axis == Axis.VERTICAL ? s.cols() : s.rows();
            if (other != null && !other.equals(across)) {
                throw new IllegalArgumentException("internal: concatenating " + other + " with " + across);
            }
            other = across;
            total = total.plus(along);
        }
        Shape out = axis == Axis.VERTICAL ? new Shape(total, other) : new Shape(other, total);
        if (parts.stream().allMatch(Ex::isZero)) return zero(out);
        return new Concat(axis, List.copyOf(parts), out);
    }

    public static Derivative derivative(Expr of, Var wrt) {
        return new Derivative(of, wrt, derivativeShape(of.shape(), wrt.shape()));
    }

    /** hessian(L, w): the Jacobian of the gradient, d(d(L)/d(w))/d(w), n x n for a vector w, (mn) x (mn) for a matrix. */
    public static Derivative hessian(Expr of, Var wrt) {
        return derivative(derivative(of, wrt), wrt);
    }

    /** Whether d is d(d(L)/d(w))/d(w) of a scalar L: a Hessian. */
    public static boolean isHessian(Expr d) {
        return d instanceof Derivative outer && outer.of() instanceof Derivative inner
                && inner.of().shape().isScalar() && inner.wrt().equals(outer.wrt());
    }

    /** SPEC §2: a gradient has the variable's shape; vector by vector a Jacobian; otherwise the vec form. */
    public static Shape derivativeShape(Shape of, Shape wrt) {
        if (of.isScalar()) return wrt;
        if (of.isVector() && wrt.isVector()) {
            Dim p = of.isColumn() ? of.rows() : of.cols();
            Dim n = wrt.isColumn() ? wrt.rows() : wrt.cols();
            return new Shape(p, n);
        }
        return new Shape(of.size(), wrt.size());
    }

    public static String derivativeKind(Shape of, Shape wrt) {
        if (of.isScalar()) return "gradient";
        if (of.isVector() && wrt.isVector()) return "jacobian";
        return "vec-jacobian";
    }
}
