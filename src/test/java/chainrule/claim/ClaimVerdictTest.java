package chainrule.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each verdict and each diagnosis, on claims with the usual mistakes in them. */
class ClaimVerdictTest {
    private static final String NET = """
            x : 3
            t : 2
            W1 : 4 x 3
            b1 : 4
            W2 : 2 x 4
            b2 : 2
            Wx : 2 x 3
            X : 3 x 5
            S : 3 x 3
            c : 3
            B1 = W1*X + b1
            z1 = W1*x + b1
            h1 = sigmoid(z1)
            y = W2*h1 + b2 + Wx*x
            L = sum((y - t).^2)/2
            LB = sum(sum(B1.^2))
            r = relu(W1*x)
            R = sum(r)
            q = x'*S*x
            s = W2*tanh(z1)
            D = W1'*W1
            P = sum(sum(D .* D))
            a = c'*x
            A = abs(a - 1)
            u = c'*S*x
            """;

    static Stream<Arguments> claims() {
        return Stream.of(
                // correct, however written
                Arguments.of("d(L)/d(W2) = (y - t)*h1'", "correct", "agrees with dL/dW2"),
                Arguments.of("d(L)/d(b1) = diag(h1 .* (1 - h1))*W2'*(y - t)", "correct", "agrees"),
                Arguments.of("d(L)/d(b1) = W2'*(y - t) .* sigmoid'(z1)", "correct", "agrees"),
                Arguments.of("d(R)/d(W1) = relu'(r)*x'", "correct", "relu'(r)"),
                Arguments.of("d(L)/d(x) = W1'*(W2'*(y - t) .* h1 .* (1 - h1)) + Wx'*(y - t)", "correct", "agrees"),
                Arguments.of("d(q)/d(x) = (S + S')*x", "correct", "agrees"),
                Arguments.of("d(L)/d(W2) = d(L)/d(y)*h1'", "correct", "agrees"),
                // shape errors: where a claim does not type-check, and a claim of the wrong shape
                Arguments.of("d(L)/d(W2) = h1*(y - t)'", "shape-error", "its transpose (numerator layout)"),
                Arguments.of("d(L)/d(W1) = (W2*(y - t) .* h1 .* (1 - h1))*x'", "shape-error",
                        "cannot multiply W2 (2 x 4) by y - t (2 x 1): inner dimensions 4 and 2 differ"),
                Arguments.of("d(LB)/d(b1) = 2*B1", "shape-error", "a bias added to every column of a batch gets the sum of its gradient over the batch"),
                Arguments.of("d(L)/d(W1) = W2'*(y - t)", "shape-error", "your answer is 4 x 1; dL/dW1 is a gradient: it has W1's shape, 4 x 3"),
                // incorrect, each with its diagnosis
                Arguments.of("d(L)/d(W2) = -(y - t)*h1'", "incorrect", "the sign is wrong"),
                Arguments.of("d(L)/d(W2) = 2*(y - t)*h1'", "incorrect", "a factor of 2 too many"),
                Arguments.of("d(q)/d(x) = S*x", "incorrect", "a term is missing"),
                Arguments.of("d(L)/d(W2) = (y + t)*h1'", "incorrect", "the term -t has the wrong sign"),
                Arguments.of("d(L)/d(x) = W1'*(W2'*(y - t) .* h1 .* (1 - h1))", "incorrect", "a term is missing: Wx'*(y - t)"),
                Arguments.of("d(L)/d(W1) = (W2'*(y - t))*x'", "incorrect",
                        "the activation derivative sigmoid'(z1) = h1 .* (1 - h1) is missing"),
                Arguments.of("d(L)/d(b1) = W2'*(y - t) .* sigmoid'(h1)", "incorrect", "sigmoid' is taken at h1, the activation's output"),
                Arguments.of("d(L)/d(b1) = W2'*(y - t) .* h1", "incorrect", "the factor 1 - h1 is missing"),
                Arguments.of("d(L)/d(b1) = W2'*(y - t) .* h1 .* (1 - h1) .* (1 - h1)", "incorrect",
                        "an extra factor 1 - h1: it is there twice"),
                Arguments.of("d(u)/d(S) = x*c'", "incorrect", "it is the transpose of the derivative"),
                Arguments.of("d(P)/d(W1) = 4*W1*D", "correct", "agrees"),
                Arguments.of("d(q)/d(x) = 2*S'*x", "incorrect", "differs from dq/dx"),
                // partly correct: right on one side of a kink only
                Arguments.of("d(A)/d(c) = x", "partly-correct", "only where a - 1 > 0"),
                Arguments.of("d(A)/d(x) = c", "partly-correct", "sign(a - 1) is missing"),
                // chains: the first wrong step
                Arguments.of("d(L)/d(W2) = (y - t)*h1' = (y - t)*h1' + 0 = (y + t)*h1'",
                        "incorrect", "step 3"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("claims")
    void verdict(String claim, String verdict, String message) {
        ClaimResult r = check(claim);
        assertEquals(verdict, r.verdict().word, r.message());
        assertTrue(r.message().contains(message), "message: " + r.message());
    }

    @ParameterizedTest
    @MethodSource("chains")
    void firstWrongStep(String claim, Integer first) {
        assertEquals(first, check(claim).firstWrongStep());
    }

    static Stream<Arguments> chains() {
        return Stream.of(
                Arguments.of("d(L)/d(W2) = (y - t)*h1' = d(L)/d(y)*h1' = (y + t)*h1'", 3),
                Arguments.of("d(L)/d(W2) = (y + t)*h1' = (y - t)*h1'", 1),
                Arguments.of("d(L)/d(W2) = (y - t)*h1' = h1*(y - t)'", 2),
                Arguments.of("d(L)/d(W2) = (y - t)*h1'", null));
    }

    private static ClaimResult check(String claim) {
        Program p = Loader.load(new SourceFile("net.nn", NET));
        SourceFile src = new SourceFile("--claim", "claim " + claim);
        Stmt.Claim c = (Stmt.Claim) Parse.statement(src);
        return new Engine(p).check(chainrule.shape.Checker.claim(p, src, c), 5);
    }
}
