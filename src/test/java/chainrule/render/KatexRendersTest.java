package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every LaTeX string chainrule prints for test-cases/ renders in KaTeX (throwOnError, strict),
 * the renderer most people paste into. KaTeX comes from the npm registry into target/katex
 * (bash src/test/katex/install.sh; .ci/run does it); without node or KaTeX the test is skipped.
 */
class KatexRendersTest {
    static final Path KATEX = Path.of("target", "katex");

    @Test
    void everyLatexStringOfTheTestCasesRendersInKatex() throws Exception {
        assumeTrue(Files.isDirectory(KATEX.resolve("node_modules/katex")),
                "KaTeX is not installed in target/katex: run bash src/test/katex/install.sh");
        assumeTrue(nodeRuns(), "node is not on the PATH");
        List<LatexOutputs.Item> items = LatexOutputs.all();
        assertTrue(items.size() > 100, "too few LaTeX strings collected: " + items.size());
        List<String> results = render(items.stream().map(LatexOutputs.Item::latex).toList());
        assertEquals(items.size(), results.size(), "KaTeX answered for fewer strings than it was given");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!results.get(i).equals("ok")) {
                failures.add(items.get(i).source() + ":\n    " + items.get(i).latex() + "\n    " + results.get(i));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + items.size() + " strings do not render in KaTeX:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    @Test
    void katexRejectsWhatIsNotLatex() throws Exception {
        assumeTrue(Files.isDirectory(KATEX.resolve("node_modules/katex")), "KaTeX is not installed in target/katex");
        assumeTrue(nodeRuns(), "node is not on the PATH");
        List<String> results = render(List.of("W_{2}^{\\top} x", "W_2^{\\top}^{\\top}", "\\frac{a}"));
        assertEquals("ok", results.get(0));
        assertTrue(results.get(1).startsWith("error"), results.get(1));
        assertTrue(results.get(2).startsWith("error"), results.get(2));
    }

    /** One node process for all strings: one JSON string a line in, "ok" or "error: ..." a line out. */
    static List<String> render(List<String> latex) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        Process node = new ProcessBuilder("node", "check.js").directory(KATEX.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> out = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (Writer w = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String s : latex) w.write(json.writeValueAsString(s) + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) out.add(line);
        }
        writer.join();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        return out;
    }

    static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
