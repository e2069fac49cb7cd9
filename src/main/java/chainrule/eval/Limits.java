package chainrule.eval;

import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Range;
import chainrule.expr.Expr.Slice;
import chainrule.expr.Shape;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.Map;
import java.util.TreeMap;

/**
 * What numeric work (checks, claims, values at --at) accepts at given sizes, checked before any
 * matrix is made: no value of more than {@link #maxEntries()} entries (an OutOfMemoryError is
 * never the answer: the message names the limit and the option that raises it), and every
 * slice inside the value it slices (x[3] of x : n with n = 2 is bad input, naming both).
 */
public final class Limits {
    public static final long DEFAULT_MAX_ENTRIES = 25_000_000;
    public static final String OPTION = "--max-entries";

    /** The process's limit: the command line sets it once, before any work. */
    private static volatile long maxEntries = DEFAULT_MAX_ENTRIES;

    private Limits() {}

    public static long maxEntries() {
        return maxEntries;
    }

    public static void setMaxEntries(long limit) {
        if (limit < 1) throw new IllegalArgumentException("the limit on entries must be at least 1");
        maxEntries = limit;
    }

    /** Every input and every node of every definition at these sizes; an error names the statement. */
    public static void check(Program p, Map<String, Long> sizes) {
        for (Program.Input in : new TreeMap<>(p.inputs()).values()) {
            entries(p.source(), in.span(), in.name(), in.shape(), sizes);
        }
        for (Program.Definition d : p.definitions()) check(p.source(), d.span(), d.name(), d.body(), sizes);
    }

    /** Every node of {@code e} at these sizes; {@code what} names it in a message, {@code span} places it. */
    public static void check(SourceFile source, Span span, String what, Expr e, Map<String, Long> sizes) {
        Children.walk(e, node -> {
            entries(source, span, what, node.shape(), sizes);
            if (node instanceof Slice s) slice(source, span, what, s, sizes);
        });
    }

    private static void entries(SourceFile source, Span span, String what, Shape shape, Map<String, Long> sizes) {
        long r = shape.rows().evaluate(sizes), c = shape.cols().evaluate(sizes);
        if (r < 1 || c < 1) {
            throw ChainRuleException.at(ErrorKind.VALUE, source, span, what + " would be a " + r + " x " + c
                    + " matrix" + at(shape, sizes) + ": no sizes were found that make every dimension at least 1");
        }
        double n = (double) r * c;
        if (n > maxEntries) {
            throw ChainRuleException.at(ErrorKind.VALUE, source, span, what + " needs a " + r + " x " + c
                    + " matrix (" + String.format(java.util.Locale.ROOT, "%.3g", n) + " entries)" + at(shape, sizes)
                    + ", over the limit of " + maxEntries + " entries a matrix for numeric work; " + OPTION
                    + " N raises it");
        }
    }

    private static void slice(SourceFile source, Span span, String what, Slice s, Map<String, Long> sizes) {
        Shape whole = s.a().shape();
        String rows = outside(s.rows(), whole.rows(), sizes, "row");
        String cols = outside(s.cols(), whole.cols(), sizes, "column");
        String wrong = rows != null ? rows : cols;
        if (wrong == null) return;
        throw ChainRuleException.at(ErrorKind.VALUE, source, span, "a slice in " + what + " takes " + wrong
                + " of a " + whole.rows().evaluate(sizes) + " x " + whole.cols().evaluate(sizes) + " value" + at(whole, sizes));
    }

    /** "rows 2 to 3" where the range leaves 1..size, or null. */
    private static String outside(Range r, Dim size, Map<String, Long> sizes, String word) {
        long from = r.from().evaluate(sizes), to = r.to().evaluate(sizes), n = size.evaluate(sizes);
        if (from >= 1 && to <= n && from <= to) return null;
        return from == to ? word + " " + from : word + "s " + from + " to " + to;
    }

    /** " (n = 2)": the sizes the symbols of a shape take, where it has any. */
    private static String at(Shape shape, Map<String, Long> sizes) {
        TreeMap<String, Long> used = new TreeMap<>();
        for (String sym : shape.rows().symbols()) used.put(sym, sizes.get(sym));
        for (String sym : shape.cols().symbols()) used.put(sym, sizes.get(sym));
        if (used.isEmpty()) return "";
        StringBuilder out = new StringBuilder(" with ");
        used.forEach((k, v) -> out.append(out.length() > 6 ? ", " : "").append(k).append(" = ").append(v));
        return out.toString();
    }
}
