package chainrule.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.TestCases;
import chainrule.grammar.ChainRuleLexer;
import chainrule.grammar.ChainRuleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The parse stage reads a statement with SLL prediction first and falls back to LL only when
 * SLL fails (ANTLR's two-stage strategy). That is only right if SLL, where it succeeds, builds
 * the tree LL builds: checked here on every statement of every problem in test-cases/.
 */
class PredictionModeTest {

    @TestFactory
    Stream<DynamicTest> sllBuildsTheTreeLlBuilds() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : TestCases.problems()) {
            String text = Files.readString(p);
            if (text.indexOf('$') < 0 && !text.contains("\\[")) files.add(p); // LaTeX lines are translated first
        }
        assertTrue(files.size() > 100, "the corpus: " + files.size());
        return files.stream().map(p -> DynamicTest.dynamicTest(TestCases.ROOT.relativize(p).toString(), () -> {
            int read = 0;
            for (List<Token> chunk : statements(Files.readString(p))) {
                String ll = tree(chunk, PredictionMode.LL);
                if (ll == null) continue; // a file of wrong statements, for the error tests
                assertEquals(ll, tree(chunk, PredictionMode.SLL), "the statement at line " + chunk.get(0).getLine());
                read++;
            }
            assertTrue(read > 0);
        }));
    }

    /** The parse tree in LISP form, or null where the mode cannot read the statement. */
    private static String tree(List<Token> chunk, PredictionMode mode) {
        ChainRuleParser parser = new ChainRuleParser(new CommonTokenStream(new ListTokenSource(chunk)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(mode);
        try {
            return parser.lone().toStringTree(parser);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The tokens of each statement, cut at the newlines the lexer keeps, as the parse stage cuts them. */
    private static List<List<Token>> statements(String text) {
        ChainRuleLexer lexer = new ChainRuleLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() != ChainRuleLexer.NL) {
                current.add(t);
            } else if (!current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }
}
