package chainrule.render;

import chainrule.eval.Evaluator;
import chainrule.eval.Point;
import chainrule.expr.Expr;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * SPEC §2's promise about printed answers, as a check: the text of an expression, parsed and
 * typed again through the front end claims use, has the same shape and the same value.
 */
public final class RoundTrip {
    private RoundTrip() {}

    /** A point: sizes, and the value of every input and definition. */
    public record At(Map<String, Long> sizes, Map<String, RealMatrix> values) {}

    /** The point with every definition of the program evaluated too. */
    public static At at(Program p, Point point, Function<Expr.Derivative, Expr> expand) {
        Map<String, RealMatrix> values = new LinkedHashMap<>(point.values());
        Evaluator ev = new Evaluator(point.sizes(), values, expand);
        for (Program.Definition d : p.definitions()) values.put(d.name(), ev.eval(d.body()));
        return new At(point.sizes(), values);
    }

    /** Reads text back as an expression of the program, as a claim's step is read. */
    public static Expr read(Program p, String text) {
        SourceFile src = new SourceFile("round-trip", text);
        Stmt.Show show = (Stmt.Show) Parse.statement(src);
        return Checker.expression(p, src, show.expr());
    }

    /**
     * Null when e, printed by text and read back, has e's shape and value at every point (where
     * both are finite); otherwise what differs.
     */
    public static String check(Program p, Text text, Expr e, Function<Expr.Derivative, Expr> expand, List<At> points) {
        String printed = text.render(e);
        Expr back;
        try {
            back = read(p, printed);
        } catch (ChainRuleException ex) {
            return printed + "\n    does not read back: " + ex.first().message();
        }
        if (!back.shape().equals(e.shape())) {
            return printed + "\n    reads back as " + back.shape() + ", but it is " + e.shape();
        }
        for (At at : points) {
            RealMatrix want = new Evaluator(at.sizes(), at.values(), expand).eval(e);
            RealMatrix got = new Evaluator(at.sizes(), at.values(), expand).eval(back);
            if (!finite(want) || !finite(got)) continue;
            if (want.getRowDimension() != got.getRowDimension() || want.getColumnDimension() != got.getColumnDimension()) {
                return printed + "\n    at sizes " + at.sizes() + " is " + dims(got) + ", but it is " + dims(want);
            }
            if (!agree(want, got)) {
                return printed + "\n    at sizes " + at.sizes() + " is " + got + ", but it is " + want;
            }
        }
        return null;
    }

    private static String dims(RealMatrix m) {
        return m.getRowDimension() + " x " + m.getColumnDimension();
    }

    static boolean finite(RealMatrix m) {
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int j = 0; j < m.getColumnDimension(); j++) if (!Double.isFinite(m.getEntry(i, j))) return false;
        }
        return true;
    }

    /** Equal up to rounding: regrouping a product or a sum moves the last digits, relative to the largest entry. */
    static boolean agree(RealMatrix a, RealMatrix b) {
        double scale = 1;
        for (int i = 0; i < a.getRowDimension(); i++) {
            for (int j = 0; j < a.getColumnDimension(); j++) {
                scale = Math.max(scale, Math.max(Math.abs(a.getEntry(i, j)), Math.abs(b.getEntry(i, j))));
            }
        }
        for (int i = 0; i < a.getRowDimension(); i++) {
            for (int j = 0; j < a.getColumnDimension(); j++) {
                if (Math.abs(a.getEntry(i, j) - b.getEntry(i, j)) > 1e-7 * scale) return false;
            }
        }
        return true;
    }
}
