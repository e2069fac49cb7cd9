package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.shape.Program;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {

    /** FD of `of` wrt `wrt` at a sampled point against the symbolic value there. */
    static double error(Program p, String of, String wrt, Expr symbolic, long seed) {
        Point point = new Sampler(p, seed).draw();
        RealMatrix numeric = new FiniteDifferences(p, null).derivative(Programs.var(p, of), Programs.var(p, wrt), point);
        RealMatrix exact = new Evaluator(point.sizes(), Sampler.evaluateDefinitions(p, point, null), null).eval(symbolic);
        assertEquals(exact.getRowDimension(), numeric.getRowDimension(), "rows");
        assertEquals(exact.getColumnDimension(), numeric.getColumnDimension(), "columns");
        return Verifier.relativeError(numeric, exact);
    }

    @Test
    void quadraticFormGradientIsAPlusATransposeX() {
        Program p = Programs.of("x : 4", "A : 4 x 4", "q = x'*A*x");
        Var x = Programs.var(p, "x"), a = Programs.var(p, "A");
        for (long seed = 1; seed <= 3; seed++) {
            assertTrue(error(p, "q", "x", Ex.matmul(Ex.add(a, Ex.transpose(a)), x), seed) < 1e-9);
            assertTrue(error(p, "q", "A", Ex.matmul(x, Ex.transpose(x)), seed) < 1e-9);
        }
        // and a wrong answer is far off
        assertTrue(error(p, "q", "x", Ex.matmul(a, x), 1) > 1e-2);
    }

    /**
     * Where the function turns fast (sin(40000 x): 40000 h is 0.04), the stencil's truncation is
     * 1e-7 of the derivative; Richardson's extrapolation takes it out, and the error estimate
     * still bounds what is left while staying under 1e-6 of the derivative (the spread of
     * D(h), D(2h), D(4h) was 240 times D(h)'s truncation, 2e-5 here: a loose check).
     */
    @Test
    void whereTheFunctionTurnsFastTheEstimateIsExtrapolatedAndItsErrorBoundIsTight() {
        Program p = Programs.of("x : scalar", "L = sin(40000*x)");
        for (double x : new double[] {0.3, 0.7, -0.45}) {
            Point point = new Point(Map.of(), Map.of("x", Matrices.scalar(x)));
            FiniteDifferences.Estimate e = new FiniteDifferences(p, null).estimate(Programs.var(p, "L"), Programs.var(p, "x"), point);
            double exact = 40000 * Math.cos(40000 * x);
            double off = Math.abs(e.value().getEntry(0, 0) - exact), bound = e.error().getEntry(0, 0);
            assertTrue(off <= bound, "x = " + x + ": off by " + off + ", estimated " + bound);
            assertTrue(bound < 1e-6 * 40000, "x = " + x + ": estimated " + bound);
        }
    }

    @Test
    void gradientWithRespectToARowVectorHasItsShape() {
        Program p = Programs.of("r : 1 x 3", "L = sum(r .* r)");
        assertTrue(error(p, "L", "r", Ex.scale(Ex.num(2), Programs.var(p, "r")), 4) < 1e-9);
    }

    @Test
    void jacobianOfAVectorIsPByN() {
        Program p = Programs.of("W : 3 x 2", "x : 2", "y = tanh(W*x)");
        Var w = Programs.var(p, "W"), x = Programs.var(p, "x"), y = Programs.var(p, "y");
        Expr dTanh = Ex.diagMatrix(Ex.sub(Ex.ones(y.shape()), Ex.power(y, 2)));
        assertTrue(error(p, "y", "x", Ex.matmul(dTanh, w), 5) < 1e-9);
        // vec-Jacobian with respect to a matrix: diag(tanh') (x' kron I)
        Expr byW = Ex.matmul(dTanh, Ex.kron(Ex.transpose(x), Ex.identity(Dim.of(3))));
        assertTrue(error(p, "y", "W", byW, 5) < 1e-9);
    }

    @Test
    void withRespectToADefinitionPerturbsItsValue() {
        Program p = Programs.of("W : 3 x 2", "x : 2", "z = W*x", "L = sum(sigmoid(z))");
        Var z = Programs.var(p, "z");
        assertTrue(error(p, "L", "z", Ex.applyD(Builtin.SIGMOID, 1, z), 6) < 1e-9);
    }

    @Test
    void opaqueScalarGradientAgreesWithItsFiniteDifferences() {
        Program p = Programs.of("fun loss : scalar", "X : 3 x 2", "L = loss(X)");
        Var x = Programs.var(p, "X");
        for (long seed = 1; seed <= 3; seed++) assertTrue(error(p, "L", "X", Ex.opaqueScalar("loss", 1, x), seed) < 1e-9);
    }

    @Test
    void opaqueScalarFunctionCouplesItsEntries() {
        // were it a sum of functions of single entries, a claim with an elementwise Hessian could not be told apart
        SmoothScalarFunction f = new SmoothScalarFunction("loss");
        RealMatrix x = Matrices.unvec(new double[] {0.3, -0.2, 0.5}, 3, 1);
        RealMatrix moved = x.copy();
        moved.addToEntry(1, 0, 0.1);
        assertNotEquals(f.gradient(x).getEntry(0, 0), f.gradient(moved).getEntry(0, 0));
        assertEquals(f.value(x), new SmoothScalarFunction("loss").value(x), "fixed by the name");
        assertNotEquals(f.value(x), new SmoothScalarFunction("other").value(x));
    }

    @Test
    void opaqueScalarOfALargeMatrixIsCheckedAlongDirections() {
        Program p = Programs.of("fun loss : scalar", "X : 30 x 20", "L = loss(tanh(X))");
        Var x = Programs.var(p, "X"), l = Programs.var(p, "L");
        Expr right = Ex.hadamard(Ex.opaqueScalar("loss", 1, Ex.apply(Builtin.TANH, x)), Ex.applyD(Builtin.TANH, 1, x));
        CheckResult r = Verifier.check(p, l, x, right, null, 3);
        assertTrue(r.passed(), "error " + r.maxRelError());
        assertEquals(Verifier.DIRECTIONS, r.expected().getColumnDimension());
        assertFalse(Verifier.check(p, l, x, Ex.opaqueScalar("loss", 1, Ex.apply(Builtin.TANH, x)), null, 3).passed());
    }

    @Test
    void softmaxJacobianIsDiagMinusOuterProduct() {
        Program p = Programs.of("z : 4", "s = softmax(z)");
        Var s = Programs.var(p, "s");
        Expr j = Ex.sub(Ex.diagMatrix(s), Ex.matmul(s, Ex.transpose(s)));
        assertTrue(error(p, "s", "z", j, 7) < 1e-9);
    }

    @Test
    void columnwiseSoftmaxOfAMatrix() {
        // logsumexp of a 3 x 2 matrix is a row; its Jacobian wrt vec(Z) has one softmax block per column
        Program p = Programs.of("Z : 3 x 2", "l = logsumexp(Z)", "L = sum(l)");
        Var z = Programs.var(p, "Z");
        assertTrue(error(p, "L", "Z", Ex.softmax(SoftKind.SOFTMAX, z), 8) < 1e-9);
    }

    @Test
    void logdetGradientIsInverseTransposed() {
        Program p = Programs.of("X : 3 x 3", "L = logdet(X)");
        Var x = Programs.var(p, "X");
        assertTrue(error(p, "L", "X", Ex.transpose(Ex.matfn(MatOp.INV, x)), 9) < 1e-9);
        // the sampler's matrices are not symmetric, so the missing transpose is caught
        assertTrue(error(p, "L", "X", Ex.matfn(MatOp.INV, x), 9) > 1e-3);
    }

    @Test
    void directionalDerivativesAgreeWithTheFullJacobian() {
        Program p = Programs.of("W : 3 x 4", "x : 4", "y = sigmoid(W*x)");
        Point point = new Sampler(p, 10).draw();
        FiniteDifferences fd = new FiniteDifferences(p, null);
        Var y = Programs.var(p, "y"), w = Programs.var(p, "W");
        RealMatrix j = fd.vecJacobian(y, w, point);
        RealMatrix d = FiniteDifferences.randomDirections(12, 3, new Random(1));
        assertTrue(Verifier.relativeError(j.multiply(d), fd.directional(y, w, point, d)) < 1e-9);
        for (int k = 0; k < 3; k++) assertEquals(1, d.getColumnVector(k).getNorm(), 1e-12);
    }

    @Test
    void aRandomDirectionIsOfUnitLengthWithEntriesOfEitherSign() {
        RealMatrix d = FiniteDifferences.randomDirection(30, 7, new Random(3));
        assertEquals(30, d.getRowDimension());
        assertEquals(7, d.getColumnDimension());
        assertEquals(1, d.getFrobeniusNorm(), 1e-12);
        int positive = 0;
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(1 / Math.sqrt(210), Math.abs(d.getEntry(i, j)), 1e-15);
                if (d.getEntry(i, j) > 0) positive++;
            }
        }
        assertTrue(positive > 70 && positive < 140, "a fair coin: " + positive + " of 210 positive");
        // another draw, another direction
        assertTrue(d.subtract(FiniteDifferences.randomDirection(30, 7, new Random(4))).getFrobeniusNorm() > 0.5);
    }

    @Test
    void layoutOfAScalarsDerivativeIsTheVariablesShape() {
        Program p = Programs.of("W : 3 x 2", "L = sum(W .* W)");
        Point point = new Sampler(p, 11).draw();
        RealMatrix g = new FiniteDifferences(p, null).derivative(Programs.var(p, "L"), Programs.var(p, "W"), point);
        assertEquals(3, g.getRowDimension());
        assertEquals(2, g.getColumnDimension());
        RealMatrix w = point.values().get("W");
        assertTrue(Verifier.relativeError(w.scalarMultiply(2), g) < 1e-9);
        Map<String, Long> none = Map.of();
        assertEquals(1, Layout.toVecJacobian(g, chainrule.expr.Shape.SCALAR).getRowDimension());
        assertEquals(g, Layout.fromVecJacobian(Layout.toVecJacobian(g, chainrule.expr.Shape.SCALAR),
                chainrule.expr.Shape.SCALAR, Programs.var(p, "W").shape(), none));
    }
}
