package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the process ends (Main.main): a one-shot command by Runtime.halt once its output is flushed, so
 * without Runtime.exit's logging; the REPL by System.exit, which runs the shutdown hooks. Each case
 * starts a JVM whose java.lang.Runtime logger logs everything, so Runtime.exit's log line shows.
 */
class ExitTest {
    private static final String EXIT_LOGGED = "Runtime.exit() called with status";

    @TempDir
    Path dir;

    private record Ended(int status, String out, String err) {}

    private Ended run(String stdin, String... args) throws IOException, InterruptedException {
        Path logging = Files.writeString(dir.resolve("logging.properties"),
                "handlers = java.util.logging.ConsoleHandler\njava.util.logging.ConsoleHandler.level = ALL\njava.lang.Runtime.level = ALL\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.config.file=" + logging, "-cp", System.getProperty("java.class.path"), "chainrule.cli.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt"), in = Files.writeString(dir.resolve("in.txt"), stdin);
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CHAINRULE_HISTORY", "none");
        int status = pb.start().waitFor();
        return new Ended(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aCommandEndsWithItsWholeOutputAndNoExitLogging() throws Exception {
        String seed = "test-cases/seeds/003_mnist_sigmoid_softmax.nn";
        Ended ended = run("", "derive", seed, "--steps");
        assertEquals(Main.OK, ended.status());
        assertEquals(Run.of("derive", seed, "--steps").out(), ended.out()); // every line flushed
        assertFalse(ended.err().contains(EXIT_LOGGED), ended.err());
    }

    @Test
    void aFailureKeepsItsExitStatusAndMessage() throws Exception {
        Ended bad = run("", "derive", dir.resolve("missing.nn").toString());
        assertEquals(Main.BAD_INPUT, bad.status());
        assertTrue(bad.err().contains("missing.nn: error: no such file"), bad.err());
        assertFalse(bad.err().contains(EXIT_LOGGED), bad.err());

        Path wrong = Files.writeString(dir.resolve("wrong.nn"), "x : 3\nL = sum(x .* x)\nclaim d(L)/d(x) = 3*x\n");
        Ended failed = run("", "check", wrong.toString());
        assertEquals(Main.FAILED, failed.status());
        assertTrue(failed.out().contains("incorrect"), failed.out());
        assertFalse(failed.err().contains(EXIT_LOGGED), failed.err());
    }

    @Test
    void theReplEndsThroughSystemExitSoItsHooksRun() throws Exception {
        Ended repl = run("x : 3\nL = sum(x .* x)\nderive L wrt x\n", "repl");
        assertEquals(Main.OK, repl.status());
        assertTrue(repl.out().contains("2*x"), repl.out());
        assertTrue(repl.err().contains(EXIT_LOGGED + ": 0"), repl.err());
    }
}
