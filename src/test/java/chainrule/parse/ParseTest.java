package chainrule.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import chainrule.source.ChainRuleException;
import chainrule.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The parse stage's entry points for the REPL and for claims, and its guards. */
class ParseTest {

    private static ChainRuleException fails(Runnable r) {
        return assertThrows(ChainRuleException.class, r::run);
    }

    @Test
    void replLineHoldsOneStatement() {
        ChainRuleException e = fails(() -> Parse.line(new SourceFile("<repl>", "y = (x +\nz = 3")));
        // the second line starts a statement, so the first one's '(' is reported, not swallowed
        assertEquals("'(' is never closed: a ')' is missing", e.first().message());
    }

    @Test
    void replLineWithTwoStatements() {
        ChainRuleException e = fails(() -> Parse.line(new SourceFile("<repl>", "y = 1\nz = 2")));
        assertEquals("one statement at a time: a second one starts here", e.first().message());
        assertEquals(2, e.first().span().line());
    }

    @Test
    void emptyStatement() {
        ChainRuleException e = fails(() -> Parse.statement(new SourceFile("--claim", "  # only a comment")));
        assertEquals("nothing to read", e.first().message());
    }

    @Test
    void openBracketsCountsWhatIsStillOpen() {
        assertEquals(2, Parse.openBrackets("y = [a, (b"));
        assertEquals(0, Parse.openBrackets("y = [a, (b)]"));
        // a new statement on the next line closes the count: the REPL stops reading on
        assertEquals(0, Parse.openBrackets("y = (a\nz = 2"));
        assertEquals(1, Parse.openBrackets("y = (a\n + 2"));
    }

    @Test
    void statementsGoOnWhileABracketIsOpen() {
        List<Stmt> s = Parse.file(new SourceFile("t.nn", "y = [1,\n     2;\n     3, 4]\nz = 2"));
        assertEquals(2, s.size());
        assertInstanceOf(Ast.Matrix.class, ((Stmt.Definition) s.get(0)).body());
    }

    @Test
    void binaryRemembersItsOperator() {
        Stmt.Definition d = (Stmt.Definition) Parse.file(new SourceFile("t.nn", "y = ab  .* c")).get(0);
        Ast.Binary b = (Ast.Binary) d.body();
        assertEquals(9, b.opSpan().col());
        assertEquals(2, b.opSpan().stop() - b.opSpan().start());
    }

    @Test
    void tooDeepForTheStackIsAMessage() {
        // on a small stack; the command line runs on a deep one where this parses
        String text = "y = " + "(".repeat(20_000) + "x" + ")".repeat(20_000); // within --max-depth
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Parse.file(new SourceFile("t.nn", text));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small", 1 << 18);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            t.start();
            t.join();
        });
        ChainRuleException e = assertInstanceOf(ChainRuleException.class, thrown.get());
        assertEquals("this statement is nested too deeply to read", e.first().message());
        assertEquals(1, e.first().span().line());
    }
}
