package chainrule.render;

import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Fn;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes an expression in LaTeX as a textbook does: juxtaposition for matrix products, ^{\top},
 * \odot, fractions for derivatives and for division by a scalar, names with their subscripts
 * and accents (see {@link LatexNames}). The output is math-mode LaTeX that amsmath and amssymb
 * take, and KaTeX too. Parentheses follow one precedence table, as in {@link Text}.
 */
public final class Latex {
    /** Precedence, loosest first, as in the grammar and in {@link Text}. */
    private static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, POSTFIX = 5, ATOM = 6;

    /** The kinds of product: only a product of the same kind goes unparenthesized inside another. */
    private enum Kind { MATRIX, HADAMARD, OSLASH, KRON, NONE }

    private Latex() {}

    public static String render(Expr e) {
        PrintedSize.before(e);
        return PrintedSize.after(write(e, null));
    }

    /** d(of)/d(wrt) as a fraction of partials. */
    public static String derivativeName(Derivative d) {
        return write(d, null);
    }

    /** d(of)/d(wrt) for running text, where a fraction would be small: \partial L / \partial W_1. */
    public static String derivativeInline(Derivative d) {
        String wrt = LatexNames.name(d.wrt().name());
        String of = d.of() instanceof Var v ? LatexNames.name(v.name()) : paren(write(d.of(), null));
        return "\\partial " + of + " / \\partial " + wrt;
    }

    public static String name(String n) {
        return LatexNames.name(n);
    }

    /** m \times n */
    public static String shape(Shape s) {
        return dim(s.rows()) + " \\times " + dim(s.cols());
    }

    /** The space a value lives in: \mathbb{R}, \mathbb{R}^{n} for a column, \mathbb{R}^{m \times n} otherwise. */
    public static String space(Shape s) {
        if (s.isScalar()) return "\\mathbb{R}";
        if (s.isColumn()) return "\\mathbb{R}^{" + dim(s.rows()) + "}";
        return "\\mathbb{R}^{" + shape(s) + "}";
    }

    private static final Pattern DIM_TOKEN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*|\\d+|[+\\-*]");

    /** A dimension: n+1, 2n, m n. */
    public static String dim(Dim d) {
        StringBuilder out = new StringBuilder();
        Matcher m = DIM_TOKEN.matcher(d.toString());
        String previous = "";
        while (m.find()) {
            String t = m.group();
            if (t.equals("*")) {
                previous = t;
                continue;
            }
            boolean word = Character.isLetter(t.codePointAt(0)) || t.charAt(0) == '_';
            if (previous.equals("*") && !word) out.append(" \\cdot ");
            else if (previous.equals("*")) out.append(' ');
            out.append(word ? LatexNames.name(t) : t);
            previous = t;
        }
        return out.toString();
    }

    private static int level(Expr e, Expr parent) {
        return switch (e) {
            case Var v -> ATOM;
            case Num n -> n.value() < 0 ? UNARY : number(n.value()).contains("\\times") ? PRODUCT : ATOM;
            case Size s -> s.dim().terms().size() > 1 ? SUM : ATOM;
            case Zero z -> ATOM;
            case Identity i -> ATOM;
            case Ones o -> ATOM;
            case Commutation k -> ATOM;
            case Add a -> SUM;
            case Neg n -> UNARY;
            case MatMul m -> PRODUCT;
            case Scale s -> PRODUCT;
            case Hadamard h -> PRODUCT;
            case Divide d -> byScalar(d) ? ATOM : PRODUCT;
            case Kron k -> PRODUCT;
            case Power p -> POWER;
            case Transpose t -> POSTFIX;
            case Slice s -> POSTFIX;
            case MatFn m -> m.op() == MatOp.INV ? POSTFIX : ATOM;
            case Reduce r -> r.axis() == Axis.COLUMNS || r.axis() == Axis.ROWS ? PRODUCT : ATOM;
            case Broadcast b -> elementwiseContext(parent) ? level(b.a(), parent) : PRODUCT;
            case Apply a -> ATOM;
            case OpaqueScalar o -> ATOM;
            case Softmax s -> ATOM;
            case DiagMatrix d -> ATOM;
            case DiagPart d -> ATOM;
            case Reshape r -> ATOM;
            case Concat c -> ATOM;
            case Derivative d -> ATOM;
        };
    }

    private static Kind kind(Expr e, Expr parent) {
        return switch (e) {
            case MatMul m -> Kind.MATRIX;
            case Scale s -> Kind.MATRIX;
            case Reduce r -> r.axis() == Axis.COLUMNS || r.axis() == Axis.ROWS ? Kind.MATRIX : Kind.NONE;
            case Broadcast b -> elementwiseContext(parent) ? kind(b.a(), parent) : Kind.MATRIX;
            case Hadamard h -> Kind.HADAMARD;
            case Divide d -> byScalar(d) ? Kind.NONE : Kind.OSLASH;
            case Kron k -> Kind.KRON;
            case Var v -> Kind.NONE;
            case Num n -> Kind.NONE;
            case Size s -> Kind.NONE;
            case Zero z -> Kind.NONE;
            case Identity i -> Kind.NONE;
            case Ones o -> Kind.NONE;
            case Commutation k -> Kind.NONE;
            case Add a -> Kind.NONE;
            case Neg n -> Kind.NONE;
            case Power p -> Kind.NONE;
            case Transpose t -> Kind.NONE;
            case Slice s -> Kind.NONE;
            case MatFn m -> Kind.NONE;
            case Apply a -> Kind.NONE;
            case OpaqueScalar o -> Kind.NONE;
            case Softmax s -> Kind.NONE;
            case DiagMatrix d -> Kind.NONE;
            case DiagPart d -> Kind.NONE;
            case Reshape r -> Kind.NONE;
            case Concat c -> Kind.NONE;
            case Derivative d -> Kind.NONE;
        };
    }

    private static String write(Expr e, Expr parent) {
        return switch (e) {
            case Var v -> LatexNames.name(v.name());
            case Num n -> number(n.value());
            case Size s -> dim(s.dim());
            case Zero z -> z.shape().isScalar() || elementwiseContext(parent) ? "0" : "\\mathbf{0}_{" + sized(z.shape()) + "}";
            case Identity i -> "I_{" + dim(i.n()) + "}";
            case Ones o -> ones(o.shape(), parent);
            case Commutation k -> "K_{" + dim(k.m()) + "," + dim(k.n()) + "}";
            case Add a -> sum(a);
            case Neg n -> "-" + negated(n.a(), e);
            case MatMul m -> product(m.a(), m.b(), e);
            case Scale s -> product(s.s(), s.a(), e);
            case Hadamard h -> product(h.a(), h.b(), e);
            case Kron k -> product(k.a(), k.b(), e);
            case Divide d -> divide(d, e);
            case Power p -> scriptBase(p.a(), e)
                    + (p.a().shape().isScalar() ? "^{" + number(p.p()) + "}" : "^{\\circ " + number(p.p()) + "}");
            case Transpose t -> scriptBase(t.a(), e) + "^{\\top}";
            case Apply a -> function(a.fn(), a.order(), write(a.a(), null));
            case OpaqueScalar o -> operatorName(o.name()) + "'".repeat(o.order()) + paren(write(o.a(), null));
            case Softmax s -> switch (s.kind()) {
                case SOFTMAX -> "\\operatorname{softmax}";
                case LOG_SOFTMAX -> "\\log\\operatorname{softmax}";
                case LOGSUMEXP -> "\\operatorname{logsumexp}";
            } + paren(write(s.a(), null));
            case Reduce r -> switch (r.axis()) {
                case COLUMNS -> "\\mathbf{1}^{\\top} " + operand(r.a(), e, PRODUCT + 1);
                case ROWS -> operand(r.a(), e, PRODUCT + 1) + " \\mathbf{1}";
                case ALL, VERTICAL, HORIZONTAL -> "\\operatorname{sum}" + paren(write(r.a(), null));
            };
            case Broadcast b -> broadcast(b, parent);
            case MatFn m -> switch (m.op()) {
                case NORM -> "\\left\\| " + write(m.a(), null) + " \\right\\|" + (m.a().shape().isVector() ? "" : "_F");
                case TRACE -> "\\operatorname{tr}" + paren(write(m.a(), null));
                case DET -> "\\det" + paren(write(m.a(), null));
                case LOGDET -> "\\log\\det" + paren(write(m.a(), null));
                case INV -> scriptBase(m.a(), e) + "^{-1}";
            };
            case DiagMatrix d -> "\\operatorname{diag}" + paren(write(d.v(), null));
            case DiagPart d -> "\\operatorname{diag}" + paren(write(d.m(), null));
            case Reshape r -> r.shape().isColumn() ? "\\operatorname{vec}" + paren(write(r.a(), null))
                    : "\\operatorname{reshape}" + paren(write(r.a(), null) + ", " + dim(r.shape().rows()) + ", " + dim(r.shape().cols()));
            case Slice s -> slice(s);
            case Concat c -> concat(c);
            case Derivative d -> derivative(d);
        };
    }

    private static boolean elementwiseContext(Expr parent) {
        return parent instanceof Add || parent instanceof Hadamard || parent instanceof Divide;
    }

    private static boolean byScalar(Divide d) {
        return d.b() instanceof Broadcast b && b.a().shape().isScalar() || d.b().shape().isScalar();
    }

    private static String wrap(Expr e, Expr parent, boolean paren) {
        String s = write(e, parent);
        return paren ? paren(s) : s;
    }

    private static String operand(Expr e, Expr parent, int min) {
        return wrap(e, parent, level(e, parent) < min);
    }

    /** Parentheses, grown to their content when it is tall (a fraction, a matrix). */
    static String paren(String s) {
        return tall(s) ? "\\left(" + s + "\\right)" : "(" + s + ")";
    }

    private static boolean tall(String s) {
        return s.contains("\\frac") || s.contains("\\begin") || s.contains("\\left");
    }

    /**
     * What a superscript is put on: in parentheses unless it is an atom or a postfix expression
     * that has no superscript yet (W_{2} takes ^{\top}; W^{\top} does not take another).
     */
    private static String scriptBase(Expr e, Expr parent) {
        String s = write(e, parent);
        boolean paren = level(e, parent) < POSTFIX || s.startsWith("\\frac") || topLevelScript(s, '^');
        return paren ? paren(s) : s;
    }

    /** Whether s has the script character outside every brace group. */
    private static boolean topLevelScript(String s, char script) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '}')) {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == script && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a minus sign stands before: a product needs no parentheses, since -(a b) = (-a) b for
     * every kind of product; a sum and another minus do.
     */
    private static String negated(Expr e, Expr parent) {
        boolean paren = level(e, parent) < PRODUCT || e instanceof Neg || e instanceof Num n && n.value() < 0;
        return wrap(e, parent, paren);
    }

    private static String ones(Shape s, Expr parent) {
        if (s.isScalar() || elementwiseContext(parent)) return "1";
        if (s.isColumn()) return "\\mathbf{1}_{" + dim(s.rows()) + "}";
        if (s.isRow()) return "\\mathbf{1}_{" + dim(s.cols()) + "}^{\\top}";
        return "\\mathbf{1}_{" + shape(s) + "}";
    }

    private static String sized(Shape s) {
        return s.isColumn() ? dim(s.rows()) : shape(s);
    }

    private static String broadcast(Broadcast b, Expr parent) {
        if (elementwiseContext(parent)) return write(b.a(), parent);
        Shape s = b.shape(), a = b.a().shape();
        if (a.isScalar()) return operand(b.a(), b, PRODUCT + 1) + " " + ones(s, null);
        if (a.isColumn()) return operand(b.a(), b, PRODUCT + 1) + " \\mathbf{1}_{" + dim(s.cols()) + "}^{\\top}";
        return "\\mathbf{1}_{" + dim(s.rows()) + "} " + operand(b.a(), b, PRODUCT + 1);
    }

    private static String sum(Add a) {
        StringBuilder out = new StringBuilder();
        for (Expr t : a.terms()) {
            if (out.isEmpty()) {
                out.append(operand(t, a, SUM));
            } else if (t instanceof Neg n) {
                out.append(" - ").append(negated(n.a(), a));
            } else if (t instanceof Num n && n.value() < 0) {
                out.append(" - ").append(number(-n.value()));
            } else {
                out.append(" + ").append(operand(t, a, SUM));
            }
        }
        return out.toString();
    }

    /** The terms of a sum, each with its sign (" + " or " - ") and its LaTeX, for breaking a long line. */
    public static List<String[]> terms(Add a) {
        List<String[]> out = new ArrayList<>();
        for (Expr t : a.terms()) {
            if (t instanceof Neg n) out.add(new String[] {"-", negated(n.a(), a)});
            else if (t instanceof Num n && n.value() < 0) out.add(new String[] {"-", number(-n.value())});
            else out.add(new String[] {"+", operand(t, a, SUM)});
        }
        return out;
    }

    private static String product(Expr l, Expr r, Expr parent) {
        Kind k = kind(parent, null);
        String left = wrap(l, parent, leftNeedsParens(l, parent, k));
        String right = wrap(r, parent, rightNeedsParens(r, parent, k));
        String op = switch (k) {
            case HADAMARD -> " \\odot ";
            case OSLASH -> " \\oslash ";
            case KRON -> " \\otimes ";
            case MATRIX, NONE -> juxtapose(left, right) ? " " : " \\cdot ";
        };
        return left + op + right;
    }

    /** Matrix products are written side by side, unless two numbers would run together. */
    private static boolean juxtapose(String left, String right) {
        char first = right.charAt(0);
        return !(Character.isDigit(first) || first == '-' || first == '.');
    }

    private static boolean leftNeedsParens(Expr l, Expr parent, Kind k) {
        int lv = level(l, parent);
        if (lv < PRODUCT) return true;
        if (lv > PRODUCT) return false;
        Kind lk = kind(l, parent);
        // a matrix product binds tighter than the elementwise ones, as juxtaposition reads
        return lk != k && !(lk == Kind.MATRIX && (k == Kind.HADAMARD || k == Kind.OSLASH));
    }

    private static boolean rightNeedsParens(Expr r, Expr parent, Kind k) {
        if (r instanceof Neg || r instanceof Num n && n.value() < 0) return true;
        int lv = level(r, parent);
        if (lv < PRODUCT) return true;
        if (lv > PRODUCT) return false;
        Kind rk = kind(r, parent);
        if (rk == Kind.MATRIX && k == Kind.HADAMARD) return false;
        return rk != k || k == Kind.OSLASH;
    }

    private static String divide(Divide d, Expr self) {
        if (!byScalar(d)) return product(d.a(), d.b(), self);
        Expr den = d.b() instanceof Broadcast b ? b.a() : d.b();
        return "\\frac{" + write(d.a(), null) + "}{" + write(den, null) + "}";
    }

    private static String function(Fn fn, int order, String arg) {
        String primes = "'".repeat(order);
        return switch (fn) {
            case Builtin b when b == Builtin.SQRT -> order == 0 ? "\\sqrt{" + arg + "}" : "(\\sqrt{\\cdot})" + primes + paren(arg);
            case Builtin b when b == Builtin.ABS && order == 0 -> "\\left|" + arg + "\\right|";
            case Builtin b -> b.latex + primes + paren(arg);
            case Fn.Opaque o -> operatorName(o.name()) + primes + paren(arg);
        };
    }

    /** A user's function: one letter or a Greek name as itself, a longer name upright. */
    static String operatorName(String n) {
        String asName = LatexNames.name(n);
        if (n.codePointCount(0, n.length()) == 1 || asName.startsWith("\\") && !asName.startsWith("\\mathit")) return asName;
        return "\\operatorname{" + LatexNames.escape(n) + "}";
    }

    /** Indexing as in the input syntax, 1-based and inclusive: W_3[2{:}11,\, {:}], x[3]. */
    private static String slice(Slice s) {
        Shape a = s.a().shape();
        String written = write(s.a(), s);
        String target = level(s.a(), s) < POSTFIX || written.startsWith("\\frac") ? paren(written) : written;
        String index = a.isColumn() && !a.isScalar() ? range(s.rows(), a.rows())
                : range(s.rows(), a.rows()) + ",\\, " + range(s.cols(), a.cols());
        return target + "[" + index + "]";
    }

    private static String range(Range r, Dim size) {
        if (r.from().equals(Dim.ONE) && r.to().equals(size)) return "{:}";
        String to = r.to().equals(size) && !size.isConstant() ? "\\mathrm{end}" : dim(r.to());
        if (r.from().equals(r.to())) return to;
        return dim(r.from()) + "{:}" + to;
    }

    private static String concat(Concat c) {
        List<List<Expr>> rows = new ArrayList<>();
        if (c.axis() == Axis.VERTICAL) {
            for (Expr p : flatten(c, Axis.VERTICAL)) {
                rows.add(p instanceof Concat h && h.axis() == Axis.HORIZONTAL ? flatten(h, Axis.HORIZONTAL) : List.of(p));
            }
        } else {
            rows.add(flatten(c, Axis.HORIZONTAL));
        }
        String body = rows.stream()
                .map(row -> row.stream().map(p -> write(p, null)).collect(Collectors.joining(" & ")))
                .collect(Collectors.joining(" \\\\ "));
        return "\\begin{bmatrix} " + body + " \\end{bmatrix}";
    }

    private static List<Expr> flatten(Concat c, Axis axis) {
        List<Expr> out = new ArrayList<>();
        for (Expr p : c.parts()) {
            if (p instanceof Concat inner && inner.axis() == axis) out.addAll(flatten(inner, axis));
            else out.add(p);
        }
        return out;
    }

    private static String derivative(Derivative d) {
        String wrt = LatexNames.name(d.wrt().name());
        if (d.of() instanceof Var v) return "\\frac{\\partial " + LatexNames.name(v.name()) + "}{\\partial " + wrt + "}";
        return "\\frac{\\partial}{\\partial " + wrt + "}\\left(" + write(d.of(), null) + "\\right)";
    }

    /** A number as LaTeX: 3, 0.5, 1.5 \times 10^{-7}. */
    public static String number(double v) {
        String s = Text.number(v);
        int e = s.indexOf('e');
        if (e < 0) e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(e + 1).replace("+", ""));
        return mantissa + " \\times 10^{" + exponent + "}";
    }
}
