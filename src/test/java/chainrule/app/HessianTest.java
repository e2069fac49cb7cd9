package chainrule.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.cli.Loader;
import chainrule.diff.Answer;
import chainrule.eval.Evaluator;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import chainrule.render.Latex;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Second order (SPEC §1 "Requests", §2): Hessians, Hessian-vector products, their names. */
class HessianTest {

    private static Program program(String... lines) {
        return Loader.load(new SourceFile("test.nn", String.join("\n", lines) + "\n"));
    }

    /** Every definition's value at a point, each node's value shown to watch as it is computed. */
    private static Map<String, RealMatrix> evaluate(Program p, Point point, Function<Expr.Derivative, Expr> expand,
                                                    Evaluator.Watch watch) {
        Map<String, RealMatrix> values = new LinkedHashMap<>(point.values());
        Evaluator evaluator = new Evaluator(point.sizes(), values, expand, watch);
        for (Program.Definition d : p.definitions()) values.put(d.name(), evaluator.eval(d.body()));
        return values;
    }

    /**
     * A 1,000-parameter layer: hessian(L, W1)*v is evaluated as the gradient of vec(d(L)/d(W1))'*v,
     * and no value on the way is anywhere near the 1,000 x 1,000 Hessian; it agrees with central
     * differences of the gradient along v.
     */
    @Test
    void hessianVectorProductOfAThousandWeightsNeverFormsTheHessian() {
        Program p = program("x : 40", "W1 : 25 x 40", "w2 : 25", "v : 1000",
                "a = tanh(W1*x)", "L = (w2'*a - 1)^2", "hv = hessian(L, W1)*v");
        Expr hv = p.byName().get("hv").body();
        assertFalse(Traverse.any(hv, Ex::isHessian), "the product is rewritten before anything evaluates it");
        Engine engine = new Engine(p);
        Function<Expr.Derivative, Expr> expand = engine.expander(List.of());
        Point point = new Sampler(p, 5, expand).draw();
        int[] largest = {0};
        List<String> square = new ArrayList<>();
        Map<String, RealMatrix> values = evaluate(p, point, expand, new Evaluator.Watch() {
            public void value(Expr e, RealMatrix m) {
                largest[0] = Math.max(largest[0], m.getRowDimension() * m.getColumnDimension());
                if (m.getRowDimension() >= 1000 && m.getColumnDimension() >= 1000) square.add(e.getClass().getSimpleName());
            }
        });
        assertTrue(square.isEmpty(), "n x n values formed: " + square);
        assertTrue(largest[0] <= 1000, "largest value has " + largest[0] + " entries");

        Answer gradient = engine.derive(p.byName().get("L").var(), "L", List.of(new Expr.Var("W1", p.shapeOf("W1")))).get(0);
        RealMatrix w1 = point.values().get("W1"), v = point.values().get("v");
        double h = 1e-5;
        RealMatrix plus = gradientAt(p, point, w1, v, h, gradient, expand), minus = gradientAt(p, point, w1, v, -h, gradient, expand);
        RealMatrix got = values.get("hv");
        assertEquals(1000, got.getRowDimension());
        double worst = 0, scale = 0;
        for (int k = 0; k < 1000; k++) {
            int i = k % 25, j = k / 25;
            double fd = (plus.getEntry(i, j) - minus.getEntry(i, j)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - got.getEntry(k, 0)));
            scale = Math.max(scale, Math.abs(fd));
        }
        assertTrue(scale > 1e-3, "a product that is not zero");
        assertTrue(worst < 1e-6 * Math.max(1, scale), "largest difference from finite differences " + worst);
    }

    private static RealMatrix gradientAt(Program p, Point at, RealMatrix w1, RealMatrix v, double h, Answer gradient,
                                         Function<Expr.Derivative, Expr> expand) {
        RealMatrix moved = w1.copy();
        for (int k = 0; k < v.getRowDimension(); k++) moved.addToEntry(k % 25, k / 25, h * v.getEntry(k, 0));
        Map<String, RealMatrix> inputs = new LinkedHashMap<>(at.values());
        inputs.put("W1", moved);
        Point point = new Point(at.sizes(), inputs);
        Map<String, RealMatrix> values = evaluate(p, point, expand, null);
        return new Evaluator(point.sizes(), values, expand).eval(gradient.expression());
    }

    /** The product and the row product equal the Hessian times v where the Hessian is small enough to form. */
    @Test
    void productsAgreeWithTheHessianItself() {
        Program p = program("x : n", "A : n x n", "v : n", "y = tanh(A*x)",
                "hv = hessian(sum(y), x)*v", "vh = v'*hessian(sum(y), x)", "H = d(d(sum(y))/d(x))/d(x)");
        Engine engine = new Engine(p);
        var expand = engine.expander(List.of());
        Point point = new Sampler(p, 3, expand).draw();
        Map<String, RealMatrix> values = evaluate(p, point, expand, null);
        RealMatrix expected = values.get("H").multiply(point.values().get("v"));
        assertClose(expected, values.get("hv"));
        assertClose(expected.transpose(), values.get("vh"));
    }

    private static String residual(int depth, int width) {
        StringBuilder s = new StringBuilder("x : " + width + "\nv : " + width * width + "\nh0 = x\n");
        for (int i = 0; i < depth; i++) {
            s.append('W').append(i).append(" : ").append(width).append(" x ").append(width).append('\n');
            s.append('h').append(i + 1).append(" = h").append(i).append(" + tanh(W").append(i).append("*h").append(i).append(")\n");
        }
        return s.append("L = sum(h").append(depth).append(" .^ 2)\nhv = hessian(L, W0)*v\nH = hessian(L, W0)\n").toString();
    }

    /**
     * Through a deep residual network the product is swept once: the gradient's steps are nodes of
     * the sweep, so the answer with its steps grows with the depth, not with the paths through it;
     * and its value is the Hessian's (formed here, 9 x 9) times v.
     */
    @Test
    void aDeepProductIsLinearInTheDepthAndRight() {
        Program small = Loader.load(new SourceFile("r.nn", residual(4, 3)));
        Engine engine = new Engine(small);
        var expand = engine.expander(List.of());
        Point point = new Sampler(small, 2, expand).draw();
        Map<String, RealMatrix> values = evaluate(small, point, expand, null);
        assertClose(values.get("H").multiply(point.values().get("v")), values.get("hv"));

        int[] sizes = new int[2];
        int[] depths = {10, 20};
        for (int k = 0; k < 2; k++) {
            Program p = Loader.load(new SourceFile("r.nn", residual(depths[k], 3)));
            Engine e = new Engine(p);
            Expr.Derivative gradient = (Expr.Derivative) ((Expr.Reshape) p.byName().get("hv").body()).a();
            chainrule.diff.Derived hvp = e.differentiator().derive(gradient.of(), gradient.wrt(), false);
            int size = Traverse.size(hvp.answer());
            for (chainrule.diff.Step st : hvp.steps()) size += Traverse.size(st.value());
            sizes[k] = size;
        }
        assertTrue(sizes[1] < 3 * sizes[0], "twice as deep, " + sizes[0] + " then " + sizes[1] + " nodes");
    }

    /** A v that depends on w keeps the product as written: the gradient of g'*v would differentiate v too. */
    @Test
    void aVectorThatDependsOnTheVariableIsNotRewritten() {
        Program p = program("x : n", "A : n x n", "y = tanh(A*x)", "hv = hessian(sum(y), x)*y");
        assertTrue(Traverse.any(p.byName().get("hv").body(), Ex::isHessian));
    }

    @Test
    void aBareProductIsWorkedOut() {
        Program p = program("x : n", "A : n x n", "v : n", "y = tanh(A*x)", "d(d(sum(y))/d(x))/d(x)*v");
        Engine engine = new Engine(p);
        Expr shown = engine.show(((Program.Show) p.requests().get(0)).expr());
        assertFalse(Traverse.any(shown, e -> e instanceof Expr.Derivative), engine.text(false).render(shown));
        assertEquals("-2*A'*(A*v .* y .* (1 - y.^2))", engine.text(false).render(shown));
    }

    @Test
    void aHessianRequestIsNamedAndKinded() {
        Program p = program("X : m x n", "A : m x m", "f = tr(X'*A*X)", "derive hessian f wrt X");
        Engine engine = new Engine(p);
        Answer a = engine.derive((Program.Derive) p.requests().get(0)).get(0);
        assertEquals("hessian", a.kind());
        assertEquals("m*n x m*n", engine.text(false).shape(a.shape()));
        assertEquals("kron(eye(n), A + A')", engine.text(false).render(a.expression()));
        Expr.Derivative name = Ex.derivative(a.ofExpr(), a.wrt());
        assertEquals("d2f/dX2", engine.text(false).derivativeName(name));
        assertEquals("\\frac{\\partial^2 f}{\\partial \\mathrm{vec}(X) \\, \\partial \\mathrm{vec}(X)^{\\top}}", Latex.derivativeName(name));
        assertEquals("hessian(f, X)", engine.text(false).render(name));
    }

    @Test
    void stepsAreTheGradientsThenItsDerivative() {
        Program p = program("X : N x d", "w : d", "y : N binary", "p = sigmoid(X*w)",
                "L = -sum(y .* log(p) + (1 - y) .* log(1 - p))", "derive hessian L wrt w");
        Engine engine = new Engine(p);
        Answer a = engine.derive((Program.Derive) p.requests().get(0)).get(0);
        List<String> names = a.allSteps().stream().map(s -> engine.text(false).derivativeName(s.name())).toList();
        assertEquals(List.of("dL/dp", "dL/dw", "dp/dw", "d2L/dw2"), names);
        assertEquals("\\frac{\\partial^2 L}{\\partial w \\, \\partial w^{\\top}}", Latex.derivativeName(a.allSteps().get(3).name()));
    }

    /** Second differences of the function itself tell a right Hessian from one off by A' (a second opinion, on small problems). */
    @Test
    void secondDifferencesOfTheFunctionJudgeAHessian() {
        Program p = program("x : n", "A : n x n", "f = x'*A*x + sum(exp(x))");
        Engine engine = new Engine(p);
        Expr.Var x = new Expr.Var("x", p.shapeOf("x"));
        Expr f = p.byName().get("f").var();
        Expr right = engine.derive(Ex.derivative(f, x), "f", List.of(x)).get(0).expression();
        var expand = engine.expander(List.of());
        var good = chainrule.eval.SecondDifferences.check(p, f, x, right, expand, 3, 3);
        assertTrue(good.passed(), "relative error " + good.maxRelError());
        Expr a = new Expr.Var("A", p.shapeOf("A"));
        Expr wrong = Ex.add(List.of(Ex.scale(Ex.num(2), a), Ex.diagMatrix(Ex.apply(chainrule.expr.Builtin.EXP, x))));
        var bad = chainrule.eval.SecondDifferences.check(p, f, x, wrong, expand, 3, 3);
        assertFalse(bad.passed(), "2*A + diag(exp(x)) is not the Hessian where A is not symmetric");
    }

    private static void assertClose(RealMatrix expected, RealMatrix got) {
        assertEquals(expected.getRowDimension(), got.getRowDimension());
        assertEquals(expected.getColumnDimension(), got.getColumnDimension());
        double worst = expected.subtract(got).getNorm();
        assertTrue(worst < 1e-9 * Math.max(1, expected.getNorm()), "difference " + worst);
    }
}
