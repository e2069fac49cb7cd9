package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input beyond a limit is refused with a message naming the limit and the option that raises it. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFileLargerThanTheLimit() {
        Path f = Run.file(dir, "x : 3\n" + "# padding\n".repeat(30));
        Run r = Run.of("shapes", f.toString(), "--max-file-size", "100");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(f + ": error: the file is 306 bytes, more than the limit of 100 bytes (--max-file-size BYTES raises it)",
                r.err().strip());
        assertEquals(Main.OK, Run.of("shapes", f.toString(), "--max-file-size", "306").status());
    }

    @Test
    void nestingDeeperThanTheLimit() {
        Path f = Run.file(dir, "x : 3\ny = " + "(".repeat(60) + "x" + ")".repeat(60) + "\n");
        Run r = Run.of("shapes", f.toString(), "--max-depth", "50");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(f + ":2:55: error: nested more than 50 deep, the limit (--max-depth N raises it)", r.errLines()[0]);
        assertEquals(Main.OK, Run.of("shapes", f.toString(), "--max-depth", "60").status());
    }

    @Test
    void signsCountAsNesting() {
        Path f = Run.file(dir, "x : 3\ny = " + "-".repeat(40) + "x\nz = x - x - x\n");
        Run r = Run.of("shapes", f.toString(), "--max-depth", "30");
        assertTrue(r.errLines()[0].endsWith(":2:35: error: nested more than 30 deep, the limit (--max-depth N raises it)"), r.err());
    }

    @Test
    void theDefaultDepthLimitRefusesInsteadOfOverflowing() {
        int n = 200_000;
        Path f = Run.file(dir, "x : 3\ny = " + "relu(".repeat(n) + "x" + ")".repeat(n) + "\n");
        Run r = Run.of("derive", f.toString(), "--of", "y", "--wrt", "x");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.errLines()[0].endsWith(": error: nested more than 25000 deep, the limit (--max-depth N raises it)"), r.err());
    }

    @Test
    void moreStatementsThanTheLimit() {
        Path f = Run.file(dir, "x : 3\ny = x\nz = y\nw = z\n");
        Run r = Run.of("shapes", f.toString(), "--max-statements", "3");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(f + ":4:1: error: more than 3 statements, the limit (--max-statements N raises it)", r.errLines()[0]);
    }

    @Test
    void anAnswerLongerThanTheLimit() {
        Run r = Run.of("derive", CommandLineTest.SEED, "--wrt", "W2", "--max-answer-size", "20");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("chainrule: error: the answer would print more than 20 characters, the limit (--max-answer-size CHARS raises it)",
                r.err().strip());
        assertEquals(Main.OK, Run.of("derive", CommandLineTest.SEED, "--wrt", "W2", "--max-answer-size", "200").status());
    }

    /** It was once set by the top-level command's default after the subcommand had set it, so only 'chainrule FILE' honoured it. */
    @Test
    void aMatrixOverMaxEntriesOfASubcommand() {
        Path f = Run.file(dir, "x : 4\ny = kron(x, x)\nL = sum(y)\nclaim d(L)/d(x) = 2*sum(x)*ones(4, 1)\n");
        Run r = Run.of("check", f.toString(), "--max-entries", "10");
        assertEquals(Main.BAD_INPUT, r.status(), r.out());
        assertTrue(r.errLines()[0].startsWith(f + ":2:1: error: y needs a 16 x 1 matrix"), r.err());
        assertEquals(Main.OK, Run.of("check", f.toString(), "--max-entries", "1000").status());
        assertEquals(Main.OK, Run.of("check", f.toString()).status());
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        Run r = Run.of("shapes", CommandLineTest.SEED, "--max-depth", "0");
        assertEquals("chainrule: error: --max-depth must be at least 1, not 0", r.err().strip());
    }

    /** Of several limits below 1, the first in the order of the help is named: the same one at every run. */
    @Test
    void ofSeveralLimitsBelowOneTheFirstIsNamed() {
        Run r = Run.of("shapes", CommandLineTest.SEED, "--max-answer-size", "0", "--max-statements", "0", "--max-depth", "-1", "--max-file-size", "0");
        assertEquals("chainrule: error: --max-file-size must be at least 1, not 0", r.err().strip());
        r = Run.of("shapes", CommandLineTest.SEED, "--max-answer-size", "0", "--max-statements", "-2");
        assertEquals("chainrule: error: --max-statements must be at least 1, not -2", r.err().strip());
    }
}
