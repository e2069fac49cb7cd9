package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** derive --trace: every rewrite of the simplifier, with its rule's name, on standard error. */
class DeriveTraceTest {
    @TempDir
    Path dir;

    private static final String WEIGHT_DECAY = """
            W : 3 x 2
            lambda : scalar
            L = lambda/2*sum(W.^2)
            derive L wrt W
            """;

    @Test
    void traceNamesEachRewriteAndTheAnswerIsUnchanged() {
        Path f = Run.file(dir, WEIGHT_DECAY);
        Run plain = Run.of("derive", f.toString());
        Run traced = Run.of("derive", f.toString(), "--trace");
        assertEquals(0, traced.status(), traced.err());
        assertEquals(plain.out(), traced.out());
        assertEquals("", plain.err());
        List<String> lines = Arrays.stream(traced.errLines()).filter(l -> !l.isEmpty()).toList();
        assertTrue(!lines.isEmpty(), "no rewrite traced");
        for (String l : lines) assertTrue(l.matches("trace: [^:]+: .+  =>  .+"), l);
        // the last rewrite leaves the printed answer
        assertTrue(traced.out().contains("lambda*W"), traced.out());
        assertTrue(lines.get(lines.size() - 1).endsWith("=>  lambda*W"), String.join("\n", lines));
    }

    @Test
    void traceIsAnOptionOfDeriveOnly() {
        Path f = Run.file(dir, WEIGHT_DECAY);
        Run r = Run.of("check", f.toString(), "--trace");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--trace"), r.err());
    }
}
