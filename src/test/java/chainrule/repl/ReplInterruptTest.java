package chainrule.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the REPL, end to end (SPEC §5): the program in a real terminal (tmux), Ctrl-C typed
 * during a long request (softmax of softmax, 10 deep, over a 1000 x 1000 matrix: deriving it is
 * quick, its numeric check takes many seconds) and while a line is typed; the REPL says
 * "interrupted", answers the next line, and is still running. Skipped where tmux is not
 * installed. No time is asserted: every wait is for text on the screen, with a generous limit.
 */
class ReplInterruptTest {
    private static final long PATIENCE_SECONDS = 120;
    private static final AtomicLong SESSIONS = new AtomicLong();
    private static final int DEPTH = 10;

    /** A tmux server of its own, so no two runs (or tests) share one. */
    private final String socket = "chainrule-interrupt-" + ProcessHandle.current().pid() + "-" + SESSIONS.incrementAndGet();

    @TempDir
    Path dir;

    @BeforeEach
    void startTheRepl() throws Exception {
        assumeTrue(TerminalReplTest.tmuxRuns(), "tmux is not installed");
        StringBuilder src = new StringBuilder("x : 1000 x 1000\nh1 = softmax(x)\n");
        for (int k = 2; k <= DEPTH; k++) src.append("h").append(k).append(" = softmax(h").append(k - 1).append(")\n");
        src.append("L = sum(h").append(DEPTH).append(" .* x)\n");
        Path file = Files.writeString(dir.resolve("deep.nn"), src.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // no limit on the answer's size, so that no limit refuses the request before Ctrl-C
        String command = "env CHAINRULE_HISTORY=none " + quoted(java) + " -cp " + quoted(System.getProperty("java.class.path"))
                + " chainrule.cli.Main repl --max-answer-size 1000000000000 " + quoted(file.toString());
        // the pane stays when the program ends, to tell how it ended
        tmux("new-session", "-d", "-s", "repl", "-x", "120", "-y", "60", command, ";", "set-option", "-t", "repl", "remain-on-exit", "on");
        waitFor((DEPTH + 2) + " statements kept");
        waitForPrompt();
    }

    @AfterEach
    void stopTheRepl() throws Exception {
        if (!TerminalReplTest.tmuxRuns()) return;
        String pid = tmux("display-message", "-p", "-t", "repl", "#{pane_pid}").strip();
        tmux("kill-server");
        // the derivative's thread may still be at work in a program that missed its hang-up
        if (pid.matches("\\d+")) ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void ctrlCStopsTheDerivativeAndKeepsTheSession() throws Exception {
        typeLine("derive L wrt x");
        waitForTheLineTaken();
        // Ctrl-C, again every few seconds until it lands, so that a lost one shows as a failure
        // to stop rather than a hang; one Ctrl-C is enough and is reported once
        long until = deadline();
        while (!screen().contains("interrupted")) {
            if (ended()) fail("Ctrl-C ended the REPL (" + tmux("display-message", "-p", "-t", "repl", "status #{pane_dead_status}, signal #{pane_dead_signal}").strip() + "):\n" + screen());
            if (System.nanoTime() > until) fail("Ctrl-C never stopped the derive:\n" + screen());
            tmux("send-keys", "-t", "repl", "C-c");
            waitUpTo(10, "interrupted");
        }
        waitForPrompt();
        assertEquals(1, count(screen(), "interrupted"), "one interruption, reported once:\n" + screen());
        // the terminal itself echoes the Ctrl-C typed while no line is read as ^C
        assertTrue(screen().matches("(?s).*chainrule> derive L wrt x\n(\\^C)?interrupted\nchainrule>.*"), screen());
        typeLine("z = 2*x");
        waitFor("z : 1000 x 1000");
        assertFalse(ended(), "the REPL ended:\n" + screen());
    }

    /** A line typed but not entered: Ctrl-C drops it and says so (as when it comes just after Enter, before the line is taken). */
    @Test
    void ctrlCWhileALineIsTypedDropsItAndSaysSo() throws Exception {
        tmux("send-keys", "-t", "repl", "-l", "derive L wrt x");
        waitUntil(() -> lastLine().endsWith("chainrule> derive L wrt x"), "the line never showed");
        tmux("send-keys", "-t", "repl", "C-c");
        waitFor("interrupted");
        waitForPrompt();
        assertTrue(screen().contains("chainrule> derive L wrt x\ninterrupted\nchainrule>"), screen());
        typeLine("z = 2*x");
        waitFor("z : 1000 x 1000");
        assertFalse(ended(), "the REPL ended:\n" + screen());
    }

    /**
     * Types a line at the prompt and Enter once the line shows whole: keys typed while the
     * terminal is being switched to JLine's mode may be lost, and then the line is typed again.
     */
    private void typeLine(String line) throws Exception {
        long until = deadline();
        while (System.nanoTime() < until) {
            tmux("send-keys", "-t", "repl", "C-u");
            tmux("send-keys", "-t", "repl", "-l", line);
            long shown = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < shown) {
                if (lastLine().endsWith("chainrule> " + line)) { // the tty may have echoed it before JLine redrew it
                    tmux("send-keys", "-t", "repl", "Enter");
                    return;
                }
                Thread.sleep(100);
            }
        }
        fail("the line '" + line + "' never showed at the prompt:\n" + screen());
    }

    /** JLine has taken the line: the cursor left the prompt's row (a Ctrl-C before that drops the line). */
    private void waitForTheLineTaken() throws Exception {
        waitUntil(() -> {
            List<String> rows = List.of(tmux("capture-pane", "-p", "-t", "repl").split("\n", -1));
            int prompt = -1;
            for (int i = 0; i < rows.size(); i++) if (rows.get(i).startsWith("chainrule> ")) prompt = i;
            String y = tmux("display-message", "-p", "-t", "repl", "#{cursor_y}").strip();
            return prompt >= 0 && y.matches("\\d+") && Integer.parseInt(y) > prompt;
        }, "the line was never taken");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private void waitUntil(Condition c, String otherwise) throws Exception {
        long until = deadline();
        while (System.nanoTime() < until) {
            if (c.holds()) return;
            Thread.sleep(100);
        }
        fail(otherwise + ":\n" + screen());
    }

    /** Whether the program has ended, and with it the session. */
    private boolean ended() throws Exception {
        return tmux("display-message", "-p", "-t", "repl", "#{pane_dead}").strip().equals("1");
    }

    private String lastLine() throws Exception {
        String seen = screen().stripTrailing();
        return seen.substring(seen.lastIndexOf('\n') + 1);
    }

    private long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    }

    private void waitFor(String text) throws Exception {
        if (!waitUpTo(PATIENCE_SECONDS, text)) fail("the screen never showed '" + text + "':\n" + screen());
    }

    private boolean waitUpTo(long seconds, String text) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            if (screen().contains(text)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private void waitForPrompt() throws Exception {
        waitUntil(() -> lastLine().equals("chainrule>"), "the REPL never came back to its prompt");
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", "repl", "-S", "-200");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    private String tmux(String... args) throws Exception {
        Process p = new ProcessBuilder(tmuxCommand(args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    private List<String> tmuxCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        return command;
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
