package chainrule.parse;

import chainrule.grammar.ChainRuleLexer;
import chainrule.grammar.ChainRuleParser;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** The parse stage: text in, statements out, or every syntax error of the text at once. */
public final class Parse {
    private static final int MAX_REPORTED = 20;

    private Parse() {}

    /** A whole problem file. */
    public static List<Stmt> file(SourceFile source) {
        Parsed p = parser(source);
        var tree = p.parser.file();
        return p.finish(tree.statement());
    }

    /** One REPL line: zero or one statement. */
    public static List<Stmt> line(SourceFile source) {
        Parsed p = parser(source);
        var tree = p.parser.replLine();
        return p.finish(tree.statement() == null ? List.of() : List.of(tree.statement()));
    }

    /** One expression, e.g. a claim given with --claim, or a step typed in the REPL. */
    public static Stmt statement(SourceFile source) {
        List<Stmt> all = line(source);
        if (all.isEmpty()) {
            throw ChainRuleException.at(ErrorKind.SYNTAX, source, new Span(1, 1, 0, 0), "nothing to read");
        }
        return all.get(0);
    }

    /** How many brackets are still open at the end of the text (the REPL reads on while > 0). */
    public static int openBrackets(String text) {
        ChainRuleLexer lexer = new ChainRuleLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        while (lexer.nextToken().getType() != Token.EOF) {
            // lexing only counts brackets
        }
        return lexer.openBrackets();
    }

    private record Parsed(SourceFile source, ChainRuleParser parser, List<Problem> problems) {
        List<Stmt> finish(List<ChainRuleParser.StatementContext> statements) {
            if (!problems.isEmpty()) throw new ChainRuleException(trimmed(problems));
            List<Problem> built = new ArrayList<>();
            List<Stmt> out = new AstBuilder(source, built).statements(statements);
            if (!built.isEmpty()) throw new ChainRuleException(trimmed(built));
            return out;
        }
    }

    private static List<Problem> trimmed(List<Problem> problems) {
        if (problems.size() <= MAX_REPORTED) return problems;
        List<Problem> out = new ArrayList<>(problems.subList(0, MAX_REPORTED));
        Problem last = problems.get(MAX_REPORTED);
        out.add(new Problem(last.kind(), last.source(), last.span(),
                "... and " + (problems.size() - MAX_REPORTED) + " more syntax errors"));
        return out;
    }

    private static Parsed parser(SourceFile source) {
        List<Problem> problems = new ArrayList<>();
        BaseErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
                                    String msg, RecognitionException e) {
                if (problems.size() > MAX_REPORTED) return;
                int start = -1, stop = -1;
                if (offending instanceof Token t && t.getStartIndex() >= 0) {
                    start = t.getStartIndex();
                    stop = t.getStopIndex() + 1;
                }
                problems.add(new Problem(ErrorKind.SYNTAX, source, new Span(line, col + 1, start, stop),
                        SyntaxMessages.friendly(msg, offending)));
            }
        };
        ChainRuleLexer lexer = new ChainRuleLexer(CharStreams.fromString(source.text()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        ChainRuleParser parser = new ChainRuleParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        return new Parsed(source, parser, problems);
    }
}
