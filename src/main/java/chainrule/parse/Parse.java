package chainrule.parse;

import chainrule.grammar.ChainRuleLexer;
import chainrule.grammar.ChainRuleParser;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Limits;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The parse stage: text in, statements out, or the syntax errors of the text at once.
 *
 * <p>The text is lexed whole, cut into statements at the newlines the lexer keeps (those
 * outside brackets), and each statement is parsed alone: its brackets first, then its
 * grammar. A statement with a mistake gets one message, at the first mistake, and the
 * statements after it are still read, up to {@value #MAX_REPORTED} messages.
 */
public final class Parse {
    static final int MAX_REPORTED = 20;

    private Parse() {}

    /** A whole problem file. */
    public static List<Stmt> file(SourceFile source) {
        return statements(source);
    }

    /** The text written in the plain syntax line for line (a .tex file, $...$ lines), or null where it holds no LaTeX. */
    public static String plainText(SourceFile source) {
        LatexInput.Translation latex = LatexInput.translate(source);
        return latex == null ? null : latex.plain().text();
    }

    /** One REPL line: zero or one statement. */
    public static List<Stmt> line(SourceFile source) {
        List<Stmt> all = statements(source);
        if (all.size() > 1) {
            throw ChainRuleException.at(ErrorKind.SYNTAX, source, all.get(1).span(),
                    "one statement at a time: a second one starts here");
        }
        return all;
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
        Tokenizer lexer = new Tokenizer(normalized(text));
        while (lexer.nextToken().getType() != Token.EOF) {
            // lexing only counts brackets
        }
        return lexer.openBrackets();
    }

    private static List<Stmt> statements(SourceFile source) {
        LatexInput.Translation latex = LatexInput.translate(source);
        if (latex == null) return plain(source);
        List<Problem> problems = new ArrayList<>(latex.problems());
        List<Stmt> out = List.of();
        try {
            out = plain(latex.plain()).stream().map(latex.map()::stmt).toList();
        } catch (ChainRuleException e) {
            problems.addAll(latex.map().exception(e).problems());
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);
        return out;
    }

    private static List<Stmt> plain(SourceFile source) {
        Limits limits = Limits.current();
        limits.checkDepth(source);
        Places places = new Places(source);
        List<Problem> problems = new ArrayList<>();
        List<Stmt> out = new ArrayList<>();
        AstBuilder builder = new AstBuilder(source, places, problems);
        int count = 0;
        for (List<Token> chunk : chunks(source)) {
            if (++count > limits.statements()) throw limits.tooManyStatements(source, places.span(chunk.get(0)));
            if (problems.size() >= MAX_REPORTED) {
                problems.add(new Problem(ErrorKind.SYNTAX, source, Span.NONE,
                        "too many errors: stopped after the first " + MAX_REPORTED));
                break;
            }
            Problem unbalanced = Brackets.check(source, places, chunk);
            if (unbalanced != null) {
                problems.add(unbalanced);
                continue;
            }
            ChainRuleParser.StatementContext tree = parse(source, places, chunk, problems);
            if (tree == null) continue;
            Object built = builder.visit(tree);
            if (built instanceof Stmt s) out.add(s);
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);
        return out;
    }

    /** ANTLR counts only '\n' as a line break; a lone '\r' becomes one too (same length, same offsets). */
    private static String normalized(String text) {
        return text.indexOf('\r') < 0 ? text : text.replaceAll("\r(?!\n)", "\n");
    }

    /**
     * The tokens of each statement, without the newlines between statements, lexed as they are
     * asked for: after too many errors the rest of a huge file is not even lexed.
     */
    private static Iterable<List<Token>> chunks(SourceFile source) {
        Tokenizer lexer = new Tokenizer(normalized(source.text()));
        return () -> new Iterator<>() {
            private List<Token> next = read();

            private List<Token> read() {
                List<Token> current = new ArrayList<>();
                for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                    if (t.getType() != ChainRuleLexer.NL) current.add(t);
                    else if (!current.isEmpty()) return current;
                }
                return current.isEmpty() ? null : current;
            }

            public boolean hasNext() {
                return next != null;
            }

            public List<Token> next() {
                if (next == null) throw new NoSuchElementException();
                List<Token> out = next;
                next = read();
                return out;
            }
        };
    }

    /** Thrown by the listener at the first syntax error of a statement: one mistake, one message. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * ANTLR's two-stage parse: SLL prediction first, which never needs the slower full-context
     * (LL) prediction and, when it succeeds, gives the same tree LL would; a statement it cannot
     * read (a mistake, or one of the rare inputs that need full context) is read again with LL
     * and the usual error handling, which reports the mistake as before.
     */
    private static ChainRuleParser.StatementContext parse(SourceFile source, Places places, List<Token> chunk,
                                                          List<Problem> problems) {
        CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(chunk));
        ChainRuleParser parser = new ChainRuleParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.lone().statement();
        } catch (ParseCancellationException e) {
            // read again below
        } catch (StackOverflowError e) {
            problems.add(new Problem(ErrorKind.SYNTAX, source, places.span(chunk.get(0)),
                    "this statement is nested too deeply to read"));
            return null;
        }
        tokens.seek(0);
        parser.reset();
        parser.setErrorHandler(new DefaultErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
                                    String msg, RecognitionException e) {
                Token at = offending instanceof Token t ? t : ((Parser) recognizer).getCurrentToken();
                problems.add(SyntaxMessages.problem(source, places, (Parser) recognizer, at, e));
                throw new Stop();
            }
        });
        try {
            return parser.lone().statement();
        } catch (Stop e) {
            return null;
        } catch (StackOverflowError e) {
            problems.add(new Problem(ErrorKind.SYNTAX, source, places.span(chunk.get(0)),
                    "this statement is nested too deeply to read"));
            return null;
        }
    }
}
