package chainrule.repl;

import chainrule.parse.Ast;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a place in a statement of a loaded LaTeX file stands in the LaTeX as written. The session
 * takes such a statement as the file's plain translation of its lines, so a message about it
 * (a shape that does not fit what the session holds already) first points into the translation.
 * The parser reads the file itself into the same syntax tree with every place in the LaTeX (as
 * the command line reports it), so walking the two trees side by side pairs each place of the
 * translation with its place in the LaTeX.
 */
final class LatexPlaces {
    private final SourceFile latex;
    private final Stmt written;

    /** written: the statement as the parser read it from the LaTeX file. */
    LatexPlaces(SourceFile latex, Stmt written) {
        this.latex = latex;
        this.written = written;
    }

    /** A problem in the translated statement {@code typed}, moved to the LaTeX file. */
    Problem place(Problem p, SourceFile typed) {
        if (p.source() != typed) return p;
        Span s = p.span();
        if (s == null || !s.known()) return new Problem(p.kind(), latex, s, p.message());
        return new Problem(p.kind(), latex, moved(s, pairs(typed)), p.message());
    }

    /** Each place of the translation with its place in the LaTeX, in the order the trees are walked. */
    private List<Span[]> pairs(SourceFile typed) {
        List<Span[]> out = new ArrayList<>();
        try {
            List<Stmt> read = Parse.line(typed);
            if (read.size() == 1) statement(read.get(0), written, out);
        } catch (ChainRuleException e) {
            // a translation that does not read leaves the statement's own place
        }
        return out;
    }

    /** The LaTeX place of the node that has exactly s's place, else of its start, else the statement's. */
    private Span moved(Span s, List<Span[]> pairs) {
        Span start = null, whole = null;
        for (Span[] pair : pairs) {
            if (pair[0].start() == s.start() && pair[0].stop() == s.stop() && whole == null) whole = pair[1];
            if (pair[0].start() == s.start() && start == null) start = pair[1];
        }
        if (whole != null) return whole;
        if (start != null) return new Span(start.line(), start.col(), start.start(), start.start() + 1);
        return written.span();
    }

    private static void pair(Span plain, Span tex, List<Span[]> out) {
        if (plain != null && tex != null && plain.known() && tex.known()) out.add(new Span[] {plain, tex});
    }

    private static void statement(Stmt plain, Stmt tex, List<Span[]> out) {
        pair(plain.span(), tex.span(), out);
        switch (plain) {
            case Stmt.FunDecl f -> {
                if (tex instanceof Stmt.FunDecl t) ast(f.name(), t.name(), out);
            }
            case Stmt.VarDecl v -> {
                if (tex instanceof Stmt.VarDecl t) asts(v.names(), t.names(), out);
            }
            case Stmt.Definition d -> {
                if (tex instanceof Stmt.Definition t) {
                    ast(d.name(), t.name(), out);
                    ast(d.body(), t.body(), out);
                }
            }
            case Stmt.Derive d -> {
                if (tex instanceof Stmt.Derive t) {
                    ast(d.of(), t.of(), out);
                    asts(d.wrt(), t.wrt(), out);
                }
            }
            case Stmt.Claim c -> {
                if (tex instanceof Stmt.Claim t) {
                    ast(c.lhs(), t.lhs(), out);
                    asts(c.steps(), t.steps(), out);
                }
            }
            case Stmt.Show s -> {
                if (tex instanceof Stmt.Show t) ast(s.expr(), t.expr(), out);
            }
        }
    }

    private static void asts(List<? extends Ast> plain, List<? extends Ast> tex, List<Span[]> out) {
        if (plain.size() != tex.size()) return;
        for (int i = 0; i < plain.size(); i++) ast(plain.get(i), tex.get(i), out);
    }

    private static void ast(Ast plain, Ast tex, List<Span[]> out) {
        if (plain == null || tex == null) return;
        pair(plain.span(), tex.span(), out);
        switch (plain) {
            case Ast.Name n -> {}
            case Ast.Number n -> {}
            case Ast.Binary b -> {
                if (tex instanceof Ast.Binary t) {
                    pair(b.opSpan(), t.opSpan(), out);
                    ast(b.left(), t.left(), out);
                    ast(b.right(), t.right(), out);
                }
            }
            case Ast.Negate n -> {
                if (tex instanceof Ast.Negate t) ast(n.operand(), t.operand(), out);
            }
            case Ast.Transpose n -> {
                if (tex instanceof Ast.Transpose t) ast(n.operand(), t.operand(), out);
            }
            case Ast.Call c -> {
                if (tex instanceof Ast.Call t) {
                    pair(c.nameSpan(), t.nameSpan(), out);
                    asts(c.args(), t.args(), out);
                }
            }
            case Ast.Matrix m -> {
                if (tex instanceof Ast.Matrix t && m.rows().size() == t.rows().size()) {
                    for (int i = 0; i < m.rows().size(); i++) asts(m.rows().get(i), t.rows().get(i), out);
                }
            }
            case Ast.Index x -> {
                if (tex instanceof Ast.Index t) {
                    ast(x.target(), t.target(), out);
                    if (x.args().size() == t.args().size()) {
                        for (int i = 0; i < x.args().size(); i++) pair(x.args().get(i).span(), t.args().get(i).span(), out);
                    }
                }
            }
            case Ast.Derivative d -> {
                if (tex instanceof Ast.Derivative t) {
                    ast(d.of(), t.of(), out);
                    ast(d.wrt(), t.wrt(), out);
                    ast(d.asDivision(), t.asDivision(), out);
                }
            }
        }
    }
}
