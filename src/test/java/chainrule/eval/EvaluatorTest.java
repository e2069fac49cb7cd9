package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Fn;
import chainrule.expr.Shape;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    static final Dim N = Dim.symbol("n");
    static final Map<String, Long> SIZES = Map.of("n", 3L);

    static final Var A = Ex.var("A", Shape.of(2, 2));          // [[1, 2], [3, 4]]
    static final Var B = Ex.var("B", Shape.of(2, 2));          // [[0, 1], [1, 0]]
    static final Var X = Ex.var("x", Shape.column(N));         // [1; 2; 3]
    static final Var R = Ex.var("r", Shape.row(Dim.of(2)));    // [5, 6]
    static final Var S = Ex.var("s", Shape.SCALAR);            // 2
    static final Var M = Ex.var("M", new Shape(N, N));         // [[1,2,3],[4,5,6],[7,8,10]]

    static final Map<String, RealMatrix> VALUES = Map.of(
            "A", m(new double[][] {{1, 2}, {3, 4}}),
            "B", m(new double[][] {{0, 1}, {1, 0}}),
            "x", m(new double[][] {{1}, {2}, {3}}),
            "r", m(new double[][] {{5, 6}}),
            "s", m(new double[][] {{2}}),
            "M", m(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 10}}));

    static RealMatrix m(double[][] d) {
        return new Array2DRowRealMatrix(d);
    }

    /** Checks every node's value has the node's shape under the sizes. */
    static final Evaluator.Watch SHAPES = new Evaluator.Watch() {
        @Override
        public void value(Expr e, RealMatrix v) {
            assertTrue(Matrices.hasShape(v, e.shape(), SIZES), "shape of " + e + ": " + Matrices.dims(v) + " vs " + e.shape());
        }
    };

    static RealMatrix eval(Expr e) {
        RealMatrix v = new Evaluator(SIZES, VALUES, null, SHAPES).eval(e);
        assertTrue(Matrices.hasShape(v, e.shape(), SIZES), "shape of " + e + ": " + Matrices.dims(v) + " vs " + e.shape());
        return v;
    }

    static void assertMatrix(double[][] expected, RealMatrix got) {
        assertEquals(expected.length, got.getRowDimension(), "rows");
        assertEquals(expected[0].length, got.getColumnDimension(), "columns");
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) assertEquals(expected[i][j], got.getEntry(i, j), 1e-12, "entry " + i + "," + j);
        }
    }

    static void assertScalar(double expected, RealMatrix got) {
        assertMatrix(new double[][] {{expected}}, got);
    }

    @Test
    void leaves() {
        assertMatrix(new double[][] {{1, 2}, {3, 4}}, eval(A));
        assertScalar(2.5, eval(new Num(2.5)));
        assertScalar(3, eval(new Size(N)));
        assertScalar(7, eval(new Size(N.times(N).minus(Dim.of(2)))));
        assertMatrix(new double[][] {{0, 0}, {0, 0}, {0, 0}}, eval(new Zero(new Shape(N, Dim.of(2)))));
        assertMatrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, eval(new Identity(N)));
        assertMatrix(new double[][] {{1, 1, 1}}, eval(new Ones(Shape.row(N))));
    }

    @Test
    void missingVariableIsAnError() {
        assertThrows(IllegalStateException.class, () -> eval(Ex.var("nope", Shape.SCALAR)));
    }

    @Test
    void arithmetic() {
        assertMatrix(new double[][] {{1, 3}, {4, 4}}, eval(new Add(List.of(A, B), A.shape())));
        assertMatrix(new double[][] {{-1, -2}, {-3, -4}}, eval(new Neg(A)));
        assertMatrix(new double[][] {{2, 1}, {4, 3}}, eval(new MatMul(A, B, A.shape())));
        assertMatrix(new double[][] {{2, 4}, {6, 8}}, eval(new Scale(S, A)));
        assertMatrix(new double[][] {{0, 2}, {3, 0}}, eval(new Hadamard(A, B)));
        assertMatrix(new double[][] {{0, 0.5}, {1.0 / 3, 0}}, eval(new Divide(B, A)));
        assertMatrix(new double[][] {{1, 8}, {27, 64}}, eval(new Power(A, 3)));
        assertMatrix(new double[][] {{1, 3}, {2, 4}}, eval(new Transpose(A)));
        assertMatrix(new double[][] {{5}, {6}}, eval(new Transpose(R)));
        // a row times a column, and a column times a row
        assertScalar(61, eval(new MatMul(R, new Transpose(R), Shape.SCALAR)));
        assertMatrix(new double[][] {{25, 30}, {30, 36}}, eval(new MatMul(new Transpose(R), R, Shape.of(2, 2))));
    }

    @Test
    void elementwiseFunctions() {
        assertMatrix(new double[][] {{1}, {2}, {3}}, eval(Ex.apply(Builtin.RELU, X)));
        assertMatrix(new double[][] {{0, 0}, {0, 0}}, eval(Ex.apply(Builtin.RELU, new Neg(A))));
        assertMatrix(new double[][] {{1, 1}, {1, 1}}, eval(Ex.applyD(Builtin.RELU, 1, A)));
        double s = 1 / (1 + Math.exp(-2));
        assertScalar(s, eval(Ex.apply(Builtin.SIGMOID, S)));
        assertScalar(s * (1 - s), eval(Ex.applyD(Builtin.SIGMOID, 1, S)));
        assertScalar(Math.log(2), eval(Ex.apply(Builtin.LOG, S)));
        Fn g = new Fn.Opaque("g");
        assertScalar(g.at(1, 2), eval(Ex.applyD(g, 1, S)));
    }

    @Test
    void softmaxOfVectorsIsOverAllEntries() {
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double[] p = {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z};
        assertMatrix(new double[][] {{p[0]}, {p[1]}, {p[2]}}, eval(Ex.softmax(SoftKind.SOFTMAX, X)));
        Expr row = Ex.transpose(X);
        assertMatrix(new double[][] {{p[0], p[1], p[2]}}, eval(Ex.softmax(SoftKind.SOFTMAX, row)));
        assertMatrix(new double[][] {{Math.log(p[0]), Math.log(p[1]), Math.log(p[2])}}, eval(Ex.softmax(SoftKind.LOG_SOFTMAX, row)));
        assertScalar(Math.log(z), eval(Ex.softmax(SoftKind.LOGSUMEXP, X)));
        assertScalar(Math.log(z), eval(Ex.softmax(SoftKind.LOGSUMEXP, row)));
    }

    @Test
    void softmaxOfMatricesIsPerColumn() {
        // A = [[1, 2], [3, 4]]: column 1 is (1, 3), column 2 is (2, 4)
        double a = 1 / (1 + Math.exp(2));
        assertMatrix(new double[][] {{a, a}, {1 - a, 1 - a}}, eval(Ex.softmax(SoftKind.SOFTMAX, A)));
        double l1 = Math.log(Math.exp(1) + Math.exp(3)), l2 = Math.log(Math.exp(2) + Math.exp(4));
        assertMatrix(new double[][] {{l1, l2}}, eval(Ex.softmax(SoftKind.LOGSUMEXP, A)));
        assertMatrix(new double[][] {{1 - l1, 2 - l2}, {3 - l1, 4 - l2}}, eval(Ex.softmax(SoftKind.LOG_SOFTMAX, A)));
    }

    @Test
    void softmaxIsStableForLargeEntries() {
        Expr big = new Scale(new Num(1000), X);
        RealMatrix p = eval(Ex.softmax(SoftKind.SOFTMAX, big));
        assertTrue(Matrices.allFinite(p));
        assertEquals(1, p.getEntry(2, 0), 1e-12);
        assertEquals(3000, eval(Ex.softmax(SoftKind.LOGSUMEXP, big)).getEntry(0, 0), 1e-9);
    }

    @Test
    void reductionsAndBroadcasts() {
        assertScalar(10, eval(Ex.reduce(Axis.ALL, A)));
        assertMatrix(new double[][] {{4, 6}}, eval(Ex.reduce(Axis.COLUMNS, A)));
        assertMatrix(new double[][] {{3}, {7}}, eval(Ex.reduce(Axis.ROWS, A)));
        assertMatrix(new double[][] {{2, 2}, {2, 2}, {2, 2}}, eval(Ex.broadcast(S, new Shape(N, Dim.of(2)))));
        assertMatrix(new double[][] {{1, 1}, {2, 2}, {3, 3}}, eval(Ex.broadcast(X, new Shape(N, Dim.of(2)))));
        assertMatrix(new double[][] {{5, 6}, {5, 6}, {5, 6}}, eval(Ex.broadcast(R, new Shape(N, Dim.of(2)))));
    }

    @Test
    void matrixFunctions() {
        assertScalar(Math.sqrt(30), eval(Ex.matfn(MatOp.NORM, A)));
        assertScalar(Math.sqrt(14), eval(Ex.matfn(MatOp.NORM, X)));
        assertScalar(5, eval(Ex.matfn(MatOp.TRACE, A)));
        assertScalar(-2, eval(Ex.matfn(MatOp.DET, A)));
        assertScalar(-3, eval(Ex.matfn(MatOp.DET, M)));
        assertTrue(Double.isNaN(eval(Ex.matfn(MatOp.LOGDET, A)).getEntry(0, 0)), "logdet of det < 0");
        Expr spd = Ex.add(Ex.matmul(A, Ex.transpose(A)), Ex.identity(Dim.of(2)));
        RealMatrix v = eval(spd);
        double det = v.getEntry(0, 0) * v.getEntry(1, 1) - v.getEntry(0, 1) * v.getEntry(1, 0);
        assertScalar(Math.log(det), eval(Ex.matfn(MatOp.LOGDET, spd)));
        assertMatrix(new double[][] {{-2, 1}, {1.5, -0.5}}, eval(Ex.matfn(MatOp.INV, A)));
        Expr singular = new Ones(Shape.of(2, 2));
        assertFalse(Matrices.allFinite(eval(new MatFn(MatOp.INV, singular, singular.shape()))));
    }

    @Test
    void diagonals() {
        assertMatrix(new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}}, eval(Ex.diagMatrix(X)));
        assertMatrix(new double[][] {{5, 0}, {0, 6}}, eval(Ex.diagMatrix(R)));
        assertMatrix(new double[][] {{1}, {5}, {10}}, eval(Ex.diagPart(M)));
    }

    @Test
    void kronAndReshape() {
        assertMatrix(new double[][] {{0, 1, 0, 2}, {1, 0, 2, 0}, {0, 3, 0, 4}, {3, 0, 4, 0}}, eval(Ex.kron(A, B)));
        assertMatrix(new double[][] {{1}, {3}, {2}, {4}}, eval(Ex.vec(A)));
        assertMatrix(new double[][] {{1, 2, 3}}, eval(new Reshape(X, Shape.row(N))));
        assertMatrix(new double[][] {{1, 2}, {3, 4}}, eval(new Reshape(new Reshape(A, Shape.column(Dim.of(4))), A.shape())));
    }

    @Test
    void slices() {
        Range all = new Range(Dim.ONE, N);
        assertMatrix(new double[][] {{4, 5}, {7, 8}}, eval(Ex.slice(M, new Range(Dim.of(2), N), new Range(Dim.ONE, Dim.of(2)))));
        assertMatrix(new double[][] {{3}, {6}, {10}}, eval(Ex.slice(M, all, new Range(N, N))));
        assertScalar(2, eval(Ex.slice(X, new Range(Dim.of(2), Dim.of(2)), new Range(Dim.ONE, Dim.ONE))));
    }

    @Test
    void concatenation() {
        Expr one = new Num(1);
        assertMatrix(new double[][] {{1}, {1}, {2}, {3}}, eval(Ex.concat(Axis.VERTICAL, List.of(one, X))));
        assertMatrix(new double[][] {{1, 5, 6}}, eval(Ex.concat(Axis.HORIZONTAL, List.of(one, R))));
        assertMatrix(new double[][] {{1, 2, 0, 1}, {3, 4, 1, 0}}, eval(Ex.concat(Axis.HORIZONTAL, List.of(A, B))));
        assertMatrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}, eval(Ex.concat(Axis.VERTICAL, List.of(A, R))));
    }

    @Test
    void derivativesAreExpandedFirst() {
        Derivative d = Ex.derivative(Ex.matmul(Ex.transpose(X), X), X);
        RealMatrix v = new Evaluator(SIZES, VALUES, node -> Ex.scale(new Num(2), node.wrt())).eval(d);
        assertMatrix(new double[][] {{2}, {4}, {6}}, v);
        assertThrows(IllegalStateException.class, () -> new Evaluator(SIZES, VALUES, null).eval(d));
    }

    @Test
    void sharedSubtreesAreEvaluatedOnce() {
        Expr shared = Ex.apply(Builtin.SIGMOID, A);
        Expr e = new Add(List.of(shared, new Hadamard(shared, shared)), A.shape());
        int[] calls = {0};
        Evaluator.Watch counter = new Evaluator.Watch() {
            @Override
            public void elementwise(Fn fn, int order, RealMatrix argument) {
                calls[0]++;
            }
        };
        new Evaluator(SIZES, VALUES, null, counter).eval(e);
        assertEquals(1, calls[0]);
    }
}
