package chainrule.render;

import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Fn;
import chainrule.expr.Shape;
import chainrule.render.Notation.Op;
import chainrule.render.Notation.Prec;
import chainrule.render.Notation.Side;
import chainrule.render.Notation.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes an expression in LaTeX as a textbook does: juxtaposition for matrix products, ^{\top},
 * \odot, fractions for derivatives and for division by a scalar, names with their subscripts
 * and accents (see {@link LatexNames}). The output is math-mode LaTeX that amsmath and amssymb
 * take, and KaTeX too. Parentheses and broadcasts follow the operator table all renderers share,
 * {@link Notation}.
 */
public final class Latex {
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

    private static Prec level(Expr e) {
        return Notation.prec(e, Style.LATEX);
    }

    private static String write(Expr e, Expr parent) {
        return switch (e) {
            case Var v -> LatexNames.name(v.name());
            case Num n -> number(n.value());
            case Size s -> dim(s.dim());
            case Zero z -> z.shape().isScalar() ? "0" : "\\mathbf{0}_{" + sized(z.shape()) + "}";
            case Identity i -> "I_{" + dim(i.n()) + "}";
            case Ones o -> ones(o.shape());
            case Commutation k -> "K_{" + dim(k.m()) + "," + dim(k.n()) + "}";
            case Add a -> sum(a);
            case Neg n -> "-" + negated(n.a(), e);
            case MatMul m -> product(m.a(), m.b(), e);
            case Scale s -> product(s.s(), s.a(), e);
            case Hadamard h -> {
                List<Expr> w = Notation.elementwise(List.of(h.a(), h.b()), h.shape());
                yield product(w.get(0), w.get(1), e);
            }
            case Kron k -> product(k.a(), k.b(), e);
            case Divide d -> divide(d, e);
            case Power p -> scriptBase(p.a(), e)
                    + (p.a().shape().isScalar() ? "^{" + exponent(p.p()) + "}" : "^{\\circ " + exponent(p.p()) + "}");
            case PowerBy p -> scriptBase(p.a(), e)
                    + (p.a().shape().isScalar() ? "^{" + write(p.p(), null) + "}" : "^{\\circ " + write(p.p(), null) + "}");
            // max_{rows} of MATLAB's max(X, [], 1): down each column; max_{cols}: along each row
            case Extremum x -> (x.max() ? "\\max" : "\\min") + switch (x.axis()) {
                case COLUMNS -> "_{\\text{rows}}";
                case ROWS -> "_{\\text{cols}}";
                case ALL, VERTICAL, HORIZONTAL -> "";
            } + paren(write(x.a(), null));
            case Transpose t -> scriptBase(t.a(), e) + "^{\\top}";
            case Apply a -> function(a.fn(), a.order(), write(a.a(), null));
            case OpaqueScalar o -> operatorName(o.name()) + "'".repeat(o.order()) + paren(write(o.a(), null));
            case Softmax s -> switch (s.kind()) {
                case SOFTMAX -> "\\operatorname{softmax}";
                case LOG_SOFTMAX -> "\\log\\operatorname{softmax}";
                case LOGSUMEXP -> "\\operatorname{logsumexp}";
            } + paren(write(s.a(), null));
            case Reduce r -> switch (r.axis()) {
                case COLUMNS -> "\\mathbf{1}^{\\top} " + operand(r.a(), Prec.UNARY);
                case ROWS -> operand(r.a(), Prec.UNARY) + " \\mathbf{1}";
                case ALL, VERTICAL, HORIZONTAL -> "\\operatorname{sum}" + paren(write(r.a(), null));
            };
            case Broadcast b -> broadcast(b);
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

    private static String wrap(Expr e, boolean paren) {
        String s = write(e, null);
        return paren ? paren(s) : s;
    }

    /** An operand of a prefix or postfix form: in parentheses when it binds more loosely than at. */
    private static String operand(Expr e, Prec at) {
        return wrap(e, level(e).compareTo(at) < 0);
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
        boolean paren = level(e).compareTo(Prec.POSTFIX) < 0 || s.startsWith("\\frac") || topLevelScript(s, '^');
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
        boolean paren = level(e).compareTo(Prec.PRODUCT) < 0 || Notation.startsWithMinus(e);
        return wrap(e, paren);
    }

    private static String ones(Shape s) {
        if (s.isScalar()) return "1";
        if (s.isColumn()) return "\\mathbf{1}_{" + dim(s.rows()) + "}";
        if (s.isRow()) return "\\mathbf{1}_{" + dim(s.cols()) + "}^{\\top}";
        return "\\mathbf{1}_{" + shape(s) + "}";
    }

    private static String sized(Shape s) {
        return s.isColumn() ? dim(s.rows()) : shape(s);
    }

    /** A broadcast no operand beside it gives the shape of, written out: s \mathbf{1}_{n}, x \mathbf{1}_{n}^{\top}. */
    private static String broadcast(Broadcast b) {
        Shape s = b.shape(), a = b.a().shape();
        if (a.isScalar()) return operand(b.a(), Prec.UNARY) + " " + ones(s);
        if (a.isColumn()) return operand(b.a(), Prec.UNARY) + " \\mathbf{1}_{" + dim(s.cols()) + "}^{\\top}";
        return "\\mathbf{1}_{" + dim(s.rows()) + "} " + operand(b.a(), Prec.UNARY);
    }

    private static String sum(Add a) {
        StringBuilder out = new StringBuilder();
        for (Expr t : Notation.elementwise(a.terms(), a.shape())) {
            if (out.isEmpty()) {
                out.append(operand(t, Prec.SUM));
            } else if (t instanceof Neg n) {
                out.append(" - ").append(negated(n.a(), a));
            } else if (t instanceof Num n && n.value() < 0) {
                out.append(" - ").append(number(-n.value()));
            } else {
                out.append(" + ").append(wrap(t, level(t) == Prec.SUM || Notation.startsWithMinus(t)));
            }
        }
        return out.toString();
    }

    /** The terms of a sum, each with its sign (" + " or " - ") and its LaTeX, for breaking a long line. */
    public static List<String[]> terms(Add a) {
        List<String[]> out = new ArrayList<>();
        for (Expr t : Notation.elementwise(a.terms(), a.shape())) {
            if (t instanceof Neg n) out.add(new String[] {"-", negated(n.a(), a)});
            else if (t instanceof Num n && n.value() < 0) out.add(new String[] {"-", number(-n.value())});
            else out.add(new String[] {"+", wrap(t, level(t) == Prec.SUM || Notation.startsWithMinus(t))});
        }
        return out;
    }

    private static String product(Expr l, Expr r, Expr parent) {
        Op k = Notation.op(parent, Style.LATEX);
        String left = wrap(l, Notation.parens(l, k, Side.LEFT, Style.LATEX));
        String right = wrap(r, Notation.parens(r, k, Side.RIGHT, Style.LATEX));
        String op = switch (k) {
            case HADAMARD -> " \\odot ";
            case EDIVIDE -> " \\oslash ";
            case KRON -> " \\otimes ";
            case MATRIX, SCALE, DIVIDE, OTHER -> juxtapose(left, right) ? " " : " \\cdot ";
        };
        return left + op + right;
    }

    /** Matrix products are written side by side, unless two numbers would run together. */
    private static boolean juxtapose(String left, String right) {
        char first = right.charAt(0);
        return !(Character.isDigit(first) || first == '-' || first == '.');
    }

    private static String divide(Divide d, Expr self) {
        if (!Notation.byScalar(d)) {
            List<Expr> w = Notation.elementwise(List.of(d.a(), d.b()), d.shape());
            return product(w.get(0), w.get(1), self);
        }
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
        String target = level(s.a()).compareTo(Prec.POSTFIX) < 0 || written.startsWith("\\frac") ? paren(written) : written;
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

    /** A block matrix, laid out by {@link Notation#rows}. */
    private static String concat(Concat c) {
        String body = Notation.rows(c).stream()
                .map(row -> row.stream().map(p -> write(p, null)).collect(Collectors.joining(" & ")))
                .collect(Collectors.joining(" \\\\ "));
        return "\\begin{bmatrix} " + body + " \\end{bmatrix}";
    }

    private static String derivative(Derivative d) {
        String wrt = LatexNames.name(d.wrt().name());
        if (d.of() instanceof Var v) return "\\frac{\\partial " + LatexNames.name(v.name()) + "}{\\partial " + wrt + "}";
        return "\\frac{\\partial}{\\partial " + wrt + "}\\left(" + write(d.of(), null) + "\\right)";
    }

    /** An exponent: 2, -0.5, 2/3 (a fraction from the user stays one). */
    private static String exponent(double p) {
        chainrule.expr.Fraction f = chainrule.expr.Fraction.of(p);
        return f == null ? number(p) : f.p() + "/" + f.q();
    }

    /** A number as LaTeX: 3, 0.5, 1.5 \times 10^{-7}. */
    public static String number(double v) {
        String s = Text.number(v);
        int e = s.indexOf('e');
        if (e < 0) e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1).replace("+", ""));
        return (mantissa.equals("1") ? "" : mantissa + " \\times ") + "10^{" + exponent + "}";
    }
}
