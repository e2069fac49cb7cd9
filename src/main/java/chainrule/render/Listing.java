package chainrule.render;

import java.math.BigDecimal;
import java.math.MathContext;
import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.diff.Step;
import chainrule.eval.CheckResult;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.shape.Program;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.linear.RealMatrix;

/** The text the command line prints: one derivative or step a line, its shape lined up after it. */
public final class Listing {
    private final Text text;
    private final StringBuilder out = new StringBuilder();
    /** A step is printed once, however many answers refer to it. */
    private final Set<Expr.Derivative> printed = new java.util.HashSet<>();
    /** Names given to what long answers repeat (t1 = ...), never reused within one listing. */
    private final Set<String> taken;
    private final java.util.Map<Expr, Expr> written = new java.util.IdentityHashMap<>();
    /** The definitions to print before an expression, the first to use them. */
    private final java.util.Map<Expr, List<Sharing.Let>> definitions = new java.util.IdentityHashMap<>();

    public Listing(Text text) {
        this.text = text;
        this.taken = new java.util.HashSet<>(text.fileNames());
    }

    /**
     * Before a request's steps and answers: names for what they would repeat (see {@link
     * Sharing}), each printed as a definition just before the first line that uses it.
     */
    public void name(List<Step> steps, List<Answer> answers, boolean chain) {
        List<Expr> roots = new java.util.ArrayList<>();
        for (Step s : steps) roots.add(s.value());
        for (Answer a : answers) {
            if (chain) for (Step s : a.allSteps()) roots.add(s.value());
            else roots.add(a.expression());
        }
        Sharing.Written w = Sharing.name(roots, taken);
        for (int i = 0; i < roots.size(); i++) {
            if (!w.introducedBy(i).isEmpty()) definitions.put(roots.get(i), w.introducedBy(i));
            if (w.exprs().get(i) != roots.get(i)) written.put(roots.get(i), w.exprs().get(i));
        }
    }

    /** e written with the names, after the definitions it is the first to need. */
    private String render(Expr e) {
        define(e);
        return text.render(written.getOrDefault(e, e));
    }

    /** The definitions e is the first to need, printed (also where e itself is not, as a step printed before). */
    private void define(Expr e) {
        List<Sharing.Let> lets = definitions.remove(e);
        if (lets != null) {
            for (Sharing.Let let : lets) println(line(text.render(let.name()), text.render(let.value()), text.shape(let.value().shape())));
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void println(String line) {
        out.append(line).append('\n');
    }

    /** The named steps a request's answers refer to, each once, before the answers. */
    public void steps(List<Step> steps) {
        for (Step s : steps) step(s);
    }

    private void step(Step s) {
        if (printed.add(s.name())) println(line(text.derivativeName(s.name()), render(s.value()), text.shape(s.value().shape())));
        else define(s.value());
    }

    /** An answer; with chain, the whole chain of intermediates before it (a step printed earlier is not repeated). */
    public void answer(Answer a, boolean chain, CheckResult check, RealMatrix value, String valuesName) {
        if (chain) for (Step s : a.allSteps().subList(0, a.allSteps().size() - 1)) step(s);
        Expr.Derivative answered = Ex.derivative(a.ofExpr(), a.wrt());
        // a later chain that passes through this answer (a Hessian's, through its gradient) does not repeat it
        if (chain) printed.add(answered);
        String name = text.derivativeName(answered);
        Expr last = chain ? a.allSteps().get(a.allSteps().size() - 1).value() : a.expression();
        println(line(name, render(last), text.shape(a.shape()) + "  " + a.kind()
                + (Json.independent(a) ? "  (" + Json.independence(a) + ")" : "")));
        if (check != null) println("  " + checkLine(check));
        if (value != null) println("  value at " + valuesName + ": " + matrix(value));
    }

    public void claim(ClaimResult r) {
        println("line " + r.line() + ": claim " + r.text());
        // a message's further lines (values side by side, the expected derivation) go under its first
        println("  " + r.verdict().word + ": " + r.message().replace("\n", "\n    "));
    }

    /** A bare expression, simplified; a long one after the names for what it repeats. */
    public void shown(Expr e) {
        Sharing.Written w = Sharing.name(List.of(e), taken);
        for (Sharing.Let let : w.lets()) println(line(text.render(let.name()), text.render(let.value()), text.shape(let.value().shape())));
        println(line(text.render(w.exprs().get(0)), text.shape(e.shape())));
    }

    /** Every name with its shape and where it comes from, lined up; then the dimension symbols and notes. */
    public void shapes(Program p) {
        shapes(p, java.util.function.UnaryOperator.identity());
    }

    /** place: where a place in the program's source is shown (see {@link ShapeTable#listed}). */
    public void shapes(Program p, java.util.function.UnaryOperator<chainrule.source.Span> place) {
        List<ShapeTable.Row> rows = ShapeTable.listed(p, place);
        int width = rows.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        int shapeWidth = rows.stream().mapToInt(r -> r.written().length()).max().orElse(5);
        for (ShapeTable.Row r : rows) {
            println(String.format(java.util.Locale.ROOT, "%-" + width + "s  %-" + shapeWidth + "s  %s", r.name(), r.written(), r.how()));
        }
        if (!p.dims().isEmpty()) println("dimensions: " + String.join(", ", p.dims()));
        for (String note : p.notes()) println("note: " + note);
    }

    public void say(String line) {
        println(line);
    }

    public static String checkLine(CheckResult c) {
        return (c.passed() ? "check: passed" : "check: FAILED")
                + String.format(java.util.Locale.ROOT, ", max relative error %.2g over %d points", c.maxRelError(), c.points());
    }

    /** An expression and, after some room, its shape. */
    public static String line(String name, String expr, String shape) {
        return line(name + " = " + expr, shape);
    }

    public static String line(String left, String shape) {
        int pad = Math.max(2, 48 - left.length());
        return left + " ".repeat(pad) + shape;
    }

    /**
     * A number as text shows it, the same in every locale: whole numbers as such, others to 10
     * significant digits with no trailing zeros (2.7, not 2.6999999999999997), 1.5e-12 beyond.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 15) return d.toPlainString();
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /** A matrix as [a, b; c, d], a scalar as its number. */
    public static String matrix(RealMatrix m) {
        if (m.getRowDimension() == 1 && m.getColumnDimension() == 1) return number(m.getEntry(0, 0));
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < m.getRowDimension(); i++) {
            if (i > 0) out.append("; ");
            for (int j = 0; j < m.getColumnDimension(); j++) {
                if (j > 0) out.append(", ");
                out.append(number(m.getEntry(i, j)));
            }
        }
        return out.append(']').toString();
    }
}
