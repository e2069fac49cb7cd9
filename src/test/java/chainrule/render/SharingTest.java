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
import org.junit.jupiter.params.provider.ValueSource;

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

    /** sum(softmax(x)) is 1 whatever x: weighted by x, the derivative of nested softmax is not zero. */
    static String weighted(String f, int depth) {
        return nested(f, depth).replace(")\n", " .* x)\n");
    }

    /** An elementwise product of n softmaxes, softmax(x) .* softmax(2*x) .* ... */
    static String softmaxProduct(int n) {
        StringBuilder h = new StringBuilder("softmax(x)");
        for (int k = 2; k <= n; k++) h.append(" .* softmax(").append(k).append("*x)");
        return "x : 3\nh = " + h + "\nL = sum(h)\n";
    }

    static String chain(String kind, int n) {
        return switch (kind) {
            case "nested softmax" -> weighted("softmax", n);
            case "nested log_softmax" -> weighted("log_softmax", n);
            case "softmax product" -> softmaxProduct(n);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tanh, 60", "sin, 40"})
    void nestedFunctionsPrintNamesThatReadBackAsACorrectClaim(String f, int depth) {
        String source = nested(f, depth);
        Program p = load(source + "derive L wrt x\n");
        String printed = listing(p, new Engine(p));
        assertTrue(printed.startsWith("t1 = " + f + "(x)"), printed.substring(0, 40));
        assertReadsBack(source, printed);
    }

    /**
     * Nested softmax's adjoint uses the one below it twice: a tree that doubles with each level,
     * which equals and hashCode walked (40 deep did not end). A product of n softmaxes and nested
     * log_softmax build partial products and sums on each other, which flattened were written
     * out again each time (a product of 200 softmaxes printed 1.4 MB).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nested softmax", "nested log_softmax", "softmax product"})
    void chainsOfFortyDeriveAndPrintNamesThatReadBackAsACorrectClaim(String kind) {
        String source = chain(kind, 40);
        Program p = load(source + "derive L wrt x\n");
        Engine engine = new Engine(p);
        Answer a = engine.derive((Program.Derive) p.requests().get(0)).get(0);
        assertTrue(engine.check(a, 5).passed(), "the derivative agrees with finite differences");
        assertReadsBack(source, listing(p, engine));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nested softmax", "nested log_softmax", "softmax product"})
    void theListingOfAChainGrowsLinearly(String kind) {
        int[] chars = new int[3];
        for (int i = 0; i < 3; i++) {
            Program p = load(chain(kind, 20 * (i + 1)) + "derive L wrt x\n");
            chars[i] = listing(p, new Engine(p)).length();
        }
        // linear: 20 more add about as much as the 20 before (flattened, the product added 7,400 then 10,800)
        int first = chars[1] - chars[0], second = chars[2] - chars[1];
        assertTrue(second < 1.15 * first, chars[0] + ", " + chars[1] + ", " + chars[2] + " characters");
    }

    /** The names become definitions of the file, the answer a claim (its shape column dropped), and the claim is correct. */
    private static void assertReadsBack(String source, String printed) {
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
