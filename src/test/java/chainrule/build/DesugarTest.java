package chainrule.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The desugaring pass on {@link Samples}: its class files are desugared in memory and loaded in a
 * class loader of their own, and every observable result of the copy (hashCode, equals, toString,
 * each switch's branch or exception) must equal the original's, over many drawn values.
 */
class DesugarTest {
    private static final Map<String, byte[]> ORIGINAL = read();
    private static final Map<String, Desugar.Result> DESUGARED = desugarAll();

    private static Map<String, byte[]> read() {
        try {
            Path dir = Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("chainrule/build");
            Map<String, byte[]> classes = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("Samples(\\$.*)?\\.class")).sorted().toList()) {
                    String simple = f.getFileName().toString().replace(".class", "");
                    classes.put("chainrule.build." + simple, Files.readAllBytes(f));
                }
            }
            return classes;
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Desugar.Result> desugarAll() {
        Map<String, Desugar.Result> out = new LinkedHashMap<>();
        ORIGINAL.forEach((name, bytes) -> out.put(name, Desugar.desugar(bytes)));
        return out;
    }

    /** Loads the desugared copies first, everything else from the test's class loader. */
    private static final class CopyLoader extends ClassLoader {
        CopyLoader() { super("desugared", DesugarTest.class.getClassLoader()); }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Desugar.Result copy = DESUGARED.get(name);
                if (copy == null) return super.loadClass(name, resolve);
                Class<?> c = findLoadedClass(name);
                if (c == null) c = defineClass(name, copy.bytes(), 0, copy.bytes().length);
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }

    private static final Class<?> COPY;

    static {
        try {
            COPY = new CopyLoader().loadClass(Samples.class.getName());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> observe(Class<?> samples, long firstSeed, int count, Object[] shared) throws Exception {
        Method draw = samples.getDeclaredMethod("draw", long.class, Object[].class);
        Method observe = samples.getDeclaredMethod("observe", List.class);
        // the copy is in another run-time package (another class loader): package access does not reach it
        draw.setAccessible(true);
        observe.setAccessible(true);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) values.add(draw.invoke(null, firstSeed + i, (Object) shared));
        return (List<String>) observe.invoke(null, values);
    }

    @TestFactory
    Stream<DynamicTest> everyResultIsTheOriginals() {
        return IntStream.range(0, 60).mapToObj(block -> DynamicTest.dynamicTest("values " + block * 40 + " to " + (block * 40 + 39), () -> {
            Object[] shared = {new int[] {1, 2, 3}, new int[0], new Object()};
            List<String> original = observe(Samples.class, block * 40L, 40, shared);
            List<String> copy = observe(COPY, block * 40L, 40, shared);
            for (int i = 0; i < Math.min(original.size(), copy.size()); i++) {
                assertEquals(original.get(i), copy.get(i), "observation " + i);
            }
            assertEquals(original.size(), copy.size());
        }));
    }

    @Test
    void theCopyIsReallyAnotherClassAndReallyDesugared() throws Exception {
        assertNotSame(Samples.class, COPY);
        int switches = 0, records = 0, left = 0;
        for (var e : DESUGARED.entrySet()) {
            Desugar.Result r = e.getValue();
            switches += r.switchSites();
            records += r.recordMethods();
            left += r.leftAlone();
            Map<String, Integer> indys = Indys.count(r.bytes());
            assertFalse(indys.containsKey("java/lang/runtime/ObjectMethods.bootstrap"), e.getKey() + ": " + indys);
        }
        // 12 records, each with equals, hashCode and toString
        assertEquals(3 * 12, records);
        assertEquals(countSwitches(ORIGINAL) - 2, switches);
        // constants() (an enum constant label) and strings() (a string label) stay with the JDK
        assertEquals(2, left);
        assertEquals(2, countSwitches(DESUGARED.values().stream().collect(
                LinkedHashMap::new, (m, r) -> m.put(m.size() + "", r.bytes()), Map::putAll)));
    }

    private static int countSwitches(Map<String, byte[]> classes) {
        return classes.values().stream().mapToInt(b -> Indys.count(b).getOrDefault("java/lang/runtime/SwitchBootstraps.typeSwitch", 0)).sum();
    }

    @Test
    void aSecondRunChangesNothing() {
        for (var e : DESUGARED.entrySet()) {
            byte[] once = e.getValue().bytes();
            Desugar.Result twice = Desugar.desugar(once);
            assertFalse(twice.changed(), e.getKey());
            assertArrayEquals(once, twice.bytes(), e.getKey());
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        ORIGINAL.forEach((name, bytes) -> assertArrayEquals(DESUGARED.get(name).bytes(), Desugar.desugar(bytes).bytes(), name));
        assertTrue(DESUGARED.values().stream().anyMatch(Desugar.Result::changed));
    }
}
