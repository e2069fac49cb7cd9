package chainrule.parse;

import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.List;

/** Places in the plain text written from LaTeX, taken back to the LaTeX they came from. */
final class SpanMap {
    private final SourceFile original;
    private final List<int[]> from;

    SpanMap(SourceFile original, List<int[]> from) {
        this.original = original;
        this.from = from;
    }

    /** The span of text[start, stop) with its line and column (in code points, as the parser counts). */
    static Span spanOf(String text, int start, int stop) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < start && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && !text.startsWith("\r\n", i)) {
                line++;
                lineStart = i + 1;
            }
        }
        int col = text.codePointCount(lineStart, Math.min(start, text.length())) + 1;
        return new Span(line, col, start, stop);
    }

    Span span(Span s) {
        if (!s.known() || from.isEmpty()) return s;
        int n = from.size();
        int start = s.start() < n ? from.get(Math.max(0, s.start()))[0] : from.get(n - 1)[1];
        int stop = s.stop() > s.start() && s.stop() - 1 < n ? from.get(s.stop() - 1)[1] : start;
        return spanOf(original.text(), start, Math.max(start, stop));
    }

    Problem problem(Problem p) {
        return p.source() == null ? p : new Problem(p.kind(), original, p.span() == null ? null : span(p.span()), p.message());
    }

    ChainRuleException exception(ChainRuleException e) {
        return new ChainRuleException(e.problems().stream().map(this::problem).toList());
    }

    Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.FunDecl f -> new Stmt.FunDecl(name(f.name()), f.kind(), span(f.span()));
            case Stmt.VarDecl v -> new Stmt.VarDecl(v.names().stream().map(this::name).toList(), v.rows(), v.cols(),
                    v.properties(), span(v.span()));
            case Stmt.Definition d -> new Stmt.Definition(name(d.name()), ast(d.body()), span(d.span()));
            case Stmt.Derive d -> new Stmt.Derive(ast(d.of()), d.wrt().stream().map(this::name).toList(), d.hessian(), span(d.span()));
            case Stmt.Claim c -> new Stmt.Claim(ast(c.lhs()), c.steps().stream().map(this::ast).toList(), c.text(), span(c.span()));
            case Stmt.Show x -> new Stmt.Show(ast(x.expr()), span(x.span()));
        };
    }

    private Ast.Name name(Ast.Name n) {
        return new Ast.Name(n.name(), span(n.span()));
    }

    Ast ast(Ast a) {
        return switch (a) {
            case Ast.Name n -> name(n);
            case Ast.Number n -> new Ast.Number(n.value(), n.text(), span(n.span()));
            case Ast.Binary b -> new Ast.Binary(b.op(), ast(b.left()), ast(b.right()), span(b.opSpan()), span(b.span()));
            case Ast.Negate n -> new Ast.Negate(ast(n.operand()), span(n.span()));
            case Ast.Transpose t -> new Ast.Transpose(ast(t.operand()), span(t.span()));
            case Ast.Call c -> new Ast.Call(c.name(), c.primes(), c.args().stream().map(this::ast).toList(), span(c.nameSpan()),
                    span(c.span()));
            case Ast.Matrix m -> new Ast.Matrix(m.rows().stream().map(r -> r.stream().map(this::ast).toList()).toList(),
                    span(m.span()));
            case Ast.Index i -> new Ast.Index(ast(i.target()), i.args().stream().map(this::index).toList(), span(i.span()));
            case Ast.Derivative d -> new Ast.Derivative(ast(d.of()), ast(d.wrt()), d.asDivision() == null ? null
                    : ast(d.asDivision()), span(d.span()));
        };
    }

    private Ast.IndexArg index(Ast.IndexArg a) {
        return switch (a) {
            case Ast.IndexArg.All x -> new Ast.IndexArg.All(span(x.span()));
            case Ast.IndexArg.At x -> new Ast.IndexArg.At(x.at(), span(x.span()));
            case Ast.IndexArg.Between x -> new Ast.IndexArg.Between(x.from(), x.to(), span(x.span()));
        };
    }
}
