package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's checks, which use bash's own tests rather than find and stat (no process on every
 * run): when the jar is stale, and when a start-up cache counts. Each runs ./chainrule's function
 * in bash over a project tree of its own.
 */
class LauncherTest {
    @TempDir
    Path root;

    private final Instant built = Instant.parse("2026-01-01T12:00:00Z");

    @BeforeEach
    void aBuiltProject() throws IOException {
        for (String f : new String[] {"pom.xml", "src/main/java/chainrule/cli/Main.java", "src/main/resources/chainrule/v.properties",
                "grammar/ChainRule.g4", "test-cases/seeds/000.nn", "target/chainrule.jar"}) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
        try (var all = Files.walk(root)) {
            for (Path p : all.toList()) Files.setLastModifiedTime(p, FileTime.from(built.minusSeconds(60)));
        }
        Files.setLastModifiedTime(root.resolve("target/chainrule.jar"), FileTime.from(built));
    }

    /** The named function of ./chainrule, run in bash (with the launcher's shell options) on these lines; its output. */
    private String bash(String function, String lines) throws IOException, InterruptedException {
        String launcher = Files.readString(Path.of("chainrule"), StandardCharsets.UTF_8);
        int from = launcher.indexOf("\n" + function + "() {"), to = launcher.indexOf("\n}\n", from);
        assertTrue(from > 0 && to > from, function + " in ./chainrule");
        String script = "set -euo pipefail\nshopt -s globstar dotglob nullglob\nROOT='" + root + "' JAR='" + root + "/target/chainrule.jar'\n"
                + launcher.substring(from, to + 3) + lines;
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.strip();
    }

    private String stale() throws IOException, InterruptedException {
        return bash("jar_stale", "if jar_stale; then echo stale; else echo fresh; fi\n");
    }

    private void touch(String file, long secondsAfterTheBuild) throws IOException {
        Files.setLastModifiedTime(root.resolve(file), FileTime.from(built.plusSeconds(secondsAfterTheBuild)));
    }

    @Test
    void theJarIsFreshUntilABuildInputChanges() throws Exception {
        assertEquals("fresh", stale());
        touch("src/main/resources/chainrule/v.properties", 1);
        assertEquals("stale", stale());
    }

    @Test
    void anyInputCounts() throws Exception {
        for (String input : new String[] {"pom.xml", "src/main/java/chainrule/cli/Main.java", "grammar/ChainRule.g4", "test-cases/seeds/000.nn"}) {
            aBuiltProject();
            touch(input, 1);
            assertEquals("stale", stale(), input);
        }
    }

    @Test
    void aFileAddedOrRemovedCounts() throws Exception {
        Files.createDirectories(root.resolve("src/main/java/chainrule/extra")); // its folder's time is now
        assertEquals("stale", stale());
        aBuiltProject();
        Files.delete(root.resolve("src/main/java/chainrule/extra"));
        assertEquals("stale", stale()); // the parent folder's time changed
    }

    @Test
    void noJarIsStale() throws Exception {
        Files.delete(root.resolve("target/chainrule.jar"));
        assertEquals("stale", stale());
    }

    @Test
    void aCacheCountsWhileNewerThanTheJarAndTheJdk() throws Exception {
        Path jdk = Files.createDirectories(root.resolve("jdk/lib"));
        Files.writeString(jdk.resolve("modules"), "");
        Files.setLastModifiedTime(jdk.resolve("modules"), FileTime.from(built.minusSeconds(3600)));
        Path cache = Files.createDirectories(root.resolve("target/aot")).resolve("jdk.lean.aot");
        Files.writeString(cache, "cache");
        String check = "JAVA_HOME='" + root.resolve("jdk") + "'\nif fresh '" + cache + "'; then echo yes; else echo no; fi\n";
        touch("target/aot/jdk.lean.aot", 10);
        assertEquals("yes", bash("fresh", check));
        touch("target/chainrule.jar", 20); // a newer jar
        assertEquals("no", bash("fresh", check));
        touch("target/chainrule.jar", 0);
        Files.setLastModifiedTime(jdk.resolve("modules"), FileTime.from(built.plusSeconds(30))); // an updated JDK
        assertEquals("no", bash("fresh", check));
    }
}
