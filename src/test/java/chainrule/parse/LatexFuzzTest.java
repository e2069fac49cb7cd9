package chainrule.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever LaTeX is pasted, the answer is statements or messages with a place in it, never an internal fault. */
class LatexFuzzTest {
    private static final String[] PIECES = {"x", "W", "_", "^", "{", "}", "(", ")", "[", "]", "\\frac", "\\partial", "d", "dL",
        "\\cdot", "\\odot", "=", "+", "-", "'", "T", "\\top", "\\sigma", "\\text{relu}", "\\hat{y}", "\\in", "\\mathbb{R}",
        "\\times", "2", "1x", ",", "\\ ", "\\\\", "&", "\\begin{bmatrix}", "\\end{bmatrix}", "\\left(", "\\right)", "|",
        "\\|", "\\sqrt", "\\log", "\\max", "\\{", "\\}", "\\foo", "%", " ", "\\operatorname", "\\textbf{h}"};

    @Test
    void randomLatexGetsStatementsOrPlacedMessages() {
        Random random = new Random(10);
        for (int n = 0; n < 1500; n++) {
            StringBuilder line = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) line.append(PIECES[random.nextInt(PIECES.length)]);
            String text = (n % 2 == 0 ? "$" + line + "$" : line.toString()) + "\n";
            try {
                Parse.file(new SourceFile(n % 2 == 0 ? "t.nn" : "t.tex", text));
            } catch (ChainRuleException e) {
                for (Problem p : e.problems()) {
                    assertTrue(p.span() != null && p.span().known() && p.span().line() == 1, text + ": " + e.render());
                    assertTrue(p.span().stop() <= text.length(), text + ": " + e.render());
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail(text + ": " + e, e);
            }
        }
    }

    @Test
    void deepNestingIsAMessage() {
        String text = "$x = " + "(".repeat(3000) + "x" + ")".repeat(3000) + "$\n";
        try {
            Parse.file(new SourceFile("t.nn", text));
        } catch (ChainRuleException e) {
            assertEquals(1, e.problems().get(0).span().line(), e.render());
        }
    }
}
