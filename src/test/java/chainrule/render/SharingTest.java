package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Engine;
import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.diff.Step;
import chainrule.expr.Classes;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Shape;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8's linear cost in printed size: what a long answer repeats is named once (t1 = tanh(x),
 * ...), the listing grows linearly with the nesting, and the names pasted into the file as
 * definitions make the printed answer read back as a correct claim.
 */
class SharingTest {

    private static Program load(String text) {
        SourceFile file = new SourceFile("t.nn", text);
        return Checker.check(file, Parse.file(file));
    }

    static String nested(String f, int depth) {
        return "x : 3\nL = sum(" + (f + "(").repeat(depth) + "x" + ")".repeat(depth) + ")\n";
    }

    /** What 'chainrule derive' prints for the file's derive request. */
    static String listing(Program p, Engine engine) {
        List<Answer> answers = new ArrayList<>();
        for (Program.Request r : p.requests()) if (r instanceof Program.Derive d) answers.addAll(engine.derive(d));
        Listing listing = new Listing(engine.text(false));
        List<Step> steps = Engine.stepsOf(answers);
        listing.name(steps, answers, false);
        listing.steps(steps);
        for (Answer a : answers) listing.answer(a, false, null, null, null);
        return listing.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tanh, 60", "sin, 40"})
    void nestedFunctionsPrintNamesThatReadBackAsACorrectClaim(String f, int depth) {
        String source = nested(f, depth);
        Program p = load(source + "derive L wrt x\n");
        String printed = listing(p, new Engine(p));
        assertTrue(printed.startsWith("t1 = " + f + "(x)"), printed.substring(0, 40));
        // the names become definitions of the file, the answer a claim (its shape column dropped)
        StringBuilder file = new StringBuilder(source);
        String claim = null;
        for (String line : printed.split("\n")) {
            String text = line.replaceAll("\\s{2,}\\S.*$", "");
            if (text.matches("t\\d+ = .*")) file.append(text).append('\n');
            else if (text.startsWith("dL/dx = ")) claim = "claim d(L)/d(x) = " + text.substring("dL/dx = ".length());
        }
        Program back = load(file.toString());
        SourceFile src = new SourceFile("claim", claim);
        ClaimResult verdict = new Engine(back).check(Checker.claim(back, src, (Stmt.Claim) Parse.statement(src)), 11);
        assertTrue(verdict.correct(), claim + ": " + verdict.message());
    }

    @Test
    void theListingOfNestedTanhGrowsLinearlyWithTheDepth() {
        int[] chars = new int[2];
        for (int i = 0; i < 2; i++) {
            Program p = load(nested("tanh", 60 * (i + 1)) + "derive L wrt x\n");
            chars[i] = listing(p, new Engine(p)).length();
        }
        // written out as a tree, twice the depth was four times the text
        assertTrue(chars[1] < 2.2 * chars[0], chars[0] + " then " + chars[1] + " characters");
    }

    @Test
    void aShortAnswerIsWrittenAsItIs() {
        Program p = load(nested("tanh", 3) + "derive L wrt x\n");
        assertEquals("dL/dx = tanh'(tanh(tanh(x))) .* tanh'(tanh(x)) .* tanh'(x)", listing(p, new Engine(p)).split("  ")[0]);
    }

    @Test
    void aSecondDerivativeOfAResidualNetworkIsAsLongAsTheNetwork() {
        int[] chars = new int[2];
        for (int i = 0; i < 2; i++) {
            int depth = 6 * (i + 1);
            StringBuilder s = new StringBuilder("x : 3\n");
            for (int k = 0; k < depth; k++) s.append("W").append(k).append(" : 3 x 3\n");
            s.append("h0 = x\n");
            for (int k = 0; k < depth; k++) s.append("h").append(k + 1).append(" = h").append(k).append(" + tanh(W").append(k).append("*h").append(k).append(")\n");
            s.append("L = sum(h").append(depth).append(" .^ 2)\nG = d(L)/d(x)\nM = sum(G .^ 2)\nderive M wrt x\n");
            Program p = load(s.toString());
            Engine engine = new Engine(p);
            chars[i] = listing(p, engine).length();
            if (i == 0) {
                Answer a = engine.derive((Program.Derive) p.requests().get(0)).get(0);
                assertTrue(engine.check(a, 5).passed(), "the second derivative agrees with finite differences");
            }
        }
        // each step of dL/dx was copied once per path to it: 14 layers printed 2 million characters
        assertTrue(chars[1] < 2.5 * chars[0], chars[0] + " then " + chars[1] + " characters");
    }

    @Test
    void equalSubtreesAreOneClassAndDifferentOnesAreNot() {
        Expr x = Ex.var("x", Shape.of(3, 1)), y = Ex.var("y", Shape.of(3, 1));
        Expr a = Ex.hadamard(x, y), b = Ex.hadamard(Ex.var("x", Shape.of(3, 1)), y), c = Ex.hadamard(y, x);
        Classes classes = new Classes();
        assertEquals(classes.id(a), classes.id(b));
        assertNotEquals(classes.id(a), classes.id(c));
        assertEquals(4, classes.count(), "x, y, x .* y, y .* x");
        assertTrue(classes.id(a) > classes.id(x), "children are numbered before their parents");
    }
}
