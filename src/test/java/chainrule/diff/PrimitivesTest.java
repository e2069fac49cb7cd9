package chainrule.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.eval.CheckResult;
import chainrule.expr.Builtin;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per primitive: its derivative in reverse mode (the gradient of sum(C .* Y)) and in
 * forward mode (the Jacobian of Y itself) against finite differences of the network.
 */
class PrimitivesTest {

    /** Derives both and checks them; returns the kinds of answers formed. */
    private static List<String> bothModes(String declarations, String expression, String wrt) {
        String src = declarations.replace(';', '\n') + "\nY = " + expression + "\nL = sum(C .* Y)\nderive L wrt " + wrt
                + "\nderive Y wrt " + wrt + "\n";
        Program p = Loader.load(new SourceFile("primitive.nn", src));
        // C has Y's shape: an input whose shape is inferred from its use
        Engine engine = new Engine(p);
        List<String> kinds = new ArrayList<>();
        for (Program.Request r : p.requests()) {
            if (!(r instanceof Program.Derive d)) continue;
            for (Answer a : engine.derive(d)) {
                CheckResult c = engine.check(a, 3);
                assertTrue(c.passed(), "d(" + a.of() + ")/d(" + a.wrt().name() + ") of Y = " + expression
                        + ": relative error " + c.maxRelError());
                kinds.add(a.kind());
            }
        }
        return kinds;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "X : 3 x 2; A : 3 x 2              | X + A                      | X",
        "X : 3 x 2                         | -X                         | X",
        "X : 3 x 2; A : 4 x 3              | A*X                        | X",
        "X : 3 x 2; B : 2 x 4              | X*B                        | X",
        "X : 3 x 3                         | X*X                        | X",
        "X : 3 x 2; s : scalar             | s*X                        | s",
        "X : 3 x 2; s : scalar             | s*X                        | X",
        "X : 3 x 2; A : 3 x 2              | X .* A                     | X",
        "X : 3 x 2                         | X .* X                     | X",
        "X : 3 x 2; A : 3 x 2 positive     | X ./ A                     | X",
        "X : 3 x 2 positive; A : 3 x 2     | A ./ X                     | X",
        "X : 3 x 2 positive                | X .^ 3                     | X",
        "X : 3 x 2                         | X'                         | X",
        "x : 3                             | x'                         | x",
        "x : 4                             | softmax(x)                 | x",
        "X : 3 x 2                         | softmax(X)                 | X",
        "x : 4                             | log_softmax(x)             | x",
        "X : 3 x 2                         | log_softmax(X)             | X",
        "x : 4                             | logsumexp(x)               | x",
        "X : 3 x 2                         | logsumexp(X)               | X",
        "X : 3 x 2                         | sum(X)                     | X",
        "X : 3 x 2                         | sum(X, 1)                  | X",
        "X : 3 x 2                         | sum(X, 2)                  | X",
        "X : 3 x 2                         | mean(X, 1)                 | X",
        "X : 3 x 2; b : 3                  | X + b                      | b",
        "X : 3 x 2; r : 1 x 2              | X + r                      | r",
        "X : 3 x 2; s : scalar             | X + s                      | s",
        "x : 3                             | norm(x)                    | x",
        "X : 3 x 3                         | tr(X)                      | X",
        "X : 3 x 3                         | det(X)                     | X",
        "X : 3 x 3                         | logdet(X)                  | X",
        "X : 3 x 3                         | inv(X)                     | X",
        "x : 3                             | diag(x)                    | x",
        "X : 3 x 3                         | diag(X)                    | X",
        "X : 2 x 3; B : 2 x 2              | kron(X, B)                 | X",
        "X : 2 x 3; A : 3 x 2              | kron(A, X)                 | X",
        "X : 3 x 2                         | vec(X)                     | X",
        "X : 3 x 2                         | reshape(X, 2, 3)           | X",
        "X : 4 x 3                         | X[2:3, 1:2]                | X",
        "x : 5                             | x[2:4]                     | x",
        "X : 3 x 2; A : 3 x 2              | [X, A]                     | X",
        "X : 3 x 2; A : 1 x 2              | [X; A]                     | X",
        "x : 3; a : 2                      | [x; a]                     | x",
        "x : 3; a : 3                      | dot(x, a)                  | x",
        "fun loss : scalar; X : 3 x 2      | loss(X)                    | X",
    })
    void reverseAndForwardAgreeWithFiniteDifferences(String declarations, String expression, String wrt) {
        List<String> kinds = bothModes(declarations, expression, wrt);
        assertEquals(2, kinds.size());
        assertEquals("gradient", kinds.get(0));
    }

    /** Every elementwise function and its first two derivatives, in both modes. */
    @TestFactory
    Stream<DynamicTest> everyElementwiseFunctionToOrderTwo() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Builtin b : Builtin.values()) {
            for (int order = 0; order <= 2; order++) {
                String call = b.fname() + "'".repeat(order) + "(X)";
                // log and sqrt live on positive numbers
                String decl = b.inDomain(-1) ? "X : 3 x 2" : "X : 3 x 2 positive";
                tests.add(DynamicTest.dynamicTest(call, () -> assertEquals(2, bothModes(decl, call, "X").size())));
            }
        }
        return tests.stream();
    }
}
