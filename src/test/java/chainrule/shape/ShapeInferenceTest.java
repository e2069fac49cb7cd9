package chainrule.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.parse.Parse;
import chainrule.source.ChainRuleException;
import chainrule.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes declared, inferred across the file, broadcast, sliced and reduced (SPEC §1). */
class ShapeInferenceTest {

    private static Program check(String text) {
        SourceFile source = new SourceFile("t.nn", text);
        return Checker.check(source, Parse.file(source));
    }

    private static String shape(Program p, String name) {
        return p.shapeOf(name).toString();
    }

    @Test
    void undeclaredAddendTakesTheOtherShape() {
        Program p = check("x : n\nW : m x n\nz = W*x + c");
        assertEquals("m x 1", shape(p, "c"));
        assertEquals(Program.Origin.INFERRED, p.inputs().get("c").origin());
        assertTrue(p.notes().isEmpty(), p.notes().toString());
    }

    @Test
    void undeclaredFactorOfAVectorIsAScalar() {
        Program p = check("x : 3\ny = c*x");
        assertEquals("1 x 1", shape(p, "c"));
        assertEquals("3 x 1", shape(p, "y"));
    }

    @Test
    void undeclaredFactorIsAMatrixWhenTheResultSaysSo() {
        Program p = check("x : 3\ny : 2\ny = c*x");
        assertEquals("2 x 3", shape(p, "c"));
    }

    @Test
    void undeclaredWeightIsInferredFromALaterUse() {
        Program p = check("x : k\nb : 4\ny = W*x\nz = y + b");
        assertEquals("4 x k", shape(p, "W"));
        assertEquals("4 x 1", shape(p, "y"));
        assertEquals("4 x 1", shape(p, "z"));
    }

    @Test
    void nameNothingConstrainsIsAScalarWithANote() {
        Program p = check("y = 2*lam");
        assertEquals("1 x 1", shape(p, "lam"));
        assertEquals(List.of("lam: nothing constrains its shape; taken as a scalar"), p.notes());
    }

    @Test
    void columnBiasBroadcastsAcrossABatch() {
        Program p = check("X : d x B\nW : h x d\nb : h\nZ = W*X + b");
        assertEquals("h x B", shape(p, "Z"));
    }

    @Test
    void rowBroadcastsToEachRow() {
        Program p = check("X : B x n\nr : 1 x n\nY = X + r\nZ = r - X");
        assertEquals("B x n", shape(p, "Y"));
        assertEquals("B x n", shape(p, "Z"));
    }

    @Test
    void scalarBroadcastsEverywhere() {
        Program p = check("X : m x n\nY = X .* 2 + 1");
        assertEquals("m x n", shape(p, "Y"));
    }

    @Test
    void biasEntryMakesASymbolicDimension() {
        Program p = check("h : n\nW : k x n+1\nH = [1; h]\ny = W*H");
        assertEquals("n+1 x 1", shape(p, "H"));
        assertEquals("k x 1", shape(p, "y"));
    }

    @Test
    void slicesOfMatricesAndVectors() {
        Program p = check("A : m x n\nv : 5\nB = A[2:end, :]\ns = v[3]\nt = v[2:4]\nc = A[:, 1]");
        assertEquals("m-1 x n", shape(p, "B"));
        assertEquals("1 x 1", shape(p, "s"));
        assertEquals("3 x 1", shape(p, "t"));
        assertEquals("m x 1", shape(p, "c"));
    }

    @Test
    void sumsDownColumnsAndAlongRows() {
        Program p = check("X : m x n\nr = sum(X, 1)\nc = sum(X, 2)\ns = sum(X)\nmr = mean(X, 1)");
        assertEquals("1 x n", shape(p, "r"));
        assertEquals("m x 1", shape(p, "c"));
        assertEquals("1 x 1", shape(p, "s"));
        assertEquals("1 x n", shape(p, "mr"));
    }

    @Test
    void softmaxOfAMatrixKeepsItsShape() {
        Program p = check("Z : k x B\nP = softmax(Z)\nQ = log_softmax(Z)\nl = logsumexp(Z)\nz : k\nm = logsumexp(z)");
        assertEquals("k x B", shape(p, "P"));
        assertEquals("k x B", shape(p, "Q"));
        assertEquals("1 x B", shape(p, "l"));
        assertEquals("1 x 1", shape(p, "m"));
    }

    @Test
    void kroneckerProductMultipliesDimensions() {
        Program p = check("A : 2 x 3\nB : m x n\nK = kron(A, B)");
        assertEquals("2*m x 3*n", shape(p, "K"));
    }

    @Test
    void vecStacksColumns() {
        Program p = check("A : m x n\nv = vec(A)");
        assertEquals("m*n x 1", shape(p, "v"));
    }

    @Test
    void declaredThenDefinedAgrees() {
        Program p = check("y : 4\ny = W*x\nx : 3");
        assertEquals("4 x 3", shape(p, "W"));
        assertEquals("4 x 1", shape(p, "y"));
    }

    @Test
    void declaredThenDefinedDisagrees() {
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> check("y : 2\nx : 3\ny = x"));
        assertEquals("y is declared 2 x 1 at line 1 but its definition is 3 x 1", e.first().message());
        assertEquals(3, e.first().span().line());
    }

    @Test
    void definitionsInAnyOrder() {
        Program p = check("y = W2*h\nh = relu(W1*x)\nW1 : 4 x 3\nx : 3\nW2 : 2 x 4");
        assertEquals("2 x 1", shape(p, "y"));
        assertEquals(List.of("h", "y"), p.definitions().stream().map(Program.Definition::name).toList());
    }

    @Test
    void identityIsSizedByItsContext() {
        Program p = check("A : 3 x 3\nB = A + I\nC = eye(n)");
        assertEquals("3 x 3", shape(p, "B"));
        assertEquals("n x n", shape(p, "C"));
    }

    @Test
    void identityDefinitionIsSizedByItsUses() {
        Program p = check("x : 3\ny = I\nz = y*x");
        assertEquals("3 x 3", shape(p, "y"));
        assertEquals("3 x 3", p.byName().get("y").body().shape().toString());
    }

    @Test
    void derivativeInsideADefinitionWrtANameUsedLater() {
        Program p = check("x : 3\ny = d(sum(x .* q))/d(q)\nz = q + x");
        assertEquals("3 x 1", shape(p, "q"));
        assertEquals("3 x 1", shape(p, "y"));
    }

    @Test
    void functionsOfMatrices() {
        Program p = check("A : n x n\nx : n\nt = tr(A)\nd = diag(x)\ndA = diag(A)\nAi = inv(A)\nq = x'*A*x\ne = dot(x, x)");
        assertEquals("1 x 1", shape(p, "t"));
        assertEquals("n x n", shape(p, "d"));
        assertEquals("n x 1", shape(p, "dA"));
        assertEquals("n x n", shape(p, "Ai"));
        assertEquals("1 x 1", shape(p, "q"));
        assertEquals("1 x 1", shape(p, "e"));
    }

    @Test
    void opaqueFunctions() {
        Program p = check("fun loss : scalar\nfun g : elementwise\nY : 3 x 4\nL = loss(g(Y))\nG = loss'(Y)");
        assertEquals("1 x 1", shape(p, "L"));
        assertEquals("3 x 4", shape(p, "G"));
    }

    @Test
    void unknownNameInAClaimIsNamedWithNearOnes() {
        Program p = check("W1 : 3 x 3\nx : 3\ny = W1*x");
        SourceFile claim = new SourceFile("--claim", "claim d(y)/d(W1) = kron(x', W)");
        var stmt = (chainrule.parse.Stmt.Claim) Parse.statement(claim);
        ChainRuleException e = assertThrows(ChainRuleException.class,
                () -> Checker.expression(p, claim, stmt.steps().get(0)));
        assertEquals("unknown name 'W'; did you mean W1?", e.first().message());
    }
}
