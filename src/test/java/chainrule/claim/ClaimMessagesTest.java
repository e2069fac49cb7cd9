package chainrule.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Claim messages a student can act on (issue 9): their wording, each defect of the old messages once. */
class ClaimMessagesTest {
    private static final String QUADRATIC = "x : n\nA : n x n\nf = x'*A*x\n";

    private static ClaimResult check(String problem, String claim) {
        Program p = Loader.load(new SourceFile("net.nn", problem));
        SourceFile src = new SourceFile("--claim", "claim " + claim);
        Stmt.Claim c = (Stmt.Claim) Parse.statement(src);
        return new Engine(p).check(chainrule.shape.Checker.claim(p, src, c), 5);
    }

    /** The expected answer reads as a derivation: the answer first, then "where" each step it uses, one a line. */
    @Test
    void anExpectedAnswerWithStepsReadsAsADerivation() {
        String rnn = """
                x1, x2, x3 : m
                h0 : n
                Wx : n x m
                Wh : n x n
                b  : n
                Wy : k x n
                c  : k
                y  : k onehot
                a1 = Wh*h0 + Wx*x1 + b
                h1 = tanh(a1)
                a2 = Wh*h1 + Wx*x2 + b
                h2 = tanh(a2)
                a3 = Wh*h2 + Wx*x3 + b
                h3 = tanh(a3)
                yhat = softmax(Wy*h3 + c)
                L = -sum(y .* log(yhat))
                """;
        ClaimResult r = check(rnn, "d(L)/d(Wh) = d(L)/d(a3)*h2'");
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        List<String> lines = r.message().lines().toList();
        int answer = indexStarting(lines, "dL/dWh = ");
        assertTrue(answer > 0, r.message());
        assertFalse(lines.get(answer).matches("dL/dWh = dL/d\\w+ = .*"), "an equation between derivatives: " + r.message());
        assertFalse(lines.get(answer).contains(";"), r.message());
        assertTrue(lines.get(answer).endsWith(" + dL/da2*h1' + dL/da3*h2'"), r.message());
        assertTrue(lines.get(answer + 1).startsWith("  where dL/da2 = Wh'*dL/da3 "), r.message());
        assertTrue(lines.get(answer + 2).startsWith("        dL/da3 = "), r.message());
        assertEquals(r.expected(), String.join("\n", lines.subList(answer, lines.size())).substring("dL/dWh = ".length()));
        assertTrue(r.expected().lines().skip(1).allMatch(l -> l.matches(" {2}where dL/d\\w+ = .*| {8}dL/d\\w+ = .*")), r.expected());
    }

    /** A small value whole: the expected beside the claimed, one row a line, entries lined up. */
    @Test
    void aSmallMismatchShowsBothMatricesWhole() {
        ClaimResult r = check("x : 3\nW : 2 x 3\nL = sum(tanh(W*x))\n", "d(L)/d(x) = 3*W'*(1 - tanh(W*x).^2)");
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        List<String> lines = r.message().lines().toList();
        int head = indexStarting(lines, "  expected");
        assertTrue(head > 0, r.message());
        assertTrue(lines.get(head).matches(" {2}expected {4,}claimed"), lines.get(head));
        for (int i = 1; i <= 3; i++) {
            String row = lines.get(head + i);
            double[] v = Arrays.stream(row.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(2, v.length, row);
            assertEquals(3 * v[0], v[1], 2e-3 * Math.abs(v[1]) + 1e-4, row);
            // entries lined up on their decimal points
            assertEquals(lines.get(head + 1).indexOf('.'), row.indexOf('.'), r.message());
            assertEquals(lines.get(head + 1).lastIndexOf('.'), row.lastIndexOf('.'), r.message());
        }
        assertFalse(r.message().contains("matrix, claimed"), r.message());
        assertTrue(r.message().contains("it is three times the derivative: a factor of 3 too many"), r.message());
    }

    /** A large value by its worst entries, with their indices, largest difference first. */
    @Test
    void aLargeMismatchShowsTheWorstEntries() {
        ClaimResult r = check("X : 5 x 5\nW : 5 x 5\nL = sum(sum((W*X).^2))\n", "d(L)/d(W) = 2*W*X");
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        assertFalse(r.message().contains("5 x 5 matrix"), r.message());
        List<String> lines = r.message().lines().toList();
        int head = indexStarting(lines, "  the 3 entries of 5 x 5 that differ most:");
        assertTrue(head > 0, r.message());
        assertTrue(lines.get(head + 1).matches(" {2}entry +expected +claimed"), lines.get(head + 1));
        double last = Double.POSITIVE_INFINITY;
        List<String> seen = new ArrayList<>();
        for (int i = 2; i <= 4; i++) {
            String row = lines.get(head + i).trim();
            assertTrue(row.matches("\\([1-5], [1-5]\\) +-?[0-9.e+-]+ +-?[0-9.e+-]+"), row);
            String[] parts = row.split("\\) +");
            seen.add(parts[0]);
            String[] v = parts[1].split(" +");
            double d = Math.abs(Double.parseDouble(v[0]) - Double.parseDouble(v[1]));
            assertTrue(d <= last * 1.001, "largest difference first: " + r.message());
            last = d;
        }
        assertEquals(3, seen.stream().distinct().count(), r.message());
    }

    /** 2*A*x is right only for a symmetric A: no transpose is missing (2*A'*x is wrong too); the message says what holds. */
    @Test
    void aClaimRightOnlyForASymmetricMatrixSaysSo() {
        ClaimResult r = check(QUADRATIC, "d(f)/d(x) = 2*A*x");
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        assertFalse(r.message().contains("transpose"), r.message());
        assertTrue(r.message().contains("true only where A is symmetric: (A + A')*x"), r.message());
        assertEquals(Verdict.INCORRECT, check(QUADRATIC, "d(f)/d(x) = 2*A'*x").verdict());
    }

    @Test
    void aHessianRightOnlyForASymmetricMatrixSaysSo() {
        ClaimResult r = check(QUADRATIC, "d(d(f)/d(x))/d(x) = 2*A");
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        assertTrue(r.message().contains("true only where A is symmetric: A + A'"), r.message());
    }

    /** The same claim written with hessian(f, x) (issue 11). */
    @Test
    void aHessianClaimWrittenAsHessianRightOnlyForASymmetricMatrixSaysSo() {
        ClaimResult r = check(QUADRATIC, "hessian(f, x) = 2*A");
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        assertTrue(r.message().contains("true only where A is symmetric: A + A'"), r.message());
        assertEquals(Verdict.CORRECT, check(QUADRATIC, "hessian(f, x) = A + A'").verdict());
    }

    /** Of two matrices, the one whose symmetry the claim needs is named. */
    @Test
    void theMatrixThatMustBeSymmetricIsNamed() {
        ClaimResult r = check("x : n\nA : n x n\nB : n x n\nf = x'*A'*B*x\n", "d(f)/d(x) = (A*B + B'*A')*x");
        assertTrue(r.message().contains("true only where A is symmetric: (A'*B + B'*A)*x"), r.message());
        assertFalse(r.message().contains("should be"), r.message());
    }

    /** Where the correction a diagnosis implies is right, it is given. */
    @Test
    void aMissingTransposeIsNamedWhereAddingItIsRight() {
        ClaimResult r = check("x : n\nc : n\nS : n x n\nu = c'*S*x\n", "d(u)/d(x) = S*c");
        assertTrue(r.message().contains("the factor S is missing its transpose: it should be S'"), r.message());
    }

    @Test
    void aTransposeTooManyIsNamedWhereDroppingItIsRight() {
        ClaimResult r = check("x : n\nc : n\nS : n x n\nu = x'*S*c\n", "d(u)/d(x) = S'*c");
        assertTrue(r.message().contains("the factor S' should be S, without the transpose"), r.message());
    }

    static Stream<Arguments> factors() {
        return Stream.of(
                Arguments.of("0.25*(A + A')*x", "it is a quarter of the derivative: a factor of 4 is missing"),
                Arguments.of("0.5*(A + A')*x", "it is half the derivative: a factor of 2 is missing"),
                Arguments.of("2*(A + A')*x", "it is twice the derivative: a factor of 2 too many"),
                Arguments.of("-(A + A')*x", "it is the derivative times -1: the sign is wrong"),
                Arguments.of("(A + A')*x/3", "it is a third of the derivative: a factor of 3 is missing"),
                Arguments.of("0.37*(A + A')*x", "it is the derivative times 0.37"),
                Arguments.of("-2.5*(A + A')*x", "it is the derivative times -2.5"));
    }

    /** A claim off by any constant factor says so in words. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("factors")
    void aConstantFactorInWords(String claim, String words) {
        ClaimResult r = check(QUADRATIC, "d(f)/d(x) = " + claim);
        assertEquals(Verdict.INCORRECT, r.verdict(), r.message());
        assertTrue(r.message().contains("drawn: " + words + "."), r.message());
    }

    private static int indexStarting(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        return -1;
    }
}
