package chainrule.render;

import chainrule.expr.Shape;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every name of a program with its shape and where it comes from, in the order of the file. */
public final class ShapeTable {
    private ShapeTable() {}

    /** origin: declared, inferred or defined; how: the same in words, with the line. */
    public record Row(String name, Shape shape, String origin, int line, String how) {}

    public static List<Row> rows(Program p) {
        List<Row> rows = new ArrayList<>();
        for (Program.Input in : p.inputs().values()) {
            int line = in.span() == null ? 0 : in.span().line();
            String how = in.origin() == Program.Origin.DECLARED ? "declared, line " + line
                    : "inferred from its use at line " + line + ":" + in.span().col();
            if (!in.properties().isEmpty()) {
                how += ", " + String.join(", ", in.properties().stream().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).toList());
            }
            rows.add(new Row(in.name(), in.shape(), in.origin() == Program.Origin.DECLARED ? "declared" : "inferred", line, how));
        }
        for (Program.Definition d : p.definitions()) {
            rows.add(new Row(d.name(), d.shape(), "defined", d.span().line(), "defined, line " + d.span().line()));
        }
        rows.sort(Comparator.comparingInt(Row::line));
        return rows;
    }
}
