package chainrule.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The REPL in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen.
 * Skipped where tmux is not installed.
 */
class TerminalReplTest {
    private static final AtomicInteger SERVERS = new AtomicInteger();
    // a tmux server of its own for each test: one still shutting down after the test before can take a new session with it
    private final String socket = "chainrule-test-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();

    @Test
    void typedInATerminal() throws Exception {
        assumeTrue(tmuxRuns(), "tmux is not installed");
        Path history = Files.createTempFile("chainrule-history-", "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env CHAINRULE_HISTORY=" + quoted(history.toString()) + " " + quoted(java)
                + " -cp " + quoted(System.getProperty("java.class.path")) + " chainrule.cli.Main repl";
        try {
            tmux("new-session", "-d", "-s", "repl", "-x", "120", "-y", "50", command);
            waitFor("chainrule> ");
            type("x : 2");
            waitFor("x : 2 x 1");
            type("W : 3 x 2");
            type("h = tanh(W*x)");
            type("L = sum(h)");
            type("derive L wrt W");
            waitFor("dL/dW = ");
            waitFor("check: passed");

            // a bracket left open: the statement goes on under the secondary prompt (no ';' last: tmux would eat it)
            type("v = [1; ");
            type("x]");
            waitFor("v : 3 x 1");

            // a bad line: its message with a caret, and the session goes on
            type("y = W*W");
            waitFor("repl:8:6: error: cannot multiply"); // the line of the session
            waitFor("^");
            type("W*x");
            waitFor("3 x 1");

            // tab completion of a keyword and of a name
            waitForPrompt();
            keys("deri", "Tab");
            waitFor("chainrule> derive ");
            keys("L wr", "Tab");
            waitFor("derive L wrt ");
            keys("W", "Enter");
            waitForCount("dL/dW = ", 2);

            // history: the line before comes back with Up
            waitForPrompt();
            keys("Up");
            waitForCount("chainrule> derive L wrt W", 3);
            keys("C-u");
            keys("C-d");
            waitForExit();
            String saved = Files.readString(history);
            assertTrue(saved.contains("derive L wrt W"), "history file: " + saved);
        } finally {
            tmux("kill-server");
            Files.deleteIfExists(history);
        }
    }

    /** Ctrl-C during a check that shows its progress line: the line is wiped and never comes back. */
    @Test
    void ctrlCDuringACheckStopsItsProgressLine() throws Exception {
        assumeTrue(tmuxRuns(), "tmux is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env CHAINRULE_HISTORY=none " + quoted(java) + " -Dchainrule.progress.after.ms=0"
                + " -cp " + quoted(System.getProperty("java.class.path")) + " chainrule.cli.Main repl";
        try {
            tmux("new-session", "-d", "-s", "repl", "-x", "120", "-y", "50", command);
            type("X : 1000 x 1000");
            type("L = sum(tanh(X))");
            type("derive L wrt X");
            waitFor("checking dL/dX: point 1 of 1");
            keys("C-c");
            waitFor("interrupted");
            type(":defs");
            waitFor("L = sum(tanh(X))");
            Thread.sleep(1500); // a progress line left running would tick again within a second
            String seen = screen();
            String after = seen.substring(seen.lastIndexOf("derive L wrt X"));
            assertTrue(!after.contains("checking") || after.indexOf("checking") < after.indexOf("interrupted")
                    && !after.substring(after.indexOf("interrupted")).contains("checking"), seen);
            assertTrue(!after.contains("s interrupted"), "the progress line was not wiped before 'interrupted':\n" + seen);
        } finally {
            tmux("kill-server");
        }
    }

    /** Types a line at the prompt, once the REPL shows it (keys typed ahead are echoed by the tty, not edited). */
    private void type(String line) throws Exception {
        waitForPrompt();
        keys(line, "Enter");
    }

    private void waitForPrompt() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen = "";
        while (System.nanoTime() < until) {
            seen = screen().stripTrailing();
            String last = seen.substring(seen.lastIndexOf('\n') + 1);
            if (last.equals("chainrule>") || last.equals("...>") || last.endsWith(" ...>")) return;
            Thread.sleep(100);
        }
        fail("the REPL never came back to its prompt:\n" + seen);
    }

    /** Text is sent as it is (-l), keys such as Enter, Tab, Up, C-d by name. */
    private void keys(String text, String... named) throws Exception {
        if (!text.isEmpty() && !text.equals("Up") && !text.startsWith("C-")) {
            tmux("send-keys", "-t", "repl", "-l", text);
        } else {
            tmux("send-keys", "-t", "repl", text);
        }
        for (String k : named) tmux("send-keys", "-t", "repl", k);
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", "repl", "-S", "-200");
    }

    private void waitFor(String text) throws Exception {
        waitForCount(text, 1);
    }

    /** capture-pane drops the spaces at the end of a line, so the text is looked for without them. */
    private void waitForCount(String shown, int times) throws Exception {
        String text = shown.stripTrailing();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen = "";
        while (System.nanoTime() < until) {
            seen = screen();
            if (count(seen, text) >= times) return;
            Thread.sleep(100);
        }
        fail("the screen never showed '" + text + "' (" + times + " times):\n" + seen);
    }

    private void waitForExit() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            Process p = new ProcessBuilder("tmux", "-L", socket, "has-session", "-t", "repl").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) return;
            Thread.sleep(100);
        }
        fail("the REPL did not end on Ctrl-D:\n" + screen());
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static boolean tmuxRuns() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
