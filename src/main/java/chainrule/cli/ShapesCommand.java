package chainrule.cli;

import chainrule.expr.Dim;
import chainrule.expr.Shape;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "shapes", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Every name with its shape, declared or inferred.",
        description = "Inputs, definitions and functions with their shapes and where each came from; a shape that does not fit is an error at the place it arises.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule shapes test-cases/seeds/003_mnist_sigmoid_softmax.nn",
            "  chainrule shapes net.nn --format json"})
final class ShapesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Program p = Loader.load(file);
        Output output = common.output();
        List<Row> rows = rows(p);
        if (common.format == CommonOptions.Format.latex) {
            StringBuilder out = new StringBuilder("\\begin{aligned}\n");
            for (Row r : rows) {
                out.append("  ").append(chainrule.render.Latex.name(r.name)).append(" &\\in ")
                        .append(chainrule.render.Latex.space(r.shape)).append(" \\\\\n");
            }
            output.out().print(out.append("\\end{aligned}\n"));
            output.out().flush();
        } else if (output.json()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.name);
                m.put("shape", shapeJson(r.shape));
                m.put("origin", r.origin);
                m.put("line", r.line);
                list.add(m);
            }
            Map<String, Object> top = new LinkedHashMap<>();
            top.put("shapes", list);
            top.put("dims", new ArrayList<>(p.dims()));
            top.put("notes", p.notes());
            output.printJson(top);
        } else {
            int width = rows.stream().mapToInt(r -> r.name.length()).max().orElse(4);
            int shapeWidth = rows.stream().mapToInt(r -> r.shape.toString().length()).max().orElse(5);
            for (Row r : rows) {
                output.out().println(String.format("%-" + width + "s  %-" + shapeWidth + "s  %s", r.name, r.shape, r.how));
            }
            if (!p.dims().isEmpty()) output.out().println("dimensions: " + String.join(", ", p.dims()));
            for (String note : p.notes()) output.out().println("note: " + note);
        }
        return Main.OK;
    }

    record Row(String name, Shape shape, String origin, int line, String how) {}

    static List<Row> rows(Program p) {
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
        rows.sort((a, b) -> Integer.compare(a.line, b.line));
        return rows;
    }

    static List<Object> shapeJson(Shape s) {
        return List.of(dimJson(s.rows()), dimJson(s.cols()));
    }

    static Object dimJson(Dim d) {
        return d.isConstant() ? (Object) d.constant() : d.toString();
    }
}
