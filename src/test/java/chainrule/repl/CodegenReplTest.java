package chainrule.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ':codegen numpy|torch' writes the session's last derivatives as a module; a missing target or derive is said so. */
class CodegenReplTest {
    @Test
    void writesTheLastDerivativesAsAModule() {
        ReplSessions s = ReplSessions.run("""
                x : 2
                W : 3 x 2
                L = sum(tanh(W*x))
                derive L wrt W
                :codegen torch
                """);
        assertEquals("", s.err());
        assertTrue(s.out().contains("\nimport torch\n"), s.out());
        assertTrue(s.out().contains("    dL_dW = (1 - torch.tanh(W @ x) ** 2) @ x.T  # 3 x 2\n"), s.out());
        assertTrue(s.out().contains("    return {\"d(L)/d(W)\": dL_dW}"), s.out());
    }

    @Test
    void saysWhatIsMissing() {
        ReplSessions s = ReplSessions.run("""
                x : 2
                :codegen numpy
                :codegen jax
                :codegen
                """);
        assertTrue(s.err().contains("nothing to generate yet: ask for derivatives first (derive L wrt W), then :codegen numpy"), s.err());
        assertTrue(s.err().contains("no target 'jax': :codegen numpy or :codegen torch"), s.err());
        assertTrue(s.err().contains(":codegen needs a target: :codegen numpy or :codegen torch"), s.err());
    }
}
