package chainrule.eval;

import chainrule.cli.Loader;
import chainrule.expr.Expr;
import chainrule.shape.Program;
import chainrule.source.SourceFile;

/** Test programs from source text. */
final class Programs {
    private Programs() {}

    static Program of(String... lines) {
        return Loader.load(new SourceFile("test.nn", String.join("\n", lines) + "\n"));
    }

    static Expr.Var var(Program p, String name) {
        return new Expr.Var(name, p.shapeOf(name));
    }

    /** A definition's body, or an input as a variable. */
    static Expr body(Program p, String name) {
        Program.Definition d = p.byName().get(name);
        return d != null ? d.body() : var(p, name);
    }
}
