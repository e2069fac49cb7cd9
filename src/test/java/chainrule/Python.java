package chainrule;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Python 3 with NumPy and PyTorch, for the tests that run generated code: $CHAINRULE_PYTHON,
 * Debian's /usr/bin/python3 (where apt puts python3-numpy and python3-torch; .ci/run installs
 * them), or python3 on the PATH. Where there is none, CI fails loudly and elsewhere the tests are
 * skipped with a loud message.
 */
public final class Python {
    private static String found;
    private static boolean looked;

    private Python() {}

    public static synchronized String require() {
        if (!looked) {
            looked = true;
            List<String> candidates = new ArrayList<>();
            String given = System.getenv("CHAINRULE_PYTHON");
            if (given != null && !given.isBlank()) candidates.add(given);
            candidates.add("/usr/bin/python3");
            candidates.add("python3");
            for (String c : candidates) {
                if (works(c)) {
                    found = c;
                    break;
                }
            }
        }
        if (found == null) {
            String message = "NO PYTHON WITH NUMPY AND TORCH: the generated-code tests cannot run. "
                    + "Install them with: apt-get install python3-numpy python3-torch (bash .ci/run does)";
            System.err.println("*** " + message + " ***");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(message);
            Assumptions.abort(message);
        }
        return found;
    }

    private static boolean works(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import numpy, torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a script of src/test/python with these arguments; its output, or a failure with it. */
    public static String run(String script, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(require(), Path.of("src/test/python", script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = workDir.resolve(script + ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        // a safety net against a hung interpreter, far above what the checks take
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(script + " did not finish");
        }
        String output = java.nio.file.Files.readString(log);
        if (p.exitValue() != 0) fail(script + " failed (exit " + p.exitValue() + "):\n" + output);
        return output;
    }
}
