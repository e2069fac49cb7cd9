package chainrule.parse;

import java.util.List;
import chainrule.source.Span;

/**
 * A statement moved down a text: every span lowered by some lines and characters. The REPL
 * parses each kept statement once and moves it to where it stands among the others, instead
 * of parsing them all again for every new line.
 */
public final class Shift {
    private final int lines, chars;

    private Shift(int lines, int chars) {
        this.lines = lines;
        this.chars = chars;
    }

    /** The statement as if it began lines lines and chars characters further on (at the start of a line). */
    public static Stmt statement(Stmt s, int lines, int chars) {
        return lines == 0 && chars == 0 ? s : new Shift(lines, chars).stmt(s);
    }

    private Span span(Span s) {
        return s == null || !s.known() ? s : new Span(s.line() + lines, s.col(), s.start() + chars, s.stop() + chars);
    }

    private Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.FunDecl f -> new Stmt.FunDecl(name(f.name()), f.kind(), span(f.span()));
            case Stmt.VarDecl d -> new Stmt.VarDecl(d.names().stream().map(this::name).toList(), d.rows(), d.cols(), d.properties(), span(d.span()));
            case Stmt.Definition d -> new Stmt.Definition(name(d.name()), ast(d.body()), span(d.span()));
            case Stmt.Derive d -> new Stmt.Derive(ast(d.of()), d.wrt().stream().map(this::name).toList(), d.hessian(), span(d.span()));
            case Stmt.Claim c -> new Stmt.Claim(ast(c.lhs()), asts(c.steps()), c.text(), span(c.span()));
            case Stmt.Show w -> new Stmt.Show(ast(w.expr()), span(w.span()));
        };
    }

    private Ast.Name name(Ast.Name n) {
        return new Ast.Name(n.name(), span(n.span()));
    }

    private List<Ast> asts(List<Ast> list) {
        return list.stream().map(this::ast).toList();
    }

    private Ast ast(Ast a) {
        return switch (a) {
            case null -> null;
            case Ast.Name n -> name(n);
            case Ast.Number n -> new Ast.Number(n.value(), n.text(), span(n.span()));
            case Ast.Binary b -> new Ast.Binary(b.op(), ast(b.left()), ast(b.right()), span(b.opSpan()), span(b.span()));
            case Ast.Negate n -> new Ast.Negate(ast(n.operand()), span(n.span()));
            case Ast.Transpose t -> new Ast.Transpose(ast(t.operand()), span(t.span()));
            case Ast.Call c -> new Ast.Call(c.name(), c.primes(), asts(c.args()), span(c.nameSpan()), span(c.span()));
            case Ast.Matrix m -> new Ast.Matrix(m.rows().stream().map(this::asts).toList(), span(m.span()));
            case Ast.Index i -> new Ast.Index(ast(i.target()), i.args().stream().map(this::arg).toList(), span(i.span()));
            case Ast.Derivative d -> new Ast.Derivative(ast(d.of()), ast(d.wrt()), ast(d.asDivision()), span(d.span()));
        };
    }

    private Ast.IndexArg arg(Ast.IndexArg x) {
        return switch (x) {
            case Ast.IndexArg.All all -> new Ast.IndexArg.All(span(all.span()));
            case Ast.IndexArg.At at -> new Ast.IndexArg.At(at.at(), span(at.span()));
            case Ast.IndexArg.Between b -> new Ast.IndexArg.Between(b.from(), b.to(), span(b.span()));
        };
    }
}
