package chainrule.render;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an expression in chainrule's input syntax (so an answer can be pasted back as a claim),
 * with the fewest parentheses the precedence table allows; or, with unicode, as people write
 * it on paper (ᵀ, ⊙, subscripts), which is for reading only.
 */
public final class Text {
    /** Precedence, loosest first, as in the grammar. */
    private static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, POSTFIX = 5, ATOM = 6;

    private final boolean unicode;
    private final Set<String> fileNames;

    /** fileNames: the names of the problem file, so that dL/dW is used only where it cannot be misread. */
    public Text(boolean unicode, Set<String> fileNames) {
        this.unicode = unicode;
        this.fileNames = fileNames;
    }

    public String render(Expr e) {
        PrintedSize.before(e);
        return PrintedSize.after(write(e, null));
    }

    public String shape(Shape s) {
        return s.rows() + (unicode ? " × " : " x ") + s.cols();
    }

    /** The name of a derivative, as a step is named: dL/dz2, or d(L)/d(z2) where dL would be misread. */
    public String derivativeName(Derivative d) {
        return write(d, null);
    }

    private static int level(Expr e) {
        return switch (e) {
            case Add a -> SUM;
            case MatMul m -> PRODUCT;
            case Scale s -> PRODUCT;
            case Hadamard h -> PRODUCT;
            case Divide d -> PRODUCT;
            case Neg n -> UNARY;
            case Num n -> n.value() < 0 ? UNARY : ATOM;
            case Power p -> POWER;
            case Transpose t -> POSTFIX;
            case Slice s -> POSTFIX;
            case Derivative d -> ATOM;
            case Broadcast b -> level(b.a());
            case Size s -> s.dim().terms().size() > 1 ? SUM : ATOM;
            default -> ATOM;
        };
    }

    private String wrap(Expr e, Expr parent, boolean paren) {
        String s = write(e, parent);
        return paren ? "(" + s + ")" : s;
    }

    private String operand(Expr e, Expr parent, int min) {
        return wrap(e, parent, level(e) < min);
    }

    private String write(Expr e, Expr parent) {
        return switch (e) {
            case Var v -> name(v.name());
            case Num n -> number(n.value());
            case Size s -> s.dim().toString();
            case Zero z -> z.shape().isScalar() ? "0" : elementwiseContext(parent) ? "0" : "zeros(" + dims(z.shape()) + ")";
            case Identity i -> "eye(" + i.n() + ")";
            case Ones o -> elementwiseContext(parent) ? "1" : "ones(" + dims(o.shape()) + ")";
            case Commutation k -> "commutation(" + k.m() + ", " + k.n() + ")";
            case Add a -> sum(a);
            // -a*b reads as -(a*b): a product needs no parentheses after a minus
            case Neg n -> "-" + wrap(n.a(), e, level(n.a()) < PRODUCT || n.a() instanceof Neg || startsWithMinus(n.a()));
            case MatMul m -> product(m.a(), m.b(), unicode ? "·" : "*", e, true);
            case Scale s when s.s() instanceof Num n && reciprocal(n.value()) > 0 ->
                    operand(s.a(), e, PRODUCT) + " / " + reciprocal(n.value());
            // (1 / B)*X is written X / B
            case Scale s when s.s() instanceof Divide d && Ex.isOne(d.a()) ->
                    operand(s.a(), e, PRODUCT) + " / " + operand(d.b() instanceof Broadcast b ? b.a() : d.b(), e, UNARY);
            case Scale s -> product(s.s(), s.a(), unicode ? "·" : "*", e, true);
            case Hadamard h -> product(h.a(), h.b(), unicode ? " ⊙ " : " .* ", e, false);
            case Divide d -> {
                boolean byScalar = d.b() instanceof Broadcast b && b.a().shape().isScalar() || d.b().shape().isScalar();
                Expr den = d.b() instanceof Broadcast b && byScalar ? b.a() : d.b();
                String op = byScalar ? " / " : " ./ ";
                yield operand(d.a(), e, PRODUCT) + op + operand(den, e, UNARY);
            }
            case Power p -> {
                String op = p.a().shape().isScalar() ? "^" : ".^";
                yield operand(p.a(), e, POSTFIX) + op + number(p.p());
            }
            case Transpose t -> operand(t.a(), e, POSTFIX) + (unicode ? "ᵀ" : "'");
            case Apply a -> function(a) + "(" + write(a.a(), null) + ")";
            case OpaqueScalar o -> o.name() + "'".repeat(o.order()) + "(" + write(o.a(), null) + ")";
            case Softmax s -> s.kind().fname + "(" + write(s.a(), null) + ")";
            case Reduce r -> "sum(" + write(r.a(), null) + switch (r.axis()) {
                case COLUMNS -> ", 1)";
                case ROWS -> ", 2)";
                default -> ")";
            };
            case Broadcast b -> broadcast(b, parent);
            case MatFn m -> m.op().fname + "(" + write(m.a(), null) + ")";
            case DiagMatrix d -> "diag(" + write(d.v(), null) + ")";
            case DiagPart d -> "diag(" + write(d.m(), null) + ")";
            case Kron k -> "kron(" + write(k.a(), null) + ", " + write(k.b(), null) + ")";
            case Reshape r -> r.shape().isColumn() ? "vec(" + write(r.a(), null) + ")"
                    : "reshape(" + write(r.a(), null) + ", " + dims(r.shape()) + ")";
            case Slice s -> slice(s, e);
            case Concat c -> concat(c);
            case Derivative d -> derivative(d);
        };
    }

    /** k where v is 1/k for a whole k of 2 or more (0.5*X is written X / 2), else 0. */
    private static long reciprocal(double v) {
        if (v <= 0 || v >= 1) return 0;
        double k = 1 / v;
        return Math.abs(k - Math.rint(k)) < 1e-9 && k < 1e6 ? Math.round(k) : 0;
    }

    private static boolean startsWithMinus(Expr e) {
        return switch (e) {
            case Num n -> n.value() < 0;
            case MatMul m -> startsWithMinus(m.a());
            case Scale s -> startsWithMinus(s.s());
            case Hadamard h -> startsWithMinus(h.a());
            default -> false;
        };
    }

    private static boolean elementwiseContext(Expr parent) {
        return parent instanceof Add || parent instanceof Hadamard || parent instanceof Divide;
    }

    private String broadcast(Broadcast b, Expr parent) {
        if (elementwiseContext(parent)) return write(b.a(), parent);
        Shape s = b.shape(), a = b.a().shape();
        if (a.isScalar()) return operand(b.a(), b, PRODUCT) + "*ones(" + dims(s) + ")";
        if (a.isColumn()) return operand(b.a(), b, PRODUCT) + "*ones(1, " + s.cols() + ")";
        return "ones(" + s.rows() + ", 1)*" + operand(b.a(), b, PRODUCT);
    }

    private String sum(Add a) {
        StringBuilder out = new StringBuilder();
        for (Expr t : a.terms()) {
            if (out.isEmpty()) {
                out.append(operand(t, a, SUM));
            } else if (t instanceof Neg n) {
                out.append(" - ").append(operand(n.a(), a, PRODUCT));
            } else if (t instanceof Num n && n.value() < 0) {
                out.append(" - ").append(number(-n.value()));
            } else {
                out.append(" + ").append(operand(t, a, SUM));
            }
        }
        return out.toString();
    }

    /** Products associate, so a product on the right needs no parentheses inside another of its kind. */
    private String product(Expr l, Expr r, String op, Expr parent, boolean matrixKind) {
        boolean leftSameKind = !matrixKind || !(l instanceof Hadamard || l instanceof Divide);
        String left = wrap(l, parent, level(l) < PRODUCT || (level(l) == PRODUCT && !leftSameKind));
        boolean rightSameKind = matrixKind ? (r instanceof MatMul || r instanceof Scale) : r instanceof Hadamard;
        // s*X .* Y is (s*X) .* Y = s*(X .* Y) when s is a scalar
        boolean scalarScale = parent instanceof Scale && (r instanceof Hadamard || r instanceof Divide);
        boolean paren = level(r) < PRODUCT || (level(r) == PRODUCT && !rightSameKind && !scalarScale) || r instanceof Neg;
        return left + op + wrap(r, parent, paren);
    }

    private String slice(Slice s, Expr self) {
        Shape a = s.a().shape();
        String target = operand(s.a(), self, POSTFIX);
        if (a.isColumn() && !a.isScalar()) return target + "[" + range(s.rows(), a.rows()) + "]";
        return target + "[" + range(s.rows(), a.rows()) + ", " + range(s.cols(), a.cols()) + "]";
    }

    private static String range(Range r, Dim size) {
        if (r.from().equals(Dim.ONE) && r.to().equals(size)) return ":";
        String to = r.to().equals(size) ? "end" : r.to().toString();
        if (r.from().equals(r.to())) return to;
        return r.from() + ":" + to;
    }

    private String concat(Concat c) {
        String sep = c.axis() == Axis.VERTICAL ? "; " : ", ";
        String inner = c.parts().stream().map(p -> {
            String s = write(p, null);
            return p instanceof Concat ? s.substring(1, s.length() - 1) : s;
        }).collect(Collectors.joining(sep));
        return "[" + inner + "]";
    }

    private String derivative(Derivative d) {
        String of = write(d.of(), null);
        String wrt = d.wrt().name();
        if (d.of() instanceof Var v && !fileNames.contains("d" + v.name()) && !fileNames.contains("d" + wrt)) {
            return unicode ? "∂" + name(v.name()) + "/∂" + name(wrt) : "d" + v.name() + "/d" + wrt;
        }
        return "d(" + of + ")/d(" + wrt + ")";
    }

    private String dims(Shape s) {
        return s.rows() + ", " + s.cols();
    }

    private static final String SUBSCRIPT_FROM = "0123456789aehklmnopstx";
    private static final String SUBSCRIPT_TO = "₀₁₂₃₄₅₆₇₈₉ₐₑₕₖₗₘₙₒₚₛₜₓ";

    /** On paper: z1 is z₁, W2x is W₂ₓ, yhat is ŷ (unicode mode only). */
    private String name(String n) {
        if (!unicode) return n;
        String base = n;
        String hat = "";
        if (base.endsWith("hat") && base.length() > 3) {
            base = base.substring(0, base.length() - 3);
            hat = "\u0302";
        }
        int i = 0;
        while (i < base.length() && !Character.isDigit(base.charAt(i))) i++;
        String head = base.substring(0, i), tail = base.substring(i);
        StringBuilder sub = new StringBuilder();
        for (char c : tail.toCharArray()) {
            int k = SUBSCRIPT_FROM.indexOf(c);
            if (k < 0) return n;
            sub.append(SUBSCRIPT_TO.charAt(k));
        }
        if (head.isEmpty()) return n;
        if (!hat.isEmpty() && head.length() != 1) return n;
        return head + hat + sub;
    }

    private String function(Expr.Apply a) {
        String f = unicode && a.fn() == chainrule.expr.Builtin.SIGMOID ? "σ" : a.fn().fname();
        return f + "'".repeat(a.order());
    }

    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = Double.toString(v);
        return s.contains("E") ? String.format(java.util.Locale.ROOT, "%.6g", v) : s;
    }
}
