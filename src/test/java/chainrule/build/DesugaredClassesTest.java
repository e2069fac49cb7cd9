package chainrule.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The classes that ship (target/classes, which the build desugared before the tests) hold no call site
 * the JVM would link by spinning a class for a switch or a record method, so a new switch or record
 * cannot slip past the pass; and the pass itself is not among them.
 */
class DesugaredClassesTest {
    private static final Path CLASSES = Path.of("target/classes");

    private static List<Path> classFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(CLASSES)) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    /**
     * Lambdas are the one kind left: the JDK's start-up cache keeps their call sites linked. A switch or
     * record method left means the pass missed a kind; a string concatenation means javac lost
     * -XDstringConcat=inline.
     */
    @Test
    void onlyLambdaCallSitesRemain() throws IOException {
        Map<String, Integer> left = new TreeMap<>();
        int classes = 0, lambdas = 0;
        for (Path file : classFiles()) {
            classes++;
            for (var e : Indys.count(Files.readAllBytes(file)).entrySet()) {
                if (e.getKey().equals("java/lang/invoke/LambdaMetafactory.metafactory")) lambdas += e.getValue();
                else left.merge(CLASSES.relativize(file) + ": " + e.getKey(), e.getValue(), Integer::sum);
            }
        }
        assertTrue(classes > 300, "target/classes holds " + classes + " class files");
        assertTrue(lambdas > 100, lambdas + " lambdas");
        assertEquals(Map.of(), left, "call sites the desugaring pass (src/build/java) did not rewrite");
    }

    @Test
    void theRecordsAndSwitchesCallTheirOwnMethods() throws IOException {
        byte[] add = Files.readAllBytes(CLASSES.resolve("chainrule/expr/Expr$Add.class"));
        String text = new String(add, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(Desugar.PREFIX + "toString$"), "Expr.Add has its toString written out");
    }

    @Test
    void thePassIsNotShippedAndNothingShippedUsesAsm() throws IOException {
        assertFalse(Files.exists(CLASSES.resolve("chainrule/build")));
        for (Path file : classFiles()) {
            String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("org/objectweb/asm"), file + " refers to ASM");
        }
    }
}
