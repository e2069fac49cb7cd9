package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import chainrule.expr.Expr;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator table's decisions, as text and LaTeX spell them; each text form also reads back to its value. */
class NotationTest {
    static final Text TEXT = new Text(false, Set.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a right operand goes bare only where reading from the left regroups to the same value
        "A*(B*x)             | A*B*x",
        "x*(r*A)             | x*r*A",
        "A*((r*x)*x)         | A*(r*x*x)",
        "x .* (v ./ x)       | x .* v ./ x",
        "x ./ (v .* x)       | x ./ (v .* x)",
        "x ./ (v ./ x)       | x ./ (v ./ x)",
        "s*(x .* v)          | s*x .* v",
        "x .* (v*r*x)        | x .* (v*r*x)",
        "A*(x / s)           | A*x / s",
        "x / (s*s)           | x / (s*s)",
        "-(A*x)              | -A*x",
        "x - (v - x)         | x - (v - x)",
        "(x .* v)*r          | (x .* v)*r",
        "(x + v)'            | (x + v)'",
        "(-s)^2              | (-s)^2",
        // not x.^-1: the square root of a square is an absolute value
        "(x .^ -2) .^ 0.5    | (x.^-2).^0.5",
        "(x .^ 0.5) .^ 2     | x",
        "(A*x)[1:2]          | (A*x)[1:2]",
        // a broadcast is left to the reader only where an operand beside it gives the shape
        "x + s               | x + s",
        "s + x               | s + x",
        "x .* s + v          | s*x + v",
        "ones(3, 1) / s      | ones(3, 1) / s",
        "s + ones(3, 3)      | s + ones(3, 3)",
        "A + x               | A + x",
        "r + A               | r + A",
        "x .* ones(3, 1)     | x",
    })
    void textWritesTheFewestParenthesesThatReadBack(String input, String expected) {
        Expr e = LatexTest.typed(input);
        assertEquals(expected, TEXT.render(e));
        assertNull(RoundTrip.check(LatexTest.P, TEXT, e, null, List.of(point())));
    }

    /**
     * Whether a right operand needs parentheses depends on how its own right operand is written:
     * asked again at each level, a product nested 60 deep to the right took 2^60 steps.
     */
    @org.junit.jupiter.api.Test
    void aProductNestedSixtyDeepToTheRightIsWrittenWithoutParentheses() {
        String[] names = {"A", "B"};
        StringBuilder input = new StringBuilder(), expected = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            input.append(names[i % 2]).append("*(");
            expected.append(names[i % 2]).append('*');
        }
        input.append('x').append(")".repeat(60));
        expected.append('x');
        assertEquals(expected.toString(), TEXT.render(LatexTest.typed(input.toString())));
    }

    /** Every input of LatexTest's program drawn in [-1.5, 1.5] (its sizes are numbers). */
    static RoundTrip.At point() {
        java.util.Random r = new java.util.Random(1);
        java.util.Map<String, org.apache.commons.math3.linear.RealMatrix> values = new java.util.LinkedHashMap<>();
        for (var in : LatexTest.P.inputs().values()) {
            int rows = (int) in.shape().rows().constant(), cols = (int) in.shape().cols().constant();
            var m = new org.apache.commons.math3.linear.Array2DRowRealMatrix(rows, cols);
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m.setEntry(i, j, 3 * r.nextDouble() - 1.5);
            values.put(in.name(), m);
        }
        return RoundTrip.at(LatexTest.P, new chainrule.eval.Point(java.util.Map.of(), values), null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ones(3, 1) / s     | \\frac{\\mathbf{1}_{3}}{s}",
        "[[x; 1], [v; s]]   | \\begin{bmatrix} \\begin{bmatrix} x \\\\ 1 \\end{bmatrix} & \\begin{bmatrix} v \\\\ s \\end{bmatrix} \\end{bmatrix}",
        "[[r, 1]; [W, x[1:2]]] | \\begin{bmatrix} r & 1 \\\\ W & x[1{:}2] \\end{bmatrix}",
        "x .* kron(r, x)'   | x \\odot (r \\otimes x)^{\\top}",
    })
    void latexSharesTheTable(String input, String expected) {
        assertEquals(expected, Latex.render(LatexTest.typed(input)));
    }
}
