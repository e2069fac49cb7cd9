package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeriveTraceTest {
    @TempDir
    Path dir;

    @Test
    void traceShowsEachRewriteWithItsRule() {
        Path f = Run.file(dir, "W : m x n\nlambda : scalar\nL = lambda/2*sum(W.^2)\nderive L wrt W\n");
        Run r = Run.of("derive", "--trace", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("rewrite [scalar factors gathered] lambda / 2*2*W  ->  lambda*W"), r.out());
        assertTrue(r.out().strip().endsWith("dL/dW = lambda*W                                m x n  gradient"), r.out());
    }

    @Test
    void withoutTraceNoRewriteIsShown() {
        Path f = Run.file(dir, "W : m x n\nlambda : scalar\nL = lambda/2*sum(W.^2)\nderive L wrt W\n");
        Run r = Run.of("derive", f.toString());
        assertEquals("dL/dW = lambda*W                                m x n  gradient", r.out().strip());
    }
}
