package chainrule.cli;

import chainrule.expr.Expr;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;

/** The derive requests of a file, or the one given by --of and --wrt. */
final class Requests {
    private Requests() {}

    static List<Program.Derive> derives(Program p, String of, List<String> wrt) {
        List<Program.Derive> out = new ArrayList<>();
        if (of == null && wrt == null) {
            for (Program.Request r : p.requests()) if (r instanceof Program.Derive d) out.add(d);
            if (out.isEmpty()) throw Loader.usage(p.source().name(), "asks for no derivative: add 'derive L wrt W' or give --of and --wrt");
            return out;
        }
        if (of == null || wrt == null) {
            // one of the two: take the other from the file's requests
            for (Program.Request r : p.requests()) {
                if (r instanceof Program.Derive d) {
                    Expr ofExpr = of == null ? d.of() : value(p, of);
                    String ofText = of == null ? d.ofText() : of;
                    List<Expr.Var> ws = wrt == null ? d.wrt() : wrt.stream().map(w -> value(p, w)).toList();
                    out.add(new Program.Derive(ofExpr, ofText, ws, d.span()));
                }
            }
            if (out.isEmpty()) throw Loader.usage(p.source().name(), "asks for no derivative: give both --of and --wrt");
            return out;
        }
        out.add(new Program.Derive(value(p, of), of, wrt.stream().map(w -> value(p, w)).toList(), chainrule.source.Span.NONE));
        return out;
    }

    static Expr.Var value(Program p, String name) {
        var shape = p.shapeOf(name.strip());
        if (shape == null) throw Loader.usage(p.source().name(), "no name '" + name.strip() + "' in the file");
        return new Expr.Var(name.strip(), shape);
    }
}
