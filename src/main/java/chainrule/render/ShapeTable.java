package chainrule.render;

import chainrule.expr.Shape;
import chainrule.shape.Program;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/** Every name of a program with its shape and where it comes from, in the order of the file. */
public final class ShapeTable {
    private ShapeTable() {}

    /**
     * origin: declared, inferred, defined or function; how: the same in words, with the line.
     * shape is null for a function (fun loss : scalar), which has none.
     */
    public record Row(String name, Shape shape, String origin, int line, String how) {
        /** The shape as the listing writes it: "3 x 2", or "function". */
        public String written() {
            return shape == null ? "function" : shape.toString();
        }
    }

    /** The inputs and definitions, each with its shape. */
    public static List<Row> rows(Program p) {
        return rows(p, UnaryOperator.identity(), false);
    }

    /**
     * Every name, functions too, as the text listing shows them. place: where a place in the
     * program's source is to be named, for a program whose source is not what the user typed (the
     * REPL's statements kept together: the line each was typed at).
     */
    public static List<Row> listed(Program p, UnaryOperator<Span> place) {
        return rows(p, place, true);
    }

    private static List<Row> rows(Program p, UnaryOperator<Span> place, boolean functions) {
        List<Row> rows = new ArrayList<>();
        // in the order of the program's source (the REPL's: the order the statements were kept)
        List<Integer> order = new ArrayList<>();
        for (Program.Input in : p.inputs().values()) {
            Span at = in.span() == null ? null : place.apply(in.span());
            int line = at == null ? 0 : at.line();
            String how = in.origin() == Program.Origin.DECLARED ? "declared, line " + line
                    : "inferred from its use at line " + line + ":" + at.col();
            if (!in.properties().isEmpty()) {
                how += ", " + String.join(", ", in.properties().stream().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).toList());
            }
            rows.add(new Row(in.name(), in.shape(), in.origin() == Program.Origin.DECLARED ? "declared" : "inferred", line, how));
            order.add(in.span() == null ? 0 : in.span().line());
        }
        for (Program.Definition d : p.definitions()) {
            int line = place.apply(d.span()).line();
            rows.add(new Row(d.name(), d.shape(), "defined", line, "defined, line " + line));
            order.add(d.span().line());
        }
        for (var f : functions ? p.functionsAt().entrySet() : java.util.Set.<java.util.Map.Entry<String, Span>>of()) {
            int line = place.apply(f.getValue()).line();
            String kind = p.functions().get(f.getKey()).name().toLowerCase(java.util.Locale.ROOT);
            rows.add(new Row(f.getKey(), null, "function", line, "declared, line " + line + ", " + kind));
            order.add(f.getValue().line());
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) index.add(i);
        index.sort(Comparator.comparingInt(order::get));
        return index.stream().map(rows::get).toList();
    }
}
