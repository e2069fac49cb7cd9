package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input gets an answer or a clear message, quickly, and never a stack trace. The
 * timeouts are generous hang guards, not speed tests.
 */
class RobustnessTest {
    private static final Duration GUARD = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    private static Run shapes(Path file) {
        return assertTimeoutPreemptively(GUARD, () -> Run.of("shapes", file.toString()));
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("StackOverflow"), r.err());
    }

    @Test
    void twentyThousandNestedParenthesesAreRead() {
        int n = 20_000;
        Path f = Run.file(dir, "x : 3\ny = " + "(".repeat(n) + "x" + ")".repeat(n) + "\n");
        Run r = shapes(f);
        noStackTrace(r);
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().contains("y  3 x 1  defined, line 2"), r.out());
    }

    @Test
    void twentyThousandUnclosedParenthesesAreNamedAtOnce() {
        int n = 20_000;
        Path f = Run.file(dir, "y = " + "(".repeat(n) + "x\n");
        Run r = shapes(f);
        noStackTrace(r);
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.errLines()[0].endsWith(":1:" + (4 + n) + ": error: '(' is never closed: a ')' is missing"), r.err());
    }

    @Test
    void twentyThousandNestedNegationsAndCalls() {
        int n = 20_000;
        Path f = Run.file(dir, "x : 3\ny = " + "-".repeat(n) + "x\nz = " + "relu(".repeat(n) + "x" + ")".repeat(n) + "\n");
        Run r = shapes(f);
        noStackTrace(r);
        assertEquals(Main.OK, r.status(), r.err());
    }

    @Test
    void longSumsAreLinear() {
        Path f = Run.file(dir, "x : 3\ny = " + "x + ".repeat(20_000) + "x\n");
        Run r = shapes(f);
        assertEquals(Main.OK, r.status(), r.err());
    }

    @Test
    void nameOfOneHundredThousandCharacters() {
        String name = "a".repeat(100_000);
        Path f = Run.file(dir, "x : 3\n" + name + " = 2*x\n");
        Run r = shapes(f);
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().contains(name + "  3 x 1  defined, line 2"));
    }

    @Test
    void longNameInAnErrorIsCutInTheMessage() {
        String name = "b".repeat(100_000);
        Path f = Run.file(dir, "x : 3\ny = " + name + "(x)\n");
        Run r = shapes(f);
        assertEquals(Main.BAD_INPUT, r.status());
        String first = r.errLines()[0];
        assertTrue(first.length() < 1000, first);
        assertTrue(first.contains(": error: unknown function 'bbbb"), first);
        assertTrue(first.contains("..."), first);
    }

    @Test
    void fiveMegabytesOfRandomBytesAreNotUtf8() {
        byte[] bytes = new byte[5 << 20];
        new Random(1).nextBytes(bytes);
        bytes[0] = 'x';
        bytes[1] = (byte) 0xFF;
        Path f = Run.file(dir, bytes);
        Run r = shapes(f);
        noStackTrace(r);
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(f + ":1:2: error: not UTF-8 text: byte 0xFF here (a problem file is UTF-8 text; save it as UTF-8)",
                r.errLines()[0]);
        assertEquals("x", r.errLines()[1]);
        assertEquals(" ^", r.errLines()[2]);
    }

    @Test
    void latin1FileIsNamedAtItsFirstNonUtf8Byte() {
        Path f = Run.file(dir, new byte[] {'x', ' ', ':', ' ', '3', '\n', 'y', ' ', '=', ' ', '2', ' ', (byte) 0xD7, ' ', 'x'});
        Run r = Run.of("shapes", f.toString(), "--format", "json");
        assertEquals(Main.BAD_INPUT, r.status());
        String json = r.out().replaceAll("\\s+", " ");
        assertTrue(json.contains("\"kind\" : \"encoding\""), json);
        assertTrue(json.contains("\"line\" : 2, \"col\" : 7, \"message\" : \"not UTF-8 text: byte 0xD7 here"), json);
    }

    @Test
    void utf16FileGetsAHint() {
        Path f = Run.file(dir, new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', 0, ' ', 0});
        Run r = shapes(f);
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.errLines()[0].endsWith(":1:1: error: not UTF-8 text: byte 0xFF here (it looks like UTF-16; save it"
                + " as UTF-8)"), r.err());
    }

    @Test
    void fiveMegabytesOfRandomPrintableTextGetCappedErrors() {
        Random random = new Random(2);
        StringBuilder text = new StringBuilder(5 << 20);
        while (text.length() < (5 << 20)) {
            text.append(random.nextInt(50) == 0 ? '\n' : (char) (32 + random.nextInt(95)));
        }
        Path f = Run.file(dir, text.toString());
        Run r = shapes(f);
        noStackTrace(r);
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().strip().endsWith("error: too many errors: stopped after the first 20"), r.err());
        assertTrue(r.err().length() < 20_000, "the report stays short");
    }

    @Test
    void emptyFileIsFine() {
        Run r = shapes(Run.file(dir, ""));
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void fileOfCommentsAndBlankLinesIsFine() {
        Run r = shapes(Run.file(dir, "# nothing yet\n\n   \n# still nothing\r\n"));
        assertEquals(Main.OK, r.status(), r.err());
    }

    @Test
    void folderIsAUsageError() {
        Run r = shapes(dir);
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(dir + ": error: is a folder, not a problem file", r.errLines()[0]);
    }

    @Test
    void oldMacLineEndingsCountAsLines() {
        Path f = Run.file(dir, "x : 3\ry = x +\r");
        Run r = shapes(f);
        assertEquals(f + ":2:7: error: missing an expression after '+'", r.errLines()[0]);
        assertEquals("y = x +", r.errLines()[1]);
    }

    @Test
    void internalFaultIsOneLineWithExitThree() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Output output = new Output(false, new PrintWriter(out, true), new PrintWriter(err, true));
        int status = Main.failure(new IllegalStateException("a broken invariant\nspread over lines"), output);
        assertEquals(Main.INTERNAL, status);
        assertEquals("", out.toString());
        String[] lines = err.toString().split("\\R");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("chainrule: internal error: IllegalStateException: a broken invariant spread"
                + " over lines (at RobustnessTest:"), lines[0]);
        assertTrue(lines[0].endsWith("this is a bug in chainrule, please report it with the input that caused it"));
    }

    @Test
    void internalFaultInJson() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Output output = new Output(true, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.INTERNAL, Main.failure(new NullPointerException(), output));
        String json = out.toString().replaceAll("\\s+", " ");
        assertTrue(json.startsWith("{ \"error\" : { \"kind\" : \"internal\", \"file\" : null, \"line\" : null,"
                + " \"col\" : null, \"message\" : \"internal error: NullPointerException"), json);
        assertEquals("", err.toString());
    }

    @Test
    void outOfMemoryIsAMessage() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Output output = new Output(false, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.BAD_INPUT, Main.failure(new OutOfMemoryError(), output));
        assertEquals("chainrule: error: the input is too large to handle in this much memory", err.toString().strip());
    }

    @Test
    void stackOverflowIsBadInputNotAFault() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Output output = new Output(false, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.BAD_INPUT, Main.failure(new StackOverflowError(), output));
        assertEquals("chainrule: error: the input is nested too deeply to read", err.toString().strip());
    }
}
