package chainrule.claim;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How claims meet the numbers (SPEC §3): undefined values, sizes that change, one verdict a claim. */
class ClaimNumericsTest {

    private static ClaimResult check(String problem, String claim, long seed) {
        Program p = Loader.load(new SourceFile("net.nn", problem));
        SourceFile src = new SourceFile("--claim", "claim " + claim);
        Stmt.Claim c = (Stmt.Claim) Parse.statement(src);
        return new Engine(p).check(chainrule.shape.Checker.claim(p, src, c), seed);
    }

    /** An expression undefined at a point equals nothing there: added to a right answer, it is not right. */
    @ParameterizedTest
    @ValueSource(strings = {"0/0", "0*log(0)", "1e308*1e308*0", "0 .* log(0)"})
    void anUndefinedTermIsNotZero(String undefined) {
        ClaimResult r = check("x : 3\nL = sum(x)\n", "d(L)/d(x) = ones(3, 1) + " + undefined, 1);
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        assertTrue(r.message().contains("has no value there"), r.message());
        assertEquals(Verdict.CORRECT, check("x : 3\nL = sum(x)\n", "d(L)/d(x) = ones(3, 1) + 0*x", 1).verdict());
    }

    /** Right at one size only: each point draws its own sizes, so every seed sees the other sizes too. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aClaimRightAtOneSizeIsIncorrectAtEverySeed(long seed) {
        ClaimResult r = check("x : n\nL = sum(x)\n", "d(L)/d(x) = ones(n, 1)*n/3", seed);
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        assertTrue(r.message().contains("differs from dL/dx at 8 of 12 points drawn"), r.message());
        assertEquals(Verdict.CORRECT, check("x : n\nL = sum(x)\n", "d(L)/d(x) = ones(n, 1)", seed).verdict());
    }

    /**
     * A large input is compared at points of its ordinary scale: a loss as large as its terms are
     * many once made every point be drawn again nearer 0 (here X at 0.06 of its scale), where a
     * wrong term of high order is under the tolerance and the claim was judged correct.
     */
    @Test
    void aWrongClaimOnALargeInputIsCaught() {
        String problem = "X : 400 x 400\nL = sum(X .* X)^2\n";
        ClaimResult wrong = check(problem, "d(L)/d(X) = 4*sum(X .* X)*X + X.^5", 5);
        assertEquals(Verdict.INCORRECT, wrong.verdict(), wrong.message());
        assertEquals(Verdict.CORRECT, check(problem, "d(L)/d(X) = 4*sum(X .* X)*X", 5).verdict());
    }

    /**
     * A softmax or a sigmoid written out as a quotient is Inf/Inf where its argument is large, and
     * such a point is drawn (the network's own softmax saturates without overflowing): the claim
     * still has its value there, and a right one is correct.
     */
    @Test
    void aSoftmaxOrSigmoidWrittenAsAQuotientIsRightAtSaturation() {
        String softmax = "x : 3\nW : 3 x 3\ny : 3 onehot\nz = 300*W*x\nyhat = softmax(z)\nL = -sum(y .* log(yhat))\n";
        ClaimResult r = check(softmax, "d(L)/d(z) = exp(z) / sum(exp(z)) - y", 1);
        assertEquals(Verdict.CORRECT, r.verdict(), r.message());
        ClaimResult w = check(softmax, "d(L)/d(W) = 300*(exp(z) / sum(exp(z)) - y)*x'", 1);
        assertEquals(Verdict.CORRECT, w.verdict(), w.message());
        assertEquals(Verdict.INCORRECT, check(softmax, "d(L)/d(z) = exp(z) / sum(exp(z)) + y", 1).verdict());
        String logistic = "x : 3\nw : 3\nz = 1000*w'*x\nL = softplus(z)\n";
        ClaimResult s = check(logistic, "d(L)/d(w) = 1000*exp(z) ./ (1 + exp(z))*x", 1);
        assertEquals(Verdict.CORRECT, s.verdict(), s.message());
    }

    /** Ctrl-C while a claim's values are worked out stops the claim: it is not a value outside the domain. */
    @Test
    void anInterruptedEvaluationIsNotAnUndefinedValue() {
        chainrule.expr.Expr two = chainrule.expr.Ex.num(2);
        chainrule.eval.Point nowhere = new chainrule.eval.Point(java.util.Map.of(), java.util.Map.of());
        assertEquals(2.0, ClaimChecker.evalOrNull(two, nowhere, java.util.Map.of(), d -> null).getEntry(0, 0));
        Thread.currentThread().interrupt();
        try {
            assertThrows(chainrule.source.Cancelled.class, () -> ClaimChecker.evalOrNull(two, nowhere, java.util.Map.of(), d -> null));
        } finally {
            Thread.interrupted();
        }
    }
}
