package chainrule.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line of a long check (SPEC §3): its text, and only ever on a terminal's standard error. */
class TerminalProgressTest {

    @Test
    void theLineSaysWhichPointAndIsWipedWhenTheCheckEnds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress("dL/dX", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.point(2, 3);
        progress.show();
        progress.done();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rchecking dL/dX: point 2 of 3, "), out);
        assertTrue(out.endsWith(" s \r\033[K"), out);
    }

    @Test
    void aCheckThatNeverShowedItsLineWritesNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TerminalProgress("dL/dX", new PrintStream(bytes, true, StandardCharsets.UTF_8)).done();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noLineWhereStandardErrorIsAPipe() {
        // the tests' JVM writes its standard error into a pipe (or a file) of the build
        assertSame(Progress.NONE, TerminalProgress.of("dL/dX"));
    }

    @TempDir
    Path dir;

    /** In a real terminal (tmux): standard error on it is a terminal, whatever standard output is; redirected, it is not. */
    @Test
    void standardErrorIsATerminalOnlyWhereItIsOne() throws Exception {
        assumeTrue(tmuxRuns(), "tmux is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String probe = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' '" + Probe.class.getName() + "'";
        Path onTerminal = dir.resolve("terminal"), redirected = dir.resolve("redirected"), done = dir.resolve("done");
        Path script = Files.writeString(dir.resolve("probe.sh"), probe + " > '" + onTerminal + "'\n" + probe + " > '" + redirected
                + "' 2> '" + dir.resolve("err") + "'\ntouch '" + done + "'\n");
        String socket = "chainrule-progress-" + ProcessHandle.current().pid();
        try {
            run(List.of("tmux", "-L", socket, "new-session", "-d", "-s", "probe", "-x", "80", "-y", "24", "sh '" + script + "'"));
            // a wait for the probes to finish, not a measurement
            for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); !Files.exists(done) && System.nanoTime() < until; ) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(done), "the probes did not finish");
            assertEquals("true", Files.readString(onTerminal).strip());
            assertEquals("false", Files.readString(redirected).strip());
        } finally {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
    }

    /** Prints whether its standard error is a terminal. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(TerminalProgress.stderrIsTerminal());
        }
    }

    private static boolean tmuxRuns() {
        try {
            return run(List.of("tmux", "-V")) == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static int run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
