package chainrule.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.claim.ClaimResult;
import chainrule.cli.Loader;
import chainrule.eval.CheckResult;
import chainrule.eval.Limits;
import chainrule.parse.TokenizerOracle;
import chainrule.render.Latex;
import chainrule.render.Text;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The whole pipeline under Jazzer: source text, parse, shapes, derive, simplify, render, the
 * numeric check and claims. The only outcomes allowed are a result or bad input whose every
 * message has a place in the file; anything else escaping is a finding.
 *
 * <p>Without JAZZER_FUZZ this runs once per file of the committed corpus,
 * {@code src/test/resources/chainrule/fuzz/PipelineFuzzTestInputs/pipeline/} (seeded from
 * test-cases/ and every finding so far). README's test section has the command of a long run.
 */
class PipelineFuzzTest {
    static final long MAX_ENTRIES = 20_000;

    @FuzzTest(maxDuration = "10m")
    void pipeline(byte[] input) {
        // bytes that are not UTF-8 become U+FFFD (the loader's own check of them is tested elsewhere)
        SourceFile source = new SourceFile("fuzz.nn", new String(input, StandardCharsets.UTF_8));
        // the hand-written tokenizer reads what the grammar's lexer rules read
        assertEquals(TokenizerOracle.byGrammar(source.text()), TokenizerOracle.byHand(source.text()));
        // numeric work on small matrices only, so an input runs in milliseconds; the limit's message is an outcome too
        long limit = Limits.maxEntries();
        Limits.setMaxEntries(MAX_ENTRIES);
        try {
            run(source);
        } catch (ChainRuleException e) {
            assertPlaced(e);
        } finally {
            Limits.setMaxEntries(limit);
        }
    }

    /** What 'chainrule FILE' does, and the renderings 'latex' adds. */
    private static void run(SourceFile source) {
        Program p = Loader.load(source);
        Engine engine = new Engine(p);
        Text text = engine.text(false);
        Text unicode = engine.text(true);
        for (Program.Request r : p.requests()) {
            switch (r) {
                case Program.Derive d -> {
                    for (Answer a : engine.derive(d)) {
                        assertFalse(text.render(a.expression()).isEmpty());
                        assertFalse(unicode.render(a.expression()).isEmpty());
                        assertFalse(Latex.render(a.expression()).isEmpty());
                        CheckResult c = engine.check(a, 1);
                        assertTrue(c.points() > 0);
                    }
                }
                case Program.Claim c -> {
                    ClaimResult res = engine.check(c, 1);
                    assertNotNull(res.verdict());
                    assertFalse(res.message().isEmpty());
                }
                case Program.Show s -> assertFalse(text.render(engine.simplify(s.expr())).isEmpty());
            }
        }
    }

    private static void assertPlaced(ChainRuleException e) {
        assertFalse(e.problems().isEmpty());
        for (Problem p : e.problems()) {
            // after the first 20 messages a last line says the rest were left out: it has no one place
            if (p.message().startsWith("too many errors")) continue;
            assertTrue(p.source() != null && p.span() != null && p.span().known(),
                    () -> "a message without a place: " + p.render());
            assertFalse(p.render().isEmpty());
        }
    }
}
