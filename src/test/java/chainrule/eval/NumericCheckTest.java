package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.expr.Ex;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Right answers pass whatever the size or scale of their numbers (SPEC §3, issue 14); wrong ones still fail. */
class NumericCheckTest {

    /** Every derivative the file asks for, checked at seed 1: "what failed" for each that did not pass. */
    private static List<String> failures(Program p) {
        Engine engine = new Engine(p);
        List<String> failed = new ArrayList<>();
        for (Program.Request r : p.requests()) {
            if (!(r instanceof Program.Derive d)) continue;
            for (Answer a : engine.derive(d)) {
                CheckResult c = engine.check(a, 1);
                if (!c.passed()) failed.add("d" + a.of() + "/d" + a.wrt().name() + ": " + c.maxRelError());
            }
        }
        return failed;
    }

    @Test
    void largeValuesAroundASmallSlope() {
        Program p = Programs.of("x : 3", "L = sum(x + 1e6)", "derive L wrt x");
        assertEquals(List.of(), failures(p));
        // and the error model does not let a wrong answer through: 1.001 instead of 1
        CheckResult wrong = Verifier.check(p, Programs.var(p, "L"), Programs.var(p, "x"),
                Ex.scale(Ex.num(1.001), Ex.ones(Programs.var(p, "x").shape())), null, 1);
        assertFalse(wrong.passed(), "error " + wrong.maxRelError());
    }

    @Test
    void theErrorEstimateCoversTheDifferencesOwnError() {
        Program p = Programs.of("x : 3", "L = sum(x + 1e6)");
        Point point = new Sampler(p, 1).draw();
        FiniteDifferences.Estimate e = new FiniteDifferences(p, null).estimate(Programs.var(p, "L"), Programs.var(p, "x"), point);
        for (int i = 0; i < 3; i++) {
            double actual = Math.abs(e.value().getEntry(i, 0) - 1);
            assertTrue(actual <= e.error().getEntry(i, 0), "actual error " + actual + " over the estimate " + e.error().getEntry(i, 0));
            assertTrue(e.error().getEntry(i, 0) < 1e-3, "the longer step keeps it small: " + e.error().getEntry(i, 0));
        }
    }

    @Test
    void sumOfAMillionEntries() {
        Program p = Programs.of("x : 1000 x 1000", "L = sum(x)", "derive L wrt x");
        assertEquals(List.of(), failures(p));
    }

    @Test
    void batchMlp784By256By10() {
        Program p = Programs.of("X : 784 x 64", "Y : 10 x 64 onehot", "W1 : 256 x 784", "b1 : 256", "W2 : 10 x 256", "b2 : 10",
                "H = relu(W1*X + b1)", "Z = W2*H + b2", "L = -sum(Y .* log_softmax(Z)) / 64", "derive L wrt W1, b1, W2, b2");
        assertEquals(List.of(), failures(p));
    }

    @Test
    void aFiveThousandLayerNetwork() {
        StringBuilder src = new StringBuilder("x : 2\nW : 2 x 2\nh1 = tanh(W*x)\n");
        for (int k = 2; k <= 5000; k++) src.append("h").append(k).append(" = tanh(W*h").append(k - 1).append(")\n");
        src.append("L = sum(h5000)\nderive L wrt x\n");
        Program p = chainrule.cli.Loader.load(new chainrule.source.SourceFile("deep.nn", src.toString()));
        assertEquals(List.of(), failures(p));
    }

    @Test
    void aMatrixOverTheLimitIsBadInputNamingTheLimitAndTheOption() {
        Program p = Programs.of("X : 100000 x 100000", "L = sum(X)");
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> new Sampler(p, 1).draw());
        String m = e.first().render();
        assertTrue(m.startsWith("test.nn:1:1: error: X needs a 100000 x 100000 matrix"), m);
        assertTrue(m.contains("over the limit of 25000000 entries") && m.contains("--max-entries N raises it"), m);
        long before = Limits.maxEntries();
        try {
            Limits.setMaxEntries(10);
            Program q = Programs.of("x : 4", "y = kron(x, x)", "L = sum(y)");
            ChainRuleException k = assertThrows(ChainRuleException.class, () -> new Sampler(q, 1).draw());
            assertTrue(k.first().render().startsWith("test.nn:2:1: error: y needs a 16 x 1 matrix"), k.first().render());
        } finally {
            Limits.setMaxEntries(before);
        }
    }

    @Test
    void aSliceBeyondTheSizesOfTheValuesIsBadInputNamingIt() {
        Program p = Programs.of("x : n", "r = x[3]", "L = sum(r)");
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> Values.parse("{\"x\": [1, 2]}", p));
        assertEquals("test.nn:2:1: error: a slice in r takes row 3 of a 2 x 1 value with n = 2\nr = x[3]\n^~~~~~~~",
                e.first().render());
        Program far = Programs.of("x : n", "r = x[100000]", "L = sum(r)");
        ChainRuleException f = assertThrows(ChainRuleException.class, () -> Values.parse("{\"x\": [1, 2]}", far));
        assertTrue(f.first().render().contains("takes row 100000 of a 2 x 1 value"), f.first().render());
    }

    @Test
    void aLargeVariableIsCheckedAtOnePointAlongADirection() {
        Program p = Programs.of("X : 400 x 300", "L = sum(tanh(X))");
        var x = Programs.var(p, "X");
        CheckResult right = Verifier.check(p, Programs.var(p, "L"), x, Ex.applyD(chainrule.expr.Builtin.TANH, 1, x), null, 1);
        assertTrue(right.passed(), "error " + right.maxRelError());
        assertEquals(1, right.points());
        assertEquals(Verifier.DIRECTIONS, right.expected().getColumnDimension());
        CheckResult wrong = Verifier.check(p, Programs.var(p, "L"), x, Ex.applyD(chainrule.expr.Builtin.TANH, 0, x), null, 1);
        assertFalse(wrong.passed());
    }
}
