package chainrule.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a long derive, end to end (SPEC §5): the program in a real terminal (tmux), a
 * derivative of 2,000 nested functions asked for, Ctrl-C typed; the REPL says it was
 * interrupted, answers the next line, and is still running. Skipped where tmux is not installed.
 * No time is asserted: every wait is for text on the screen, with a generous limit.
 */
class ReplInterruptTest {
    private static final long PATIENCE_SECONDS = 120;
    private final String socket = "chainrule-interrupt-" + ProcessHandle.current().pid();

    @Test
    void ctrlCStopsTheDerivativeAndKeepsTheSession(@TempDir Path dir) throws Exception {
        assumeTrue(TerminalReplTest.tmuxRuns(), "tmux is not installed");
        // 40 chains of 2,000 nested functions, each a different one: long enough for Ctrl-C to land
        // even where the simplifier makes short work of one chain
        int depth = 2000, chains = 40;
        StringBuilder src = new StringBuilder("x : 3\n");
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= chains; k++) {
            src.append("y").append(k).append(" = ").append("sin(".repeat(depth)).append(k).append("*x").append(")".repeat(depth)).append('\n');
            names.add("y" + k);
        }
        src.append("L = sum(").append(String.join(" + ", names)).append(")\n");
        Path file = Files.writeString(dir.resolve("deep.nn"), src.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // no limit on the answer's size: the derivative would otherwise be refused, quickly, before Ctrl-C
        String command = "env CHAINRULE_HISTORY=none " + quoted(java) + " -cp " + quoted(System.getProperty("java.class.path"))
                + " chainrule.cli.Main repl --max-answer-size 1000000000000 " + quoted(file.toString());
        try {
            tmux("new-session", "-d", "-s", "repl", "-x", "120", "-y", "50", command);
            waitFor((chains + 2) + " statements kept");
            waitForPrompt();
            typeLine("derive L wrt x");

            // Ctrl-C, again every few seconds until it lands: one typed before the statement's
            // thread has started would find no work to stop
            long until = deadline();
            while (!screen().contains("interrupted")) {
                if (System.nanoTime() > until) fail("Ctrl-C never stopped the derive:\n" + screen());
                tmux("send-keys", "-t", "repl", "C-c");
                waitUpTo(5, "interrupted");
            }
            waitForPrompt();
            typeLine("z = 2*x");
            waitFor("z : 3 x 1");
            assertEquals(0, tmuxStatus("has-session", "-t", "repl"), "the REPL ended:\n" + screen());
            assertEquals(1, count(screen(), "interrupted"), "one interruption, reported once:\n" + screen());
        } finally {
            tmux("kill-server");
        }
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
        long until = deadline();
        while (System.nanoTime() < until) {
            if (lastLine().equals("chainrule>")) return;
            Thread.sleep(100);
        }
        fail("the REPL never came back to its prompt:\n" + screen());
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

    private int tmuxStatus(String... args) throws Exception {
        Process p = new ProcessBuilder(tmuxCommand(args)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
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
