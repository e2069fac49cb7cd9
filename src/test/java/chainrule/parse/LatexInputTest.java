package chainrule.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chainrule.app.Engine;
import chainrule.claim.ClaimResult;
import chainrule.cli.Loader;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** LaTeX input makes the syntax tree the plain syntax makes (spans aside), and its mistakes point into the LaTeX. */
class LatexInputTest {
    private static final String DECLS = "x : 2\nW1x, W2 : 3 x 2\nb1 : 3\nyhat, y : 3\nL : scalar\n";

    /** {LaTeX line, the same in the plain syntax}, read in a .nn file after DECLS. */
    private static final String[][] SAME = {
        {"$z_1=W_{1x}\\cdot x+b_1$", "z1 = W1x*x + b1"},
        {"$z_1 = W_{1x} x + b_1$", "z1 = W1x*x + b1"},
        {"$$z_1 = W_{1x} \\times x + b_1$$", "z1 = W1x*x + b1"},
        {"\\[ h_1 = \\text{relu}(z_1) \\]", "h1 = relu(z1)"},
        {"$h_1 = \\sigma\\left( W_2 x \\right)$", "h1 = sigmoid(W2*x)"},
        {"$h_1 = \\operatorname{softmax}(b_1) \\odot b_1$", "h1 = softmax(b1) .* b1"},
        {"$h_1 = \\mathrm{tanh}(b_1) \\circ b_1$", "h1 = tanh(b1) .* b1"},
        {"$g = W_2^T b_1 + W_2^\\top b_1 + W_2^{T} b_1 + W_2' b_1$", "g = W2'*b1 + W2'*b1 + W2'*b1 + W2'*b1"},
        {"$e = \\hat{y} - y$", "e = yhat - y"},
        {"$s = \\frac{\\sqrt{L}}{2}$", "s = (sqrt(L)) / (2)"},
        {"$s = \\log(L) + \\exp L + \\max(0, L)$", "s = log(L) + exp(L) + max(0, L)"},
        {"$s = \\|x\\|^2 + \\|x\\|_1 + |L|$", "s = norm(x)^2 + norm(x, 1) + abs(L)"},
        {"$v = [1\\ b_1^T]$", "v = [1, b1']"},
        {"$M = \\begin{bmatrix} L & 1 \\\\ 2 & L \\end{bmatrix}$", "M = [L, 1; 2, L]"},
        {"$h = \\text{RELU'}(b_1)$", "h = relu'(b1)"},
        {"$g = \\frac{\\partial L}{\\partial W_2} = x$", "g = x"},
        {"$\\frac{dL}{dW_2} = \\frac{d L}{d x} = x$", "claim d(L)/d(W2) = d(L)/d(x) = x"},
        {"$\\frac{\\partial}{\\partial x} (W_2 x) = W_2$", "claim d((W2*x))/d(x) = W2"},
        {"$h = [1] = \\begin{bmatrix} a \\\\ b \\end{bmatrix} = b_1,$", "h = b1"},
        {"$\\alpha = \\gamma^2$", "alpha = gamma^2"},
        {"$H^1 = W_2 x$", "H1 = W2*x"},
    };

    @TestFactory
    Stream<DynamicTest> sameTreeAsThePlainSyntax() {
        return Stream.of(SAME).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            List<Stmt> latex = Parse.file(new SourceFile("t.nn", DECLS + c[0] + "\n"));
            List<Stmt> plain = Parse.file(new SourceFile("t.nn", DECLS + c[1] + "\n"));
            assertEquals(plain, latex);
        }));
    }

    @Test
    void declarationsInATexFile() {
        List<Stmt> latex = Parse.file(new SourceFile("t.tex", "x, v \\in \\mathbb{R}^{n}\nW \\in \\mathbb{R}^{m \\times n}\n"
                + "c \\in \\mathbb{R} % a scalar\ny \\in \\mathbb{R}^{1\\times10}, \\text{onehot}\nt \\in \\{0, 1\\}^{n}\n"
                + "Y \\in \\mathbb{R}^{B \\times C} \\text{onehot rows}\nderive c wrt x\n"));
        List<Stmt> plain = Parse.file(new SourceFile("t.nn", "x, v : n\nW : m x n\nc : scalar\ny : 1 x 10 onehot\nt : n binary\n"
                + "Y : B x C onehot rows\nderive c wrt x\n"));
        assertEquals(plain, latex);
    }

    @Test
    void aSuperscriptIsPartOfANameTheFileDeclares() {
        List<Stmt> latex = Parse.file(new SourceFile("t.tex", "X^1 \\in \\mathbb{R}^{2}\nW^x \\in \\mathbb{R}^{3 \\times 2}\n"
                + "H^1 = W^{x}X^{1}\nH^2 = H^1 + H1 + W^{x}X^{1}\ns = L^2\n"));
        List<Stmt> plain = Parse.file(new SourceFile("t.nn", "X1 : 2\nWx : 3 x 2\nH1 = Wx*X1\nH2 = H1 + H1 + Wx*X1\ns = L^2\n"));
        assertEquals(plain, latex);
    }

    /** A byte-order mark and Windows line ends, as Notepad saves a file, read as without them. */
    @Test
    void aByteOrderMarkAndWindowsLineEnds() {
        String tex = "X^1 \\in \\mathbb{R}^{2}\nW^x \\in \\mathbb{R}^{3 \\times 2}\nH^1 = W^{x}X^{1}\n";
        List<Stmt> plain = Parse.file(new SourceFile("t.tex", tex));
        assertEquals(plain, Parse.file(new SourceFile("t.tex", "\uFEFF" + tex.replace("\n", "\r\n"))));
        String nn = "$x = W_2 b_1$\n";
        assertEquals(Parse.file(new SourceFile("t.nn", nn)), Parse.file(new SourceFile("t.nn", "\uFEFF" + nn.replace("\n", "\r\n"))));
    }

    private static Problem only(String name, String text) {
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> Parse.file(new SourceFile(name, text)));
        assertEquals(1, e.problems().size(), e.render());
        return e.first();
    }

    private static void error(String text, int line, int col, String message) {
        Problem p = only("t.nn", text);
        assertEquals(message, p.message());
        assertEquals(line + ":" + col, p.span().line() + ":" + p.span().col(), p.render());
    }

    @Test
    void anUnknownCommand() {
        error("x : 2\n$z = \\foo x$\n", 2, 6, "the LaTeX command \\foo has no meaning here");
    }

    @Test
    void anUnclosedBrace() {
        error("$z = \\frac{x}{2$\n", 1, 14, "this { is not closed");
    }

    @Test
    void anUnclosedParenthesis() {
        error("$z = W (x + b$\n", 1, 8, "this ( is not closed");
    }

    @Test
    void aMissingOperand() {
        error("$z = W \\cdot + b$\n", 1, 14, "expected a value here, found '+'");
    }

    @Test
    void indexNotationInASubscript() {
        error("$z = w_{i,j} x_j$\n", 1, 7, "index notation (w_{i,j}) is not read: write the matrix as one name and its"
                + " products as matrix products (W x)");
    }

    @Test
    void aLeftSideThatIsNoName() {
        error("$W x = b$\n", 1, 2, "the left side of a definition is one name, as in z_1 = W_1 x + b_1");
    }

    @Test
    void aDeclarationOutsideTheReals() {
        error("$x \\in \\mathbb{C}^{2}$\n", 1, 16, "expected \\mathbb{R}, the real numbers");
    }

    @Test
    void aSubscriptOfSeveralLettersWithoutBraces() {
        error("$z = W_ab$\n", 1, 8, "write a subscript of several letters in braces: _{ab}");
    }

    @Test
    void aMistakeFoundByThePlainParserPointsIntoTheLatex() {
        error("$z = W \\cdot (x$\n", 1, 14, "this ( is not closed");
        Problem p = only("t.nn", "$z = \\sigma(x,)$\n");
        assertEquals(1, p.span().line());
        assertEquals(15, p.span().col(), p.render());
    }

    @Test
    void aShapeErrorQuotesAndPointsIntoTheLatex() {
        SourceFile f = new SourceFile("t.nn", "x : 2\nW : 3 x 2\n$z_2 = W \\cdot x + x$\n");
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> Loader.load(f));
        assertEquals("t.nn:3:18: error: cannot add W \\cdot x (3 x 1) and x (2 x 1): the shapes differ\n"
                + "$z_2 = W \\cdot x + x$\n"
                + "                 ^", e.render());
    }

    @Test
    void everyLatexMistakeOfAFileIsReported() {
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> Parse.file(new SourceFile("t.tex",
                "z = \\foo\nh = \\sigma(z\nderive h wrt z z\n")));
        assertEquals(3, e.problems().size(), e.render());
        assertEquals(List.of(1, 2, 3), e.problems().stream().map(p -> p.span().line()).toList());
    }

    @Test
    void aChainOfStepsInLatexIsCheckedStepByStep() {
        Program p = Loader.load("test-cases/seeds/001_abs_scalar_net.tex");
        Program.Claim c = (Program.Claim) p.requests().stream().filter(r -> r instanceof Program.Claim).findFirst().orElseThrow();
        ClaimResult r = new Engine(p).check(c, 3);
        // the asker's dLoss/dOut is right; "d(Out-Y)/dOut = 1" holds only where Delta > 0
        assertEquals("partly-correct", r.verdict().word, r.message());
        assertEquals(2, r.firstWrongStep());
    }
}
