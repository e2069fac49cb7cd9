package chainrule.render;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import chainrule.render.Notation.Prec;
import chainrule.render.Notation.Style;
import java.util.List;
import java.util.Set;

/**
 * Writes an expression in chainrule's input syntax (so an answer can be pasted back as a claim),
 * with the fewest parentheses the precedence table allows; or, with unicode, as people write
 * it on paper (ᵀ, ⊙, subscripts), which is for reading only.
 */
public final class Text implements chainrule.expr.Spelling {
    private final boolean unicode;
    private final Set<String> fileNames;

    /** fileNames: the names of the problem file, so that dL/dW is used only where it cannot be misread. */
    public Text(boolean unicode, Set<String> fileNames) {
        this.unicode = unicode;
        this.fileNames = fileNames;
    }

    /** The names of the problem file. */
    Set<String> fileNames() {
        return fileNames;
    }

    @Override
    public String render(Expr e) {
        PrintedSize.before(e);
        return PrintedSize.after(write(e));
    }

    /** Written with the names that the listing gives (see {@link Sharing}). */
    @Override
    public Shared shared(List<Expr> exprs) {
        Sharing.Written w = Sharing.name(exprs, new java.util.HashSet<>(fileNames));
        List<List<String>> definitions = new java.util.ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            definitions.add(w.introducedBy(i).stream().map(let -> render(let.name()) + " = " + render(let.value())).toList());
        }
        return new Shared(definitions, w.exprs().stream().map(this::render).toList());
    }

    @Override
    public String shape(Shape s) {
        return s.rows() + (unicode ? " × " : " x ") + s.cols();
    }

    /** The name of a derivative, as a step is named: dL/dz2, or d(L)/d(z2) where dL would be misread. */
    @Override
    public String derivativeName(Derivative d) {
        if (Ex.isHessian(d) && ((Derivative) d.of()).of() instanceof Var v && !fileNames.contains("d2" + v.name())) {
            String w = d.wrt().name();
            // d2L/dw2, and d2L/dW1^2 where the name ends in a digit
            String square = Character.isDigit(w.charAt(w.length() - 1)) ? "^2" : "2";
            return unicode ? "∂²" + name(v.name()) + "/∂" + name(w) + "²" : "d2" + v.name() + "/d" + w + square;
        }
        return write(d);
    }

    private String wrap(Expr e, boolean paren) {
        String s = write(e);
        return paren ? "(" + s + ")" : s;
    }

    /** An operand of a prefix or postfix operator: in parentheses when it binds more loosely than at. */
    private String operand(Expr e, Prec at) {
        return wrap(e, Notation.prec(e, Style.TEXT).compareTo(at) < 0);
    }

    /** A product: its right operand in parentheses where regrouping would change it, its left one for clarity only. */
    private String product(Expr whole, Notation.Infix in) {
        String op = switch (in.op()) {
            case MATRIX, SCALE -> unicode ? "·" : "*";
            case HADAMARD -> unicode ? " ⊙ " : " .* ";
            case EDIVIDE -> " ./ ";
            case DIVIDE -> " / ";
            case KRON, OTHER -> throw new IllegalStateException("internal: no infix " + in.op() + " in text");
        };
        boolean left = Notation.textLeftParens(in.left(), in.op());
        return wrap(in.left(), left) + op + wrap(in.right(), Notation.textParens(in.left(), in.op(), in.right(), whole.shape()));
    }

    private String write(Expr e) {
        return switch (e) {
            case Var v -> name(v.name());
            case Num n -> number(n.value());
            case Size s -> s.dim().toString();
            case Zero z -> z.shape().isScalar() ? "0" : call("zeros", z.shape().rows(), z.shape().cols());
            case Identity i -> call("eye", i.n());
            case Ones o -> call("ones", o.shape().rows(), o.shape().cols());
            case Commutation k -> call("commutation", k.m(), k.n());
            case Add a -> sum(a);
            // -a*b reads as (-a)*b, the same for every kind of product
            case Neg n -> "-" + wrap(n.a(), Notation.prec(n.a(), Style.TEXT).compareTo(Prec.PRODUCT) < 0
                    || Notation.startsWithMinus(n.a()));
            case MatMul m -> product(e, Notation.infix(e));
            case Scale s -> product(e, Notation.infix(e));
            case Hadamard h -> product(e, Notation.infix(e));
            case Divide d -> product(e, Notation.infix(e));
            case Power p -> operand(p.a(), Prec.POSTFIX) + (p.a().shape().isScalar() ? "^" : ".^") + exponent(p.p());
            // the exponent is a primary in the grammar: a name or a number, else in parentheses
            case PowerBy p -> operand(p.a(), Prec.POSTFIX) + (p.a().shape().isScalar() ? "^" : ".^")
                    + wrap(p.p(), Notation.prec(p.p(), Style.TEXT) != Prec.ATOM || Notation.startsWithMinus(p.p()));
            case Extremum x -> (x.max() ? "max(" : "min(") + write(x.a()) + switch (x.axis()) {
                case COLUMNS -> ", [], 1)";
                case ROWS -> ", [], 2)";
                case ALL, VERTICAL, HORIZONTAL -> ")";
            };
            case Transpose t when Notation.rowwise(t) -> ((Softmax) t.a()).kind().fname + "("
                    + write(Ex.transpose(((Softmax) t.a()).a())) + ", 2)";
            case Transpose t -> operand(t.a(), Prec.POSTFIX) + (unicode ? "ᵀ" : "'");
            case Apply a -> call(function(a), a.a());
            case OpaqueScalar o -> call(o.name() + "'".repeat(o.order()), o.a());
            case Softmax s -> call(s.kind().fname, s.a());
            case Reduce r -> switch (r.axis()) {
                case COLUMNS -> call("sum", r.a(), 1);
                case ROWS -> call("sum", r.a(), 2);
                case ALL, VERTICAL, HORIZONTAL -> call("sum", r.a());
            };
            case Broadcast b -> product(e, Notation.infix(e));
            case MatFn m -> call(m.op().fname, m.a());
            case DiagMatrix d -> call("diag", d.v());
            case DiagPart d -> call("diag", d.m());
            case Kron k -> call("kron", k.a(), k.b());
            case Reshape r -> r.shape().isColumn() ? call("vec", r.a()) : call("reshape", r.a(), r.shape().rows(), r.shape().cols());
            case Slice s -> slice(s);
            case Concat c -> concat(c);
            case Derivative d -> derivative(d);
        };
    }

    /**
     * A function call: f(a, b). Its arguments are expressions, or sizes and numbers written as
     * they are. A function that prints as a call is one line of {@link #write}:
     * {@code case Max m -> call("max", m.a(), m.b());}.
     */
    private String call(String f, Object... args) {
        StringBuilder out = new StringBuilder(f).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) out.append(", ");
            out.append(args[i] instanceof Expr x ? write(x) : args[i].toString());
        }
        return out.append(')').toString();
    }

    /** An exponent is a number, or a negative one (x.^-1), as the grammar takes it; a fraction stays one: s^(2/3). */
    private static String exponent(double p) {
        chainrule.expr.Fraction f = chainrule.expr.Fraction.of(p);
        return f == null ? number(p) : "(" + f.p() + "/" + f.q() + ")";
    }

    private String sum(Add a) {
        StringBuilder out = new StringBuilder();
        for (Expr t : Notation.elementwise(a.terms(), a.shape())) {
            if (out.isEmpty()) {
                // a sum that is the first term of a sum reads the same without parentheses
                out.append(wrap(t, Notation.prec(t, Style.TEXT) == Prec.SUM && !(t instanceof Add)));
            } else if (t instanceof Neg n) {
                out.append(" - ").append(wrap(n.a(), Notation.prec(n.a(), Style.TEXT).compareTo(Prec.PRODUCT) < 0
                        || Notation.startsWithMinus(n.a())));
            } else if (t instanceof Num n && n.value() < 0) {
                out.append(" - ").append(number(-n.value()));
            } else {
                out.append(" + ").append(wrap(t, Notation.prec(t, Style.TEXT) == Prec.SUM || Notation.startsWithMinus(t)));
            }
        }
        return out.toString();
    }

    private String slice(Slice s) {
        Shape a = s.a().shape();
        String target = operand(s.a(), Prec.POSTFIX);
        if (a.isColumn() && !a.isScalar()) return target + "[" + range(s.rows(), a.rows()) + "]";
        return target + "[" + range(s.rows(), a.rows()) + ", " + range(s.cols(), a.cols()) + "]";
    }

    private static String range(Range r, Dim size) {
        if (r.from().equals(Dim.ONE) && r.to().equals(size)) return ":";
        String to = r.to().equals(size) ? "end" : r.to().toString();
        if (r.from().equals(r.to())) return to;
        return r.from() + ":" + to;
    }

    /** [a, b; c]: rows of a bracket as {@link Notation#rows} lays them out; a part that is itself a bracket keeps its own. */
    private String concat(Concat c) {
        StringBuilder out = new StringBuilder("[");
        List<List<Expr>> rows = Notation.rows(c);
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) out.append("; ");
            List<Expr> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) out.append(i > 0 ? ", " : "").append(write(row.get(i)));
        }
        return out.append(']').toString();
    }

    private String derivative(Derivative d) {
        if (Ex.isHessian(d)) return call("hessian", ((Derivative) d.of()).of(), d.wrt());
        String of = write(d.of());
        String wrt = d.wrt().name();
        if (d.of() instanceof Var v && !fileNames.contains("d" + v.name()) && !fileNames.contains("d" + wrt)) {
            return unicode ? "∂" + name(v.name()) + "/∂" + name(wrt) : "d" + v.name() + "/d" + wrt;
        }
        return "d(" + of + ")/d(" + wrt + ")";
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

    /** The shortest decimal that reads back as v, as people write it: 0.5, 1e-5, 2.5e-7 (never 1.00000e-05). */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }
}
