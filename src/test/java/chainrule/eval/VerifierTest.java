package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.cli.Loader;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Axis;
import chainrule.expr.Expr.Range;
import chainrule.expr.Expr.Var;
import chainrule.shape.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

    @Test
    void aRightDerivativePassesAndAWrongOneFails() {
        Program p = Programs.of("x : n", "A : n x n", "q = x'*A*x");
        Var x = Programs.var(p, "x"), a = Programs.var(p, "A"), q = Programs.var(p, "q");
        CheckResult right = Verifier.check(p, q, x, Ex.matmul(Ex.add(a, Ex.transpose(a)), x), null, 7);
        assertTrue(right.passed(), "max error " + right.maxRelError());
        assertTrue(right.maxRelError() < 1e-9);
        assertEquals(3, right.points());

        CheckResult wrong = Verifier.check(p, q, x, Ex.scale(Ex.num(2), Ex.matmul(a, x)), null, 7, 4);
        assertFalse(wrong.passed());
        assertEquals(4, wrong.points());
        assertTrue(wrong.maxRelError() > 1e-3);
        assertEquals(wrong.expected().getRowDimension(), wrong.got().getRowDimension());
        assertEquals(java.util.Set.of("x", "A"), wrong.worstPoint().keySet());
    }

    @Test
    void derivativesInsideTheSymbolicAnswerAreExpanded() {
        Program p = Programs.of("x : 3", "L = sum(x .* x)");
        Var x = Programs.var(p, "x"), l = Programs.var(p, "L");
        Expr claim = Ex.derivative(l, x);
        CheckResult r = Verifier.check(p, l, x, claim, d -> Ex.scale(Ex.num(2), x), 3);
        assertTrue(r.passed());
    }

    /** The MNIST seed: 784-100-10, sigmoid hidden layers, softmax and cross-entropy, row vectors. */
    static final class Mnist {
        final Program p = Loader.load("test-cases/seeds/003_mnist_sigmoid_softmax.nn");
        final Var x = Programs.var(p, "X"), w1 = Programs.var(p, "W1"), w2 = Programs.var(p, "W2"), w3 = Programs.var(p, "W3");
        final Var h1 = Programs.var(p, "H1"), h2 = Programs.var(p, "H2"), y = Programs.var(p, "y"), yhat = Programs.var(p, "yhat");
        final Var l = Programs.var(p, "L");
        final Expr dz3 = Ex.sub(yhat, y);
        final Expr dW3 = Ex.matmul(Ex.transpose(withBias(h2)), dz3);
        final Expr dz2 = sigmoidBack(dropBias(Ex.matmul(dz3, Ex.transpose(w3))), h2);
        final Expr dW2 = Ex.matmul(Ex.transpose(withBias(h1)), dz2);
        final Expr dz1 = sigmoidBack(dropBias(Ex.matmul(dz2, Ex.transpose(w2))), h1);
        final Expr dW1 = Ex.matmul(Ex.transpose(withBias(x)), dz1);
        final Expr dX = dropBias(Ex.matmul(dz1, Ex.transpose(w1)));

        static Expr withBias(Expr row) {
            return Ex.concat(Axis.HORIZONTAL, List.of(Ex.num(1), row));
        }

        static Expr dropBias(Expr row) {
            Dim n = row.shape().cols();
            return Ex.slice(row, new Range(Dim.ONE, Dim.ONE), new Range(Dim.of(2), n));
        }

        static Expr sigmoidBack(Expr upstream, Expr h) {
            return Ex.hadamard(Ex.hadamard(upstream, h), Ex.sub(Ex.ones(h.shape()), h));
        }
    }

    @Test
    void mnistNetworkChecksQuicklyWithDirectionsForLargeWeights() {
        Mnist m = new Mnist();
        long start = System.nanoTime();
        CheckResult w3 = Verifier.check(m.p, m.l, m.w3, m.dW3, null, 1);
        CheckResult w2 = Verifier.check(m.p, m.l, m.w2, m.dW2, null, 1);
        CheckResult w1 = Verifier.check(m.p, m.l, m.w1, m.dW1, null, 1);
        CheckResult x = Verifier.check(m.p, m.l, m.x, m.dX, null, 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("mnist 784-100-10: W3, W2, W1, X checked in %.2f s; errors %.1e %.1e %.1e %.1e%n",
                seconds, w3.maxRelError(), w2.maxRelError(), w1.maxRelError(), x.maxRelError());
        assertTrue(w3.passed(), "W3 " + w3.maxRelError());
        assertTrue(w2.passed(), "W2 " + w2.maxRelError());
        assertTrue(w1.passed(), "W1 " + w1.maxRelError());
        assertTrue(x.passed(), "X " + x.maxRelError());
        // directional mode: expected and got are size(of) x k
        assertEquals(1, w1.expected().getRowDimension());
        assertEquals(Verifier.DIRECTIONS, w1.expected().getColumnDimension());
        assertEquals(11, w3.expected().getRowDimension());
    }

    @Test
    void mnistWrongClaimsFailInDirectionalMode() {
        Mnist m = new Mnist();
        // the sigmoid' factor of the first layer forgotten
        Expr noSigmoid = Ex.matmul(Ex.transpose(Mnist.withBias(m.x)), Mnist.dropBias(Ex.matmul(m.dz2, Ex.transpose(m.w2))));
        CheckResult r = Verifier.check(m.p, m.l, m.w1, noSigmoid, null, 2);
        assertFalse(r.passed());
        // a sign slip in a 101 x 10 gradient, also checked along directions
        CheckResult sign = Verifier.check(m.p, m.l, m.w2, Ex.neg(m.dW2), null, 2);
        assertFalse(sign.passed());
    }
}
