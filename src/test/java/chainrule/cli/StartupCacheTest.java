package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-up cache: the launcher (./chainrule) picks the symbolic cache, then the lean one, for
 * exactly the command lines Training trains them on, and the full one for the rest; and the
 * libraries on the start path are class files the cache can hold.
 */
class StartupCacheTest {
    /** The kind ./chainrule's cache_kind picks for each command line, on a JDK of this feature version. */
    private static List<String> picked(int feature, List<String[]> commandLines) throws IOException, InterruptedException {
        String launcher = Files.readString(Path.of("chainrule"), StandardCharsets.UTF_8);
        int from = launcher.indexOf("\ncache_kind() {"), to = launcher.indexOf("\n}\n", from);
        assertTrue(from > 0 && to > from, "cache_kind in ./chainrule");
        StringBuilder script = new StringBuilder(launcher.substring(from, to + 3)).append("feature=").append(feature).append('\n');
        for (String[] line : commandLines) {
            script.append("cache_kind");
            for (String word : line) script.append(" '").append(word.replace("'", "'\\''")).append('\'');
            script.append("; echo \"$kind\"\n");
        }
        Process p = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }

    private static List<String[]> runs(Training.Kind kind) {
        return Training.runs(kind, new Training.Inputs("net.nn", "v.json", "missing.nn", "syntax.nn", "shapes.nn"));
    }

    @Test
    void eachCacheServesWhatItIsTrainedOnAndTheFullOneTheRest() throws Exception {
        List<String[]> symbolic = runs(Training.Kind.SYMBOLIC), lean = runs(Training.Kind.LEAN), all = runs(Training.Kind.FULL);
        // each kind trains on the smaller one's command lines too, first
        for (int i = 0; i < symbolic.size(); i++) assertEquals(List.of(symbolic.get(i)), List.of(lean.get(i)));
        for (int i = 0; i < lean.size(); i++) assertEquals(List.of(lean.get(i)), List.of(all.get(i)));
        List<String[]> leanOnly = lean.subList(symbolic.size(), lean.size()), full = all.subList(lean.size(), all.size());
        assertTrue(symbolic.size() >= 4 && leanOnly.size() > 8 && full.size() >= 5, symbolic.size() + " " + leanOnly.size() + " " + full.size());
        assertEquals(symbolic.stream().map(l -> "symbolic").toList(), picked(25, symbolic));
        assertEquals(leanOnly.stream().map(l -> "lean").toList(), picked(25, leanOnly));
        assertEquals(full.stream().map(l -> "full").toList(), picked(25, full));
        List<String[]> others = List.of(new String[] {}, new String[] {"repl"}, new String[] {"--format=JSON", "check", "net.nn"},
                new String[] {"serve", "--port", "0"}, new String[] {"codegen", "net.nn", "--target", "numpy"},
                new String[] {"latex", "net.nn", "--png", "d.png"}, new String[] {"derive", "net.nn", "--at=v.json"},
                new String[] {"help", "derive"}, new String[] {"-h"});
        assertEquals(others.stream().map(l -> "full").toList(), picked(25, others));
        List<String[]> leanToo = List.of(new String[] {"--format=latex", "derive", "net.nn"}, new String[] {"derive", "net.nn", "--check"},
                new String[] {"check", "derive"});
        assertEquals(leanToo.stream().map(l -> "lean").toList(), picked(25, leanToo));
    }

    @Test
    void beforeJdk24OneArchiveServesEveryCommand() throws Exception {
        List<String[]> lean = runs(Training.Kind.LEAN);
        assertEquals(lean.stream().map(l -> "full").toList(), picked(21, lean)); // lean holds symbolic's too
    }

    /** Java 5 class files (major version 49), as commons-math3's jar holds, cannot be in the cache: it is compiled from source. */
    @Test
    void commonsMathIsCompiledForTheCache() throws IOException {
        for (Class<?> c : List.of(org.apache.commons.math3.linear.RealMatrix.class, org.apache.commons.math3.linear.Array2DRowRealMatrix.class,
                org.apache.commons.math3.util.FastMath.class, picocli.CommandLine.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                DataInputStream data = new DataInputStream(in);
                assertEquals(0xCAFEBABE, data.readInt());
                data.readUnsignedShort();
                assertEquals(65, data.readUnsignedShort(), c.getName()); // Java 21
            }
        }
    }

    /**
     * A start looks up no class that is not there: such a search opens every jar on the class path
     * (the 40 MB one, at every start), while every class that is there comes from the cache. picocli
     * looked for Groovy's Closure (Commands turns that off).
     */
    @Test
    void aRunSearchesForNoClassThatIsNotThere() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dsun.misc.URLClassPath.debug=true",
                "-cp", System.getProperty("java.class.path"), "chainrule.cli.Main", "derive", "test-cases/seeds/003_mnist_sigmoid_softmax.nn");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        var lookup = java.util.regex.Pattern.compile("URLClassPath.getResource\\(\"([^\"]+\\.class)\"\\)").matcher(err);
        int found = 0;
        while (lookup.find()) {
            found++;
            assertTrue(ClassLoader.getSystemResource(lookup.group(1)) != null, "looked for a class that is not there: " + lookup.group(1));
        }
        assertTrue(found > 100, "class lookups seen: " + found); // without a cache, every class of ours is looked up
    }
}
