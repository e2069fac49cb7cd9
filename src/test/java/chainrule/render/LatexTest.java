package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.expr.Expr;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexTest {
    static final String PROGRAM = """
            x : 3
            v : 3
            r : 1 x 3
            W : 2 x 3
            A, B : 3 x 3
            s : scalar
            W2x : 3 x 2
            yhat, y : 3
            fun g : elementwise
            fun loss : scalar
            z = A*x
            L = loss(z)
            """;

    static final Program P = Checker.check(new SourceFile("t.nn", PROGRAM), Parse.file(new SourceFile("t.nn", PROGRAM)));

    static Expr typed(String expression) {
        SourceFile line = new SourceFile("<test>", expression);
        Stmt.Show show = (Stmt.Show) Parse.statement(line);
        return Checker.expression(P, line, show.expr());
    }

    static String latex(String expression) {
        return Latex.render(typed(expression));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "W2x | W_{2x}", "b1 | b_1", "h_2 | h_{2}", "yhat | \\hat{y}", "xbar | \\bar{x}", "alpha | \\alpha",
        "sigma2 | \\sigma_2", "Delta | \\Delta", "Wh | W_h", "Wxh | W_{xh}", "Wh2 | W_{h,2}", "z12 | z_{12}",
        "loss | \\mathit{loss}", "Out | \\mathit{Out}", "W1_out | W_{1,\\mathrm{out}}", "W_hh | W_{hh}",
        "yhat2 | \\hat{y}_2", "muhat | \\hat{\\mu}", "xstar | x^{*}", "α | \\alpha", "H1 | H_1", "lam | \\mathit{lam}"})
    void namesAsPeopleWriteThem(String name, String expected) {
        assertEquals(expected, LatexNames.name(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "W*x | W x",
        "W'  | W^{\\top}",
        "(W*x)' | (W x)^{\\top}",
        "W2x' | W_{2x}^{\\top}",
        "x .* v | x \\odot v",
        "x ./ v | x \\oslash v",
        "x / s | \\frac{x}{s}",
        "relu'(x) | \\operatorname{relu}'(x)",
        "sigmoid(x) | \\sigma(x)",
        "tanh(A*x) | \\tanh(A x)",
        "g'(x) | g'(x)",
        "loss'(x) | \\operatorname{loss}'(x)",
        "tr(A) | \\operatorname{tr}(A)",
        "det(A) | \\det(A)",
        "logdet(A) | \\log\\det(A)",
        "inv(A) | A^{-1}",
        "inv(A') | (A^{\\top})^{-1}",
        "kron(A, W) | A \\otimes W",
        "vec(W) | \\operatorname{vec}(W)",
        "diag(x) | \\operatorname{diag}(x)",
        "diag(A) | \\operatorname{diag}(A)",
        "eye(3) | I_{3}",
        "[1; x] | \\begin{bmatrix} 1 \\\\ x \\end{bmatrix}",
        "[r, 1] | \\begin{bmatrix} r & 1 \\end{bmatrix}",
        "x[2:3] | x[2{:}3]",
        "W[:, 2:3] | W[{:},\\, 2{:}3]",
        "(W*A)[:, 2] | (W A)[{:},\\, 2]",
        "x .^ 2 | x^{\\circ 2}",
        "s ^ 2 | s^{2}",
        "(x .^ 2)' | (x^{\\circ 2})^{\\top}",
        "yhat - y | \\hat{y} - y",
        "-(x + v) | -(x + v)",
        "-A*x | -A x",
        "x - (v - x) | x - (v - x)",
        "(x + v) .* v | (x + v) \\odot v",
        "A*(x .* v) | A (x \\odot v)",
        "(A*x) .* v | A x \\odot v",
        "d(L)/d(z) | \\frac{\\partial L}{\\partial z}",
        "d(L)/d(z)' | \\left(\\frac{\\partial L}{\\partial z}\\right)^{\\top}",
        "sum(x) | \\operatorname{sum}(x)",
        "sum(A, 1) | \\mathbf{1}^{\\top} A",
        "sum(A, 2) | A \\mathbf{1}",
        "softmax(x) | \\operatorname{softmax}(x)",
        "log_softmax(x) | \\log\\operatorname{softmax}(x)",
        "sqrt(x) | \\sqrt{x}",
        "2*s*3 | 2 s \\cdot 3"})
    void expressionsAsATextbookWritesThem(String input, String expected) {
        assertEquals(expected, latex(input));
    }

    @Test
    void normsAndAbsoluteValues() {
        assertEquals("\\left\\| x \\right\\|", latex("norm(x)"));
        assertEquals("\\left\\| A \\right\\|_F", latex("norm(A)"));
        assertEquals("\\left|x\\right|", latex("abs(x)"));
    }

    @Test
    void neverTwoSuperscriptsOnOneBase() {
        for (String e : new String[] {"(W')'", "(x .^ 2)'", "inv(A)'", "(x .^ 2) .^ 3", "inv(inv(A))"}) {
            String l = latex(e);
            assertFalse(l.matches(".*\\^\\{[^{}]*\\}\\^.*"), e + " -> " + l);
        }
    }

    @Test
    void shapesAndSpaces() {
        assertEquals("\\mathbb{R}^{3}", Latex.space(typed("x").shape()));
        assertEquals("\\mathbb{R}^{1 \\times 3}", Latex.space(typed("r").shape()));
        assertEquals("\\mathbb{R}", Latex.space(typed("s").shape()));
        assertEquals("2 \\times 3", Latex.shape(typed("W").shape()));
    }

    @Test
    void numbersInScientificNotationAreTypesetAsPowersOfTen() {
        assertEquals("0.5", Latex.number(0.5));
        assertEquals("3", Latex.number(3));
        assertTrue(Latex.number(1.5e-12).contains("\\times 10^{-12}"), Latex.number(1.5e-12));
    }

    @Test
    void longSumsAreBrokenOverSeveralLines() {
        Expr e = typed("A*x + B*v + A*B*x + B*A*v + A*A*x + B*B*v + A*B*A*x + B*A*B*v + A*A*A*x + B*B*B*v"
                + " + tanh(A*x) + sigmoid(B*v) + A*B*B*x + B*A*A*v + A*A*B*x + B*B*A*v");
        var lines = LatexDerivation.lines(e);
        assertTrue(lines.size() >= 2, lines.toString());
        for (int i = 1; i < lines.size(); i++) assertTrue(lines.get(i).startsWith("+ "), lines.get(i));
    }

    @Test
    void textIsEscapedForEachRenderer() {
        assertEquals("a\\_b \\textless{} c${}^{\\wedge}$2", LatexBlocks.escapeText("a_b < c^2"));
        assertEquals("x}{}^{\\wedge}\\text{T", LatexBlocks.escapeMathText("x^T"));
        assertEquals("W'*x", LatexBlocks.escapeText("Wᵀ·x"));
    }
}
