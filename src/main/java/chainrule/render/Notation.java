package chainrule.render;

import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator table that text, unicode and LaTeX share: how tightly each form binds, which
 * operand of which operator needs parentheses, where a broadcast may be left to the reader
 * and where it must be written out, and how nested concatenations are bracketed. The
 * renderers only spell what this table decides.
 *
 * <p>Text must parse back to the same value (SPEC §2), so its column follows the grammar:
 * every product operator is one level, left-associative, as in MATLAB. LaTeX follows the
 * textbook convention instead: juxtaposition binds tighter than the elementwise products.
 */
final class Notation {
    private Notation() {}

    /** Which of the two columns of the table. Unicode text is spelled differently but parses like text. */
    enum Style { TEXT, LATEX }

    /** How tightly a written form binds, loosest first. */
    enum Prec { SUM, PRODUCT, MATRIX, UNARY, POWER, POSTFIX, ATOM }

    /** The infix products. SCALE is a matrix product whose left factor is 1 x 1. */
    enum Op { MATRIX, SCALE, HADAMARD, EDIVIDE, DIVIDE, KRON, OTHER }

    enum Side { LEFT, RIGHT }

    /** The operator at the top of e as written, or OTHER for anything that is not an infix product. */
    static Op op(Expr e, Style style) {
        if (style == Style.TEXT) {
            Infix in = infix(e);
            return in == null ? Op.OTHER : in.op();
        }
        return switch (e) {
            case MatMul m -> Op.MATRIX;
            case Scale s -> Op.SCALE;
            case Hadamard h -> Op.HADAMARD;
            // by a scalar, a fraction
            case Divide d -> byScalar(d) ? Op.OTHER : Op.EDIVIDE;
            case Kron k -> Op.KRON;
            // written out: x*ones(1, n), ones(m, 1)*r, s*ones(m, n)
            case Broadcast b -> Op.MATRIX;
            // 1^T X and X 1
            case Reduce r -> r.axis() != Axis.ALL ? Op.MATRIX : Op.OTHER;
            case Var v -> Op.OTHER;
            case Num n -> Op.OTHER;
            case Size s -> Op.OTHER;
            case Zero z -> Op.OTHER;
            case Identity i -> Op.OTHER;
            case Ones o -> Op.OTHER;
            case Commutation k -> Op.OTHER;
            case Add a -> Op.OTHER;
            case Neg n -> Op.OTHER;
            case Power p -> Op.OTHER;
            case PowerBy p -> Op.OTHER;
            case Extremum x -> Op.OTHER;
            case Transpose t -> Op.OTHER;
            case Apply a -> Op.OTHER;
            case OpaqueScalar o -> Op.OTHER;
            case Softmax s -> Op.OTHER;
            case MatFn m -> Op.OTHER;
            case DiagMatrix d -> Op.OTHER;
            case DiagPart d -> Op.OTHER;
            case Reshape r -> Op.OTHER;
            case Slice s -> Op.OTHER;
            case Concat c -> Op.OTHER;
            case Derivative d -> Op.OTHER;
        };
    }

    /** How tightly e binds as written in this style. */
    static Prec prec(Expr e, Style style) {
        boolean text = style == Style.TEXT;
        return switch (e) {
            case Add a -> Prec.SUM;
            case Neg n -> Prec.UNARY;
            case Num n -> n.value() < 0 ? Prec.UNARY : !text && Latex.number(n.value()).contains("\\times") ? Prec.MATRIX : Prec.ATOM;
            // n+1 is a sum, 3*k and m*n are products
            case Size s -> s.dim().terms().size() > 1 ? Prec.SUM
                    : s.dim().terms().entrySet().stream().anyMatch(t -> t.getValue() < 0) ? Prec.UNARY
                    : s.dim().terms().entrySet().stream().anyMatch(t -> t.getValue() != 1 || t.getKey().size() > 1)
                            ? (text ? Prec.PRODUCT : Prec.MATRIX) : Prec.ATOM;
            case MatMul m -> text ? Prec.PRODUCT : Prec.MATRIX;
            case Scale s -> text ? Prec.PRODUCT : Prec.MATRIX;
            case Broadcast b -> text ? Prec.PRODUCT : Prec.MATRIX;
            case Hadamard h -> Prec.PRODUCT;
            case Divide d -> text || !byScalar(d) ? Prec.PRODUCT : Prec.ATOM;
            case Kron k -> text ? Prec.ATOM : Prec.MATRIX;
            case Reduce r -> text || r.axis() == Axis.ALL ? Prec.ATOM : Prec.MATRIX;
            case Power p -> Prec.POWER;
            case PowerBy p -> Prec.POWER;
            case Extremum x -> Prec.ATOM;
            // softmax(Z')' is written softmax(Z, 2) in text
            case Transpose t when text && rowwise(t) -> Prec.ATOM;
            case Transpose t -> Prec.POSTFIX;
            case Slice s -> Prec.POSTFIX;
            case MatFn m -> !text && m.op() == MatOp.INV ? Prec.POSTFIX : Prec.ATOM;
            case Var v -> Prec.ATOM;
            case Zero z -> Prec.ATOM;
            case Identity i -> Prec.ATOM;
            case Ones o -> Prec.ATOM;
            case Commutation k -> Prec.ATOM;
            case Apply a -> Prec.ATOM;
            case OpaqueScalar o -> Prec.ATOM;
            case Softmax s -> Prec.ATOM;
            case DiagMatrix d -> Prec.ATOM;
            case DiagPart d -> Prec.ATOM;
            case Reshape r -> Prec.ATOM;
            case Concat c -> Prec.ATOM;
            case Derivative d -> Prec.ATOM;
        };
    }

    /** Whether child, an operand of a product written with parent on the given side, needs parentheses (LaTeX). */
    static boolean parens(Expr child, Op parent, Side side, Style style) {
        Prec mine = prec(child, style), theirs = parentPrec(parent, style);
        if (side == Side.RIGHT && startsWithMinus(child)) return true;
        if (mine.compareTo(theirs) < 0) return true;
        if (mine.compareTo(theirs) > 0) {
            // textbooks put a matrix product inside an elementwise division on the right in
            // parentheses, and a Kronecker product inside any other product
            return style == Style.LATEX && (side == Side.RIGHT && parent == Op.EDIVIDE && mine == Prec.MATRIX
                    || op(child, style) == Op.KRON);
        }
        if (style == Style.TEXT) return side == Side.RIGHT;
        boolean matrixKind = op(child, style) == Op.MATRIX || op(child, style) == Op.SCALE;
        boolean parentMatrix = parent == Op.MATRIX || parent == Op.SCALE;
        if (parentMatrix && matrixKind) return false;
        return !(parent == op(child, style) && !(side == Side.RIGHT && parent == Op.EDIVIDE));
    }

    private static Prec parentPrec(Op parent, Style style) {
        return switch (parent) {
            case MATRIX, SCALE, KRON -> style == Style.TEXT ? Prec.PRODUCT : Prec.MATRIX;
            case HADAMARD, EDIVIDE, DIVIDE -> Prec.PRODUCT;
            case OTHER -> Prec.ATOM;
        };
    }

    // ---- products in text

    /** A product as text writes it: its left operand, the operator, its right operand. */
    record Infix(Expr left, Op op, Expr right) {}

    /**
     * How text writes e if it is a product, else null: the elementwise operators with their
     * broadcasts left implicit where {@link #elementwise} allows, a scaling by 1/k or 1/B as a
     * division, a broadcast written out as a product with ones.
     */
    static Infix infix(Expr e) {
        return switch (e) {
            case MatMul m -> new Infix(m.a(), Op.MATRIX, m.b());
            case Scale s when s.s() instanceof Num n && reciprocal(n.value()) > 0 ->
                    new Infix(s.a(), Op.DIVIDE, new Num(reciprocal(n.value())));
            case Scale s when dividesByScalar(s) -> new Infix(s.a(), Op.DIVIDE, unbroadcast(((Divide) s.s()).b()));
            case Scale s -> new Infix(s.s(), Op.SCALE, s.a());
            case Hadamard h -> {
                List<Expr> w = elementwise(List.of(h.a(), h.b()), h.shape());
                yield new Infix(w.get(0), Op.HADAMARD, w.get(1));
            }
            case Divide d when byScalar(d) -> new Infix(d.a(), Op.DIVIDE, unbroadcast(d.b()));
            case Divide d -> {
                List<Expr> w = elementwise(List.of(d.a(), d.b()), d.shape());
                yield new Infix(w.get(0), Op.EDIVIDE, w.get(1));
            }
            case Broadcast b -> {
                Shape s = b.shape(), a = b.a().shape();
                if (a.isScalar()) yield new Infix(b.a(), Op.SCALE, new Ones(s));
                if (a.isColumn()) yield new Infix(b.a(), Op.MATRIX, new Ones(new Shape(Dim.ONE, s.cols())));
                yield new Infix(new Ones(new Shape(s.rows(), Dim.ONE)), Op.MATRIX, b.a());
            }
            default -> null;
        };
    }

    private static Expr unbroadcast(Expr e) {
        return e instanceof Broadcast b ? b.a() : e;
    }

    /**
     * k where v is 1/k for a whole k of 2 or more and k is the shorter to write (0.5*X is written
     * X / 2, but 1e-5*X stays so rather than X / 100000), else 0.
     */
    static long reciprocal(double v) {
        if (v <= 0 || v >= 1) return 0;
        double k = 1 / v;
        if (Math.abs(k - Math.rint(k)) >= 1e-9 || k >= 1e6) return 0;
        long whole = Math.round(k);
        return Long.toString(whole).length() <= Text.number(v).length() ? whole : 0;
    }

    /**
     * Whether the right operand of a product written in text needs parentheses. The grammar
     * reads a chain of products from the left, so without them {@code l op (c1 op1 c2 ...)} is
     * read as {@code ((l op c1) op1 c2) ...}, where c1 op1 c2 ... is every factor of the operand
     * as written (its own unparenthesized operands inlined). That is allowed only where every
     * operator of the chain regroups with op without changing the value (a(bc) = (ab)c,
     * x.*(y./z) = (x.*y)./z, s*(x.*y) = (s*x).*y for a scalar s) and where each step of the
     * regrouped chain still type-checks, to the same shape (a 1 x 1 product such as q*u scales
     * in place, but after another factor it is read as a matrix product).
     */
    static boolean textParens(Expr left, Op op, Expr right, Shape result) {
        return textParens(left.shape(), op, right, result, new IdentityHashMap<>());
    }

    // memo: each operand's factors, worked out once (a chain of n products asked again at each level took 2^n)
    private static boolean textParens(Shape left, Op op, Expr right, Shape result, Map<Expr, Flat> memo) {
        if (startsWithMinus(right)) return true;
        Prec p = prec(right, Style.TEXT);
        if (p != Prec.PRODUCT) return p.compareTo(Prec.PRODUCT) < 0;
        Flat flat = flatten(right, memo);
        List<Expr> factors = flat.factors();
        List<Op> ops = flat.ops();
        Shape acc = combine(op, left, factors.get(0).shape());
        for (int i = 0; i < ops.size(); i++) {
            if (!regroups(op, ops.get(i))) return true;
            acc = combine(ops.get(i), acc, factors.get(i + 1).shape());
        }
        return !result.equals(acc);
    }

    /**
     * Whether the left operand of a product written in text needs parentheses: a sum does; the
     * grammar would read any product right, but an elementwise one before a matrix product gets
     * them for the reader, as textbooks write (x .* y)*v'.
     */
    static boolean textLeftParens(Expr left, Op op) {
        if (prec(left, Style.TEXT).compareTo(Prec.PRODUCT) < 0) return true;
        return (op == Op.MATRIX || op == Op.SCALE) && (left instanceof Hadamard || left instanceof Divide);
    }

    /** The factors of a product as text writes it, and the operators between them. */
    private record Flat(List<Expr> factors, List<Op> ops) {}

    private static Flat flatten(Expr e, Map<Expr, Flat> memo) {
        Flat known = memo.get(e);
        if (known != null) return known;
        List<Expr> factors = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        Infix in = prec(e, Style.TEXT) == Prec.PRODUCT ? infix(e) : null;
        if (in == null) {
            // a count such as 3*k is a scaling of its own: a stand-in factor 1 for its first part
            if (prec(e, Style.TEXT) == Prec.PRODUCT) {
                factors.add(new Num(1));
                ops.add(Op.SCALE);
            }
            factors.add(e);
        } else {
            if (textLeftParens(in.left(), in.op())) factors.add(in.left());
            else add(flatten(in.left(), memo), factors, ops);
            ops.add(in.op());
            if (textParens(in.left().shape(), in.op(), in.right(), e.shape(), memo)) factors.add(in.right());
            else add(flatten(in.right(), memo), factors, ops);
        }
        Flat out = new Flat(factors, ops);
        memo.put(e, out);
        return out;
    }

    private static void add(Flat f, List<Expr> factors, List<Op> ops) {
        factors.addAll(f.factors());
        ops.addAll(f.ops());
    }

    /** Whether l op (x inner y) is (l op x) inner y for every value. */
    private static boolean regroups(Op op, Op inner) {
        return switch (op) {
            case MATRIX -> inner == Op.MATRIX || inner == Op.SCALE || inner == Op.DIVIDE;
            case SCALE -> inner != Op.KRON && inner != Op.OTHER;
            case HADAMARD -> inner == Op.HADAMARD || inner == Op.EDIVIDE || inner == Op.DIVIDE;
            case EDIVIDE, DIVIDE, KRON, OTHER -> false;
        };
    }

    /** The shape the shape checker gives a op b, or null where it refuses. */
    private static Shape combine(Op op, Shape a, Shape b) {
        if (a == null) return null;
        return switch (op) {
            case MATRIX, SCALE -> a.isScalar() ? b : b.isScalar() ? a : a.cols().equals(b.rows()) ? new Shape(a.rows(), b.cols()) : null;
            case HADAMARD, EDIVIDE -> combine(a, b);
            case DIVIDE -> b.isScalar() ? a : null;
            case KRON, OTHER -> null;
        };
    }

    /** Whether e as written starts with a minus sign (it then needs parentheses after an operator). */
    static boolean startsWithMinus(Expr e) {
        if (e instanceof Neg) return true;
        if (e instanceof Num n) return n.value() < 0;
        if (e instanceof Size s) return s.dim().toString().startsWith("-");
        Infix in = infix(e);
        return in != null && startsWithMinus(in.left());
    }

    /** softmax(Z')' (and log_softmax, logsumexp) of a matrix Z: the function over each row of Z. */
    static boolean rowwise(Transpose t) {
        return t.a() instanceof Softmax s && !s.a().shape().isVector();
    }

    static boolean byScalar(Divide d) {
        return d.b().shape().isScalar() || d.b() instanceof Broadcast b && b.a().shape().isScalar();
    }

    /** (1 / B)*X, written X / B in text. */
    static boolean dividesByScalar(Scale s) {
        return s.s() instanceof Divide d && d.a() instanceof Num n && n.value() == 1;
    }

    // ---- broadcasts

    /**
     * The same value at a smaller shape that broadcasting gives back (a scalar, a column, a row),
     * or null: a broadcast without its broadcast, ones as 1, zeros as 0, and elementwise
     * functions of those.
     */
    static Expr narrow(Expr e) {
        return switch (e) {
            case Broadcast b -> b.a();
            case Ones o -> o.shape().isScalar() ? null : new Num(1);
            case Zero z -> z.shape().isScalar() ? null : new Num(0);
            case Neg n -> {
                Expr a = narrow(n.a());
                yield a == null ? null : new Neg(a);
            }
            case Scale s -> {
                Expr a = narrow(s.a());
                yield a == null ? null : new Scale(s.s(), a);
            }
            case Power p -> {
                Expr a = narrow(p.a());
                yield a == null ? null : new Power(a, p.p());
            }
            case Apply f -> {
                Expr a = narrow(f.a());
                yield a == null ? null : new Apply(f.fn(), f.order(), a);
            }
            default -> null;
        };
    }

    /**
     * The operands of an elementwise operation (+, .*, ./) as they are to be written: each
     * broadcast left implicit where the operands written before it still give the result's
     * shape the way the shape checker combines them, at least one written out otherwise.
     */
    static List<Expr> elementwise(List<Expr> operands, Shape target) {
        List<Expr> out = greedy(operands, target, -1);
        // one written out: ones(m, n) reads better than s*ones(m, n)
        for (int i = 0; out == null && i < operands.size(); i++) {
            if (operands.get(i) instanceof Ones || operands.get(i) instanceof Zero) out = greedy(operands, target, i);
        }
        for (int i = 0; out == null && i < operands.size(); i++) out = greedy(operands, target, i);
        return out;
    }

    private static List<Expr> greedy(List<Expr> operands, Shape target, int whole) {
        List<Expr> out = new ArrayList<>();
        Shape running = null;
        for (Expr e : operands) {
            Expr n = out.size() == whole ? null : narrow(e);
            Shape joined = n == null ? null : combine(running, n.shape());
            if (joined != null) {
                out.add(n);
                running = joined;
            } else {
                out.add(e);
                running = combine(running, e.shape());
                if (running == null) return null;
            }
        }
        return target.equals(running) ? out : null;
    }

    /** The shape checker's rule for +, .* and ./ (SPEC §1), or null where it would refuse. */
    static Shape combine(Shape a, Shape b) {
        if (a == null) return b;
        if (a.isScalar()) return b;
        if (b.isScalar()) return a;
        if (a.cols().isOne() && !b.cols().isOne()) return a.rows().equals(b.rows()) ? b : null;
        if (b.cols().isOne() && !a.cols().isOne()) return a.rows().equals(b.rows()) ? a : null;
        if (a.rows().isOne() && !b.rows().isOne()) return a.cols().equals(b.cols()) ? b : null;
        if (b.rows().isOne() && !a.rows().isOne()) return a.cols().equals(b.cols()) ? a : null;
        return a.equals(b) ? a : null;
    }

    // ---- concatenation

    /**
     * The rows of a bracket [a, b; c] for a concatenation: a vertical one gives its parts as rows
     * (a horizontal part is a row of its own, a vertical part's rows are spliced in), a
     * horizontal one is one row (a horizontal part spliced in). Anything else in a row, a
     * vertical concatenation inside a row among them, is written in brackets of its own.
     */
    static List<List<Expr>> rows(Concat c) {
        List<List<Expr>> rows = new ArrayList<>();
        if (c.axis() == Axis.VERTICAL) {
            for (Expr p : c.parts()) {
                if (p instanceof Concat inner) rows.addAll(rows(inner));
                else rows.add(List.of(p));
            }
        } else {
            rows.add(row(c));
        }
        return rows;
    }

    private static List<Expr> row(Concat c) {
        List<Expr> out = new ArrayList<>();
        for (Expr p : c.parts()) {
            if (p instanceof Concat inner && inner.axis() == Axis.HORIZONTAL) out.addAll(row(inner));
            else out.add(p);
        }
        return out;
    }
}
