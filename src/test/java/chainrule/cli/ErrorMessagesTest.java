package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per message a user can cause in the parse and shape stages: each feeds a small file
 * to 'chainrule shapes' and checks the exit status 2, the place, the exact words, the source line
 * and the caret under the place.
 */
class ErrorMessagesTest {
    @TempDir
    static Path dir;

    /** The first error of the file is at line:col, one character wide. */
    static void error(String text, int line, int col, String message) {
        error(text, line, col, 1, message);
    }

    /** The first error of the file is at line:col, the caret '^' followed by width - 1 '~'. */
    static void error(String text, int line, int col, int width, String message) {
        Path f = Run.file(dir, text);
        Run r = Run.of("shapes", f.toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals("", r.out());
        String[] lines = r.errLines();
        assertEquals(f + ":" + line + ":" + col + ": error: " + message, lines[0]);
        assertEquals(text.lines().toList().get(line - 1), lines[1]);
        assertEquals(" ".repeat(col - 1) + "^" + "~".repeat(width - 1), lines[2]);
    }

    @Nested
    class Brackets {
        @Test
        void missingCloseParenthesis() {
            error("x : 3\ny = relu((x + 1)\nz = 2*y", 2, 9, "'(' is never closed: a ')' is missing");
        }

        @Test
        void unclosedBracketAtEndOfFile() {
            error("a : 2\ny = [a; 1", 2, 5, "'[' is never closed: a ']' is missing");
        }

        @Test
        void unmatchedClose() {
            error("y = (x))", 1, 8, "unmatched ')'");
        }

        @Test
        void closeOfTheWrongKind() {
            error("y = [x)", 1, 7, "')' does not match the '[' at column 5; close it with ']'");
        }

        @Test
        void closeOfTheWrongKindOnALaterLine() {
            error("y = [x,\n     z)", 2, 7, "')' does not match the '[' at line 1, column 5; close it with ']'");
        }
    }

    @Nested
    class Expressions {
        @Test
        void nothingAfterEquals() {
            error("x = \ny = 3", 1, 3, "missing an expression after '='");
        }

        @Test
        void nothingAfterAnOperator() {
            error("y = x +", 1, 7, "missing an expression after '+'");
        }

        @Test
        void nothingAfterPower() {
            error("y = x^", 1, 6, "missing the exponent after '^'");
        }

        @Test
        void strayOperator() {
            error("y = x + * 2", 1, 9, "expected an expression after '+', found '*'");
        }

        @Test
        void doubleEquals() {
            error("y == x", 1, 4, "'==' is not an operator: write a single '='");
        }

        @Test
        void doubleStar() {
            error("y = x ** 2", 1, 8,
                    "'**' is not an operator: write ^ for a power of a scalar, .^ for an elementwise power");
        }

        @Test
        void badExponent() {
            error("y = x^*2", 1, 7, "expected the exponent after '^', found '*'");
        }

        @Test
        void missingOperator() {
            error("y = 2x", 1, 6, "missing an operator between '2' and 'x'; for a product write 2*x");
        }

        @Test
        void missingOperatorBeforeAParenthesis() {
            error("y = 2 (x + 1)", 1, 7, "missing an operator between '2' and '('; write * for a product");
        }

        @Test
        void spacesBetweenMatrixEntries() {
            error("y = [1 2 3]", 1, 8, "missing an operator between '1' and '2'; the entries of [ ] are separated by"
                    + " commas, as in [a, b]");
        }

        @Test
        void pythonStyleTranspose() {
            error("W : 3 x 2\ny = W.T", 2, 6, "unexpected character '.': write W' or W\u1D40 for a transpose");
        }

        @Test
        void pythonStyleMethodCall() {
            error("y = x.dot(a, b)", 1, 6, "unexpected character '.': '.' only starts .* ./ .^ or a number such as .5;"
                    + " write dot(a, b) for a dot product");
        }

        @Test
        void pytorchDimKeyword() {
            error("Z : 3 x 4\nP = softmax(Z, dim=1)", 2, 19, "no keyword arguments: the dimension is the second argument,"
                    + " counted from 1 as in MATLAB: 1 each column, 2 each row (PyTorch's dim=0 and dim=1, NumPy's axis=0 and axis=1)");
        }

        @Test
        void latexWithoutDollars() {
            error("x : 2\nz1 = W_{1x}\\cdot x + b_1", 2, 8, "unexpected character '{': this looks like LaTeX, which is read"
                    + " on a line inside $...$ or in a .tex file");
        }

        @Test
        void latexCommandWithoutDollars() {
            error("x : 2\nh = \\sigma(x)", 2, 5, "unexpected character '\\': this looks like LaTeX, which is read"
                    + " on a line inside $...$ or in a .tex file");
        }

        @Test
        void sumSign() {
            error("x : 2\nL = \u2211(x)", 2, 5, "unexpected character '\u2211': write sum(...)");
        }

        @Test
        void numpyFunction() {
            error("y = np.maximum(0, x)", 1, 7, "unexpected character '.': functions are written without the 'np.' prefix;"
                    + " write max(a, b)");
        }

        @Test
        void torchFunction() {
            error("y = torch.tanh(x)", 1, 10, "unexpected character '.': functions are written without the 'torch.' prefix;"
                    + " write tanh(...)");
        }

        @Test
        void primedFunctionWithoutArgument() {
            error("x : 3\ny = relu\u2032 x", 2, 11, "missing the argument of relu\u2032: write relu\u2032(x)");
        }

        @Test
        void keywordInAnExpression() {
            error("y = x wrt", 1, 7, 3, "unexpected 'wrt' after 'x'; expected the end of the line");
        }

        @Test
        void functionWithoutParentheses() {
            error("y = relu x", 1, 10, "missing the parentheses of relu: write relu(x)");
        }

        @Test
        void semicolonOutsideBrackets() {
            error("y = x; z = 3", 1, 6,
                    "';' separates the rows of a matrix inside [ ]; a statement ends at the end of its line");
        }

        @Test
        void secondEqualsInADefinition() {
            error("y = 3 = 4", 1, 7, "a definition has one '='; only a claim chains expressions with '='");
        }

        @Test
        void equalsAfterAnExpression() {
            error("x + 1 = 3", 1, 7,
                    "unexpected '=': a definition is written name = expression, with a single name on the left");
        }

        @Test
        void colonInAnExpression() {
            error("y = x : 3", 1, 7, "unexpected ':': a declaration is written name : shape, as in W : 3 x 2");
        }

        @Test
        void colonInAnIndex() {
            error("A : 3 x 3\ny = A[1:2:3]", 2, 10,
                    "unexpected ':': an index is a position or a range from:to, as in A[2:end, :]");
        }

        @Test
        void commaOutsideBrackets() {
            error("y = a, b", 1, 6, "unexpected ',': a comma separates the arguments of a function, the entries"
                    + " of [a, b] or the names of a declaration");
        }

        @Test
        void timesSignInAnExpression() {
            error("y = x \u00D7 2", 1, 7, "'\u00D7' separates the dimensions of a declaration; write * for a product");
        }

        @Test
        void statementStartingWithAnOperator() {
            error("* x", 1, 1, "a statement cannot start with '*'; write name = expression, name : shape,"
                    + " derive ... wrt ..., or claim ... = ...");
        }

        @Test
        void unexpectedCharacter() {
            error("y = 3 $ 4", 1, 7, "unexpected character '$'");
        }

        @Test
        void unexpectedCharacterWithAHint() {
            error("y = W @ x", 1, 7, "unexpected character '@': write * for a matrix product");
        }

        @Test
        void invisibleCharacterIsNamed() {
            error("y = x\u200B + 1", 1, 6, "unexpected character '\\u200B': an invisible character (copied from a"
                    + " document?); delete it");
        }

        @Test
        void typesetMinusSign() {
            error("y = x \u2212 1", 1, 7, "unexpected character '\u2212': a dash or a typeset minus sign; write -");
        }

        @Test
        void controlCharacterIsShownEscaped() {
            error("y = x\u0007", 1, 6, "unexpected character '\\u0007'");
        }

        @Test
        void emptyMatrix() {
            error("y = []", 1, 5, 2, "an empty matrix [] has no shape; write zeros(m, n) for a matrix of zeros");
        }

        @Test
        void numberTooLarge() {
            error("y = 1e999", 1, 5, 5, "the number 1e999 is too large");
        }

        @Test
        void indexNotAWholeNumber() {
            error("v : 3\ny = v[1.5]", 2, 7, 3, "an index must be a whole number, not 1.5");
        }
    }

    @Nested
    class Declarations {
        @Test
        void byInsteadOfX() {
            error("W : 3 by 2", 1, 7, 2, "expected 'x' or '\u00D7' between two dimensions, found 'by': write 3 x 2");
        }

        @Test
        void dimensionsWithoutSpaces() {
            error("W : 3x2", 1, 6, 2, "'3x2' needs spaces around the x: write 3 x 2");
        }

        @Test
        void secondDimensionMissingAfterX() {
            error("W : 3 x", 1, 7, "missing the second dimension after 'x'");
        }

        @Test
        void secondDimensionMissingAfterTimesSign() {
            error("W : 3 \u00D7", 1, 7, "missing the second dimension after '\u00D7'");
        }

        @Test
        void threeDimensions() {
            error("W : 3 x 2 x 4", 1, 13, "a shape has at most two dimensions, rows x columns");
        }

        @Test
        void threeDimensionsGlued() {
            error("W : 3 x 2x4", 1, 10, 2, "a shape has at most two dimensions, rows x columns");
        }

        @Test
        void nothingAfterColon() {
            error("W : ", 1, 3, "missing the shape after ':'; a shape is written 3, 3 x 2, m x n, n+1 x 1 or scalar");
        }

        @Test
        void dimensionCutShort() {
            error("W : n + ", 1, 7, "the dimension is cut short after '+'; a shape is written 3, 3 x 2, m x n,"
                    + " n+1 x 1 or scalar");
        }

        @Test
        void unexpectedTokenInAShape() {
            error("W : 3 * 2", 1, 9, "unexpected '2' in the shape; a shape is written 3, 3 x 2, m x n, n+1 x 1 or scalar");
        }

        @Test
        void nameMissingAfterComma() {
            error("W, : 3", 1, 2, "expected a name after ',', found ':'; several names are declared as W, V : n x n");
        }

        @Test
        void namesWithoutComma() {
            error("W V : 3", 1, 3, "separate the names of a declaration with commas: W, V : ...");
        }

        @Test
        void unknownProperty() {
            error("y : 10 onehott", 1, 8, 7,
                    "unknown property 'onehott': a shape may be followed by onehot, onehot rows, binary, symmetric or positive");
        }

        @Test
        void scalarStandsAlone() {
            error("W : scalar x 3", 1, 5, 6, "'scalar' stands alone: write 'c : scalar'");
        }

        @Test
        void dimensionZero() {
            error("W : 0 x 3", 1, 5, "a dimension must be a whole number from 1 up, not 0");
        }

        @Test
        void dimensionNotWhole() {
            error("W : 2.5", 1, 5, 3, "a dimension must be a whole number, not 2.5");
        }

        @Test
        void dimensionBelowOne() {
            error("W : 2 - 3 x 1", 1, 5, 5, "a dimension must be 1 or more, but 2-3 is -1");
        }

        @Test
        void functionDeclarationWithoutKind() {
            error("fun g", 1, 6, "a function is declared as 'fun g : scalar' or 'fun g : elementwise'");
        }

        @Test
        void functionOfAnUnknownKind() {
            error("fun g : vector", 1, 9, 6, "a function is declared 'scalar' or 'elementwise', not 'vector'");
        }
    }

    @Nested
    class Requests {
        @Test
        void deriveWithoutWrt() {
            error("y = 2\nderive y", 2, 9, "missing 'wrt' and the names to differentiate with respect to, as in derive L wrt W");
        }

        @Test
        void deriveWithNothingAfterWrt() {
            error("derive y wrt", 1, 10, 3, "missing a name after 'wrt': derive L wrt W, or derive L wrt W1, b1 for several");
        }

        @Test
        void deriveWrtANumber() {
            error("derive y wrt 2", 1, 14, "expected a name after 'wrt', found '2': a derivative is taken with respect"
                    + " to names, as in derive L wrt W1, b1");
        }

        @Test
        void deriveWrtNamesWithoutComma() {
            error("derive y wrt a b", 1, 16, "separate the names after 'wrt' with commas: wrt a, b");
        }

        @Test
        void deriveWrtAnExpression() {
            error("derive y wrt a + b", 1, 16,
                    "unexpected '+': after 'wrt' come names separated by commas, as in derive L wrt W1, b1");
        }

        @Test
        void claimWithoutEquals() {
            error("claim d(y)/d(x)", 1, 16, "a claim says what a derivative equals: claim d(L)/d(W) = expression");
        }
    }

    @Nested
    class Names {
        @Test
        void declaredTwice() {
            error("x : 3\nx : 3", 2, 1, "x is declared twice: here and at line 1");
        }

        @Test
        void functionDeclaredTwice() {
            error("fun g : scalar\nfun g : elementwise", 2, 5, "g is declared twice: here and at line 1");
        }

        @Test
        void definedTwice() {
            error("y = x\ny = 3", 2, 1, "y is defined twice: here and at line 1");
        }

        @Test
        void functionDefined() {
            error("fun g : scalar\ng = 3", 2, 1, "g is declared a function at line 1; it cannot also be defined");
        }

        @Test
        void dimensionDefined() {
            error("x : n\nn = 3", 2, 1, "n is used as a dimension in a declaration; it cannot also be defined");
        }

        @Test
        void dimensionDeclared() {
            error("n : 3\nx : n", 1, 1, "n is both a declared name and a dimension; rename one of them");
        }

        @Test
        void cycleNamesItsMembers() {
            error("a = b + 1\nb = c\nc = a", 1, 1, "definitions form a cycle: a -> b -> c -> a");
        }

        @Test
        void definedInTermsOfItself() {
            error("a = a + 1", 1, 1, "a is defined in terms of itself");
        }

        @Test
        void definitionDisagreesWithDeclaration() {
            error("y : 2\nx : 3\ny = x", 3, 5, "y is declared 2 x 1 at line 1 but its definition is 3 x 1");
        }

        @Test
        void deriveWrtANameThatAppearsNowhere() {
            error("x : 3\ny = 2*x\nderive y wrt q", 3, 14,
                    "'q' appears nowhere else in the file, so there is nothing to differentiate with respect to");
        }

        @Test
        void deriveWrtAMisspelledName() {
            error("W1 : 3 x 3\nx : 3\ny = W1*x\nderive y wrt W", 4, 14, "'W' appears nowhere else in the file, so there"
                    + " is nothing to differentiate with respect to; did you mean W1?");
        }

        @Test
        void deriveWrtADimension() {
            error("x : n\ny = n*x\nderive y wrt n", 3, 14, "n is a dimension (a size), not a value; a derivative is"
                    + " taken with respect to an input or a definition");
        }

        @Test
        void deriveWrtAFunction() {
            error("fun g : scalar\nL = g(x)\nderive L wrt g", 3, 14,
                    "g is a function; a derivative is taken with respect to an input or a definition");
        }

        @Test
        void deriveWrtTheIdentity() {
            error("A : 3 x 3\ny = A + I\nderive y wrt I", 3, 14, "I stands for the identity matrix in this file;"
                    + " a derivative is taken with respect to an input or a definition");
        }

        @Test
        void deriveOfANameThatAppearsNowhere() {
            error("x : 3\nLoss = sum(x)\nderive loss wrt x", 3, 8, 4, "'loss' is not declared, defined or used anywhere"
                    + " else in the file, so it has no derivative to take; did you mean Loss?");
        }

        @Test
        void functionUsedAsAValue() {
            error("fun g : scalar\ny = g + 1", 2, 5, "g is a function; call it as g(...)");
        }

        @Test
        void valueCalledAsAFunction() {
            error("x : 3\ny = x(2)", 2, 5, "x is a value, not a function: write x[i] to index it, or x*(...) for a product");
        }

        @Test
        void unknownFunctionWithNearNames() {
            error("y = relux(x)", 1, 5, 5, "unknown function 'relux'; did you mean relu?");
        }

        @Test
        void unknownFunctionWithoutNearNames() {
            error("y = frobnicate(x)", 1, 5, 10, "unknown function 'frobnicate'; declare an opaque one with"
                    + " 'fun frobnicate : scalar' or 'fun frobnicate : elementwise'");
        }

        @Test
        void derivativeWrtAnUnknownName() {
            error("x : 3\ny = d(x)/d(q)", 2, 12, "unknown name 'q': a derivative is taken with respect to an input"
                    + " or a definition of the file");
        }

        @Test
        void derivativeWrtADimension() {
            error("x : n\nz = n*x\ny = d(z)/d(n)", 3, 12, "n is not a value of the file (a dimension, a function or the"
                    + " identity); a derivative is taken with respect to an input or a definition");
        }

        @Test
        void deriveWrtANameOnlyAClaimUses() {
            error("x : 3\nL = sum(x)\nclaim d(L)/d(q) = x\nderive L wrt q", 4, 14,
                    "'q' appears nowhere else in the file, so there is nothing to differentiate with respect to");
        }

        @Test
        void derivativeWrtAnExpression() {
            error("y = d(x+1)/d(x+1)", 1, 14, 3, "a derivative is taken with respect to a name, as in d(L)/d(W)");
        }
    }

    @Nested
    class Shapes {
        @Test
        void multiplyInnerDimensions() {
            error("x : 2\nW2 : 3 x 3\ny = W2*x", 3, 7,
                    "cannot multiply W2 (3 x 3) by x (2 x 1): inner dimensions 3 and 2 differ");
        }

        @Test
        void multiplyInTheWrongOrder() {
            error("x : 2\nW : 3 x 2\nz = x*W", 3, 6,
                    "cannot multiply x (2 x 1) by W (3 x 2): inner dimensions 1 and 3 differ; did you mean W*x?");
        }

        @Test
        void multiplyAColumnThatShouldBeARow() {
            error("h : 10\nW : 10 x 4\nz = h*W", 3, 6,
                    "cannot multiply h (10 x 1) by W (10 x 4): inner dimensions 1 and 10 differ; did you mean h'*W?");
        }

        @Test
        void addDifferentShapes() {
            error("x : 3\nb : 2\ny = x + b", 3, 7, "cannot add x (3 x 1) and b (2 x 1): the shapes differ");
        }

        @Test
        void subtractDifferentShapes() {
            error("x : 3\nb : 2\ny = x - b", 3, 7, "cannot subtract b (2 x 1) from x (3 x 1): the shapes differ");
        }

        @Test
        void multiplyElementwiseDifferentShapes() {
            error("x : 3\nb : 2\ny = x .* b", 3, 7, 2,
                    "cannot multiply x (3 x 1) and b (2 x 1) elementwise: the shapes differ");
        }

        @Test
        void divideElementwiseDifferentShapes() {
            error("x : 3\nb : 2\ny = x ./ b", 3, 7, 2, "cannot divide x (3 x 1) by b (2 x 1) elementwise: the shapes differ");
        }

        @Test
        void columnBroadcastNeedsAsManyRows() {
            error("X : 3 x 4\nb : 2\ny = X + b", 3, 7, "cannot add X (3 x 4) and b (2 x 1): a column goes with each"
                    + " column of a matrix with as many rows, but it has 2 rows and the matrix 3");
        }

        @Test
        void rowBroadcastNeedsAsManyColumns() {
            error("X : 3 x 4\nb : 1 x 2\ny = X + b", 3, 7, "cannot add X (3 x 4) and b (1 x 2): a row goes with each"
                    + " row of a matrix with as many columns, but it has 2 columns and the matrix 4");
        }

        @Test
        void subtractARowFromAColumn() {
            error("r : 1 x 3\nc : 3\ny = c - r", 3, 7, "cannot subtract a 1 x 3 row (r) from a 3 x 1 column (c): a column goes"
                    + " with each column of a matrix, a row with each row, but a row never meets a column; for the 3 x 3 table of"
                    + " every pair, write c - ones(3, 1)*r");
        }

        @Test
        void addAColumnToARow() {
            error("r : 1 x n\nc : n\ny = r + c", 3, 7, "cannot add a 1 x n row (r) to an n x 1 column (c): a column goes"
                    + " with each column of a matrix, a row with each row, but a row never meets a column; for the n x n table of"
                    + " every pair, write ones(n, 1)*r + c");
        }

        @Test
        void multiplyARowByAColumnElementwise() {
            error("r : 1 x 3\nc : 2\ny = 2*r .* (c + 1)", 3, 9, 2, "cannot multiply a 1 x 3 row (2*r) by a 2 x 1 column"
                    + " (c + 1) elementwise: a column goes with each column of a matrix, a row with each row, but a row never"
                    + " meets a column; for the 2 x 3 table of every pair, write (c + 1)*(2*r)");
        }

        @Test
        void divideAColumnByARowElementwise() {
            error("r : 1 x 3\nc : 3\ny = c ./ r", 3, 7, 2, "cannot divide a 3 x 1 column (c) by a 1 x 3 row (r) elementwise:"
                    + " a column goes with each column of a matrix, a row with each row, but a row never meets a column; for the"
                    + " 3 x 3 table of every pair, write c ./ (ones(3, 1)*r)");
        }

        @Test
        void divideByAMatrix() {
            error("X : 3 x 4\ny = X / X", 2, 9,
                    "'/' divides by a scalar, but X (3 x 4) is not one; use './' to divide elementwise");
        }

        @Test
        void powerOfANonSquareMatrix() {
            error("X : 3 x 4\ny = X ^ 2", 2, 7,
                    "a matrix power A^k needs a square matrix, but X (3 x 4) is not square; use '.^' for an elementwise power");
        }

        @Test
        void matrixPowerNotWhole() {
            error("A : 3 x 3\ny = A ^ 1.5", 2, 7, "'^' raises a scalar to a power, or a square matrix to a whole power"
                    + " such as 3, but A (3 x 3) is not a scalar and 1.5 is not a whole number from 0 to 64; use '.^' for an"
                    + " elementwise power");
        }

        @Test
        void exponentNotAScalar() {
            error("x : 3\ny = x .^ x", 2, 10, "an exponent must be a scalar: a number such as 2, or a scalar expression"
                    + " such as gamma, but x (3 x 1) is not one");
        }

        @Test
        void indexNotation() {
            error("W : 3 x 2\nx : 2\ny = W[i, j]*x[j]", 3, 7, 1, "index notation is not supported: 'i' is neither a number"
                    + " nor a size symbol of the file; an index is a whole number, end, a size symbol or a range (W[2, :],"
                    + " W[1:end-1, 1]); write the matrix form instead, e.g. W*x for the sum over j of W[i, j]*x[j]");
        }

        @Test
        void axisNotOneOrTwo() {
            error("Z : 3 x 4\nP = softmax(Z, 3)", 2, 16, "softmax(X, k) takes k = 1 (over each column) or k = 2 (over each row)");
        }

        @Test
        void extremumWithoutEmptyMatrix() {
            error("Z : 3 x 4\nm = max(Z, 1, 2)", 2, 12, "max(X, [], k) takes [] as its second argument, as in MATLAB:"
                    + " max(X, [], 1) per column, max(X, [], 2) per row");
        }

        @Test
        void softmaxOverGroupsOfOne() {
            error("z : 3\np = softmax(z, 2)", 2, 5, 13, "softmax(Z, 2) works over each row, but z (3 x 1) has one entry in each;"
                    + " write softmax(z) for all of its entries");
        }

        @Test
        void normOfOtherOrder() {
            error("x : 3\nn1 = norm(x, 3)", 2, 14, "norm(x, p) takes p = 1 (the sum of absolute values) or p = 2");
        }

        @Test
        void unknownProperty() {
            error("y : 3 x 2 onehot columns", 1, 18, 7, "unknown property 'columns': a shape may be followed by onehot,"
                    + " onehot rows, binary, symmetric or positive");
        }

        @Test
        void productUsedWithAnotherShape() {
            error("x : 3\ny : 2 x 2\ny = x*c", 3, 6, "the product x*c works out to 3 x 2, but it is used as 2 x 2");
        }

        @Test
        void hessianOfAnOpaqueScalarFunction() {
            error("fun g : scalar\ny = g''(x)", 2, 5,
                    "g is a scalar function: g' is its gradient; g'' (a Hessian) is not supported");
        }

        @Test
        void primeOnAMatrixFunction() {
            error("y = sum'(x)", 1, 5, 3, "sum' is not defined: a prime follows an elementwise function (relu',"
                    + " sigmoid', ...) or an opaque one; write d(sum(...))/d(x) for a derivative");
        }

        @Test
        void sumAlongAnUnknownAxis() {
            error("y = sum(x, 3)", 1, 12, "sum(X, k) takes k = 1 (down each column, giving a row) or k = 2"
                    + " (along each row, giving a column)");
        }

        @Test
        void symmetricButNotSquare() {
            error("A : m x n symmetric\nB : n x m\nX : n x n\nt = tr(A*inv(X)*B)", 1, 1,
                    "A is declared symmetric, so it must be square, but it is m x n");
        }

        @Test
        void traceOfANonSquareMatrix() {
            error("A : 3 x 2\ny = tr(A)", 2, 8, "tr needs a square matrix, but A (3 x 2) is not square");
        }

        @Test
        void dotOfDifferentShapes() {
            error("a : 3\nb : 2\ny = dot(a, b)", 3, 5, 9,
                    "dot(a, b) needs two arguments of the same shape, not a (3 x 1) and b (2 x 1)");
        }

        @Test
        void valueWhereADimensionIsExpected() {
            error("x : 3\ny = eye(x)", 2, 9,
                    "x is a value, not a dimension; a dimension is a whole number or a size symbol such as n");
        }

        @Test
        void expressionWhereADimensionIsExpected() {
            error("y = ones(2.5, 1)", 1, 10, 3,
                    "expected a dimension here: a whole number or a size symbol such as n");
        }

        @Test
        void wrongNumberOfArguments() {
            error("y = sum(x, 1, 2)", 1, 5, 12, "sum takes 1 or 2 arguments, not 3");
        }

        /** var and std are rewritten before their arguments are counted: a fuzz finding, an internal error before. */
        @Test
        void varianceWithoutArguments() {
            error("x : 3\ny = var()", 2, 5, 5, "var takes 1 or 2 arguments, not 0");
            error("x : 3\ny = std()", 2, 5, 5, "std takes 1 or 2 arguments, not 0");
        }

        @Test
        void joinSideBySide() {
            error("a : 2\nb : 3\ny = [a, b]", 3, 9, "cannot join side by side a (2 x 1) and b (3 x 1): they have 2 and 3 rows");
        }

        @Test
        void stackRowsOfDifferentWidths() {
            error("a : 2\nb : 2\nc : 2\ny = [a, b; c]", 4, 12,
                    "cannot stack the rows of [ ; ]: the first is 2 columns wide, this one 1");
        }

        @Test
        void indexAnUnknownShape() {
            error("y = q[1]", 1, 5, 4, "the shape of q must be known to index it; declare it, as in v : n or A : m x n");
        }

        @Test
        void indexAMatrixOnce() {
            error("A : 3 x 2\ny = A[1]", 2, 5, 4,
                    "A (3 x 2) is a matrix: index it with a row and a column, as A[i, j]");
        }

        @Test
        void emptyRange() {
            error("v : 3\ny = v[3:2]", 2, 7, 3, "the range 3:2 is empty");
        }

        @Test
        void positionOutOfRange() {
            error("v : 3\ny = v[0]", 2, 7, "index 0 is out of range: v (3 x 1) has positions 1 to 3");
        }

        @Test
        void rowOutOfRange() {
            error("A : 3 x 2\ny = A[5, 1]", 2, 7, "index 5 is out of range: A (3 x 2) has rows 1 to 3");
        }

        @Test
        void columnOutOfRange() {
            error("A : 3 x 2\ny = A[1, 3]", 2, 10, "index 3 is out of range: A (3 x 2) has columns 1 to 2");
        }

        @Test
        void derivativeOfAnUnknownShape() {
            error("x : 3\ny = d(q)/d(x)", 2, 7,
                    "the shape of q must be known to take this derivative; declare the names it uses");
        }

        @Test
        void logsumexpOfAnUnknownShape() {
            error("y = logsumexp([v, r])", 1, 15, 6, "the shape of [v, r] must be known here (logsumexp gives one number"
                    + " for a vector, a row for a matrix); declare the names it uses");
        }

        @Test
        void dimensionsThatCannotAgree() {
            error("W : 3 x 3\ny = kron(n, c) - vec(W)", 2, 5, 19,
                    "cannot work out the shapes of kron(n, c) - vec(W): a dimension would have to be both 1 and 9");
        }

        @Test
        void identitiesThatCannotAgree() {
            error("y = [0; [I, I]]", 1, 5, 11,
                    "cannot work out the shapes of [0; [I, I]]: a dimension would have to be both 1 and 2");
        }

        @Test
        void inferredInputWithNoPossibleShape() {
            error("x : 3\nz : 2\ny = [c; x]\nw = y + z", 3, 6, "no shape of c fits its uses: they make it -1 x 1");
        }

        @Test
        void symbolicColumnOutOfRange() {
            error("A : n x 2\ny = A[:, end+1]", 2, 10, 5, "index 3 is out of range: A (n x 2) has columns 1 to 2");
        }
    }

    @Nested
    class Reporting {
        @Test
        void everySyntaxErrorOfTheFileIsReported() {
            Path f = Run.file(dir, "x : 3\ny = x +\nz = (x\nw = x ** 2\nv = 2*x\n");
            Run r = Run.of("shapes", f.toString());
            assertEquals(Main.BAD_INPUT, r.status());
            String[] lines = r.errLines();
            assertEquals(f + ":2:7: error: missing an expression after '+'", lines[0]);
            assertEquals(f + ":3:5: error: '(' is never closed: a ')' is missing", lines[3]);
            assertEquals(f + ":4:8: error: '**' is not an operator: write ^ for a power of a scalar, .^ for an"
                    + " elementwise power", lines[6]);
            assertEquals(10, lines.length, r.err()); // three errors of three lines, and the last newline
        }

        @Test
        void tooManyErrorsAreCapped() {
            Path f = Run.file(dir, "y = x +\n".repeat(30));
            Run r = Run.of("shapes", f.toString());
            assertEquals(Main.BAD_INPUT, r.status());
            assertEquals(20, r.err().split("missing an expression after").length - 1);
            assertTrue(r.err().strip().endsWith(f + ": error: too many errors: stopped after the first 20"), r.err());
        }

        @Test
        void shapeErrorsOfSeveralDefinitionsAreReported() {
            Path f = Run.file(dir, "x : 3\nb : 2\ny = x + b\nz = b*b\n");
            Run r = Run.of("shapes", f.toString());
            assertEquals(Main.BAD_INPUT, r.status());
            assertTrue(r.err().contains(":3:7: error: cannot add x (3 x 1) and b (2 x 1)"), r.err());
            assertTrue(r.err().contains(":4:6: error: cannot multiply b (2 x 1) by b (2 x 1)"), r.err());
        }

        @Test
        void caretKeepsTabs() {
            Path f = Run.file(dir, "x : 3\n\ty =\tx + 1 +\n");
            Run r = Run.of("shapes", f.toString());
            assertEquals(f + ":2:12: error: missing an expression after '+'", r.errLines()[0]);
            assertEquals("\t   \t      ^", r.errLines()[2]);
        }

        @Test
        void longLinesAreShownAsAWindowAroundThePlace() {
            String line = "y = " + "x + ".repeat(200) + "* 2";
            Path f = Run.file(dir, line);
            Run r = Run.of("shapes", f.toString());
            String[] lines = r.errLines();
            assertEquals(f + ":1:805: error: expected an expression after '+', found '*'", lines[0]);
            assertEquals(200, lines[1].length());
            assertEquals('*', lines[1].charAt(lines[2].length() - 1));
        }

        @Test
        void charactersBeyondTheBasicPlaneKeepColumnsAndNames() {
            // 𝑊 is one character to a reader (and to columns) but two UTF-16 units to Java
            error("\uD835\uDC4A : 3 x 3\nx : 2\ny = \uD835\uDC4A*x", 3, 6,
                    "cannot multiply \uD835\uDC4A (3 x 3) by x (2 x 1): inner dimensions 3 and 2 differ");
        }

        @Test
        void jsonErrorHasEveryKey() {
            Path f = Run.file(dir, "x : 2\nW2 : 3 x 3\ny = W2*x\n");
            Run r = Run.of("shapes", f.toString(), "--format", "json");
            assertEquals(Main.BAD_INPUT, r.status());
            assertEquals("", r.err());
            String json = r.out().replaceAll("\\s+", " ");
            assertTrue(json.contains("\"error\" : { \"kind\" : \"shape\", \"file\" : \"" + f.toString().replace("\\", "\\\\")
                    + "\", \"line\" : 3, \"col\" : 7, \"message\" : \"cannot multiply W2 (3 x 3) by x (2 x 1): inner"
                    + " dimensions 3 and 2 differ\" }"), json);
        }

        @Test
        void jsonSyntaxErrorsListThemAll() {
            Path f = Run.file(dir, "y = x +\nz = (x\n");
            Run r = Run.of("--format=json", "shapes", f.toString());
            assertEquals(Main.BAD_INPUT, r.status());
            String json = r.out().replaceAll("\\s+", " ");
            assertTrue(json.contains("\"kind\" : \"syntax\""), json);
            assertTrue(json.contains("\"all\" : [ {"), json);
            assertTrue(json.contains("\"line\" : 2, \"col\" : 5, \"message\" : \"'(' is never closed: a ')' is missing\""), json);
        }

        @Test
        void messagesNeverCarryAStackTrace() {
            Path f = Run.file(dir, "y = (x\n");
            Run r = Run.of("shapes", f.toString());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Nested
    class Hessians {
        @Test
        void hessianOfAVector() {
            error("x : 3\ny = tanh(x)\nH = hessian(y, x)", 3, 13, "hessian(L, w) is the Hessian of a scalar L, but y (3 x 1)"
                    + " is not a scalar; for the derivative of its Jacobian write d(d(F)/d(w))/d(w)");
        }

        @Test
        void claimAboutAProductOfTheHessian() {
            error("x : 3\nL = sum(x)\nclaim hessian(L, x)*x = x", 3, 7, 15,
                    "a claim starts with the derivative it is about, as in: claim d(L)/d(W) = ... or claim hessian(L, w) = ...");
        }

        @Test
        void deriveHessianOfAVector() {
            error("x : 3\ny = tanh(x)\nderive hessian y wrt x", 3, 16, "derive hessian takes a scalar, but y is 3 x 1;"
                    + " for the derivative of its Jacobian write derive d(F)/d(w) wrt w");
        }
    }
}
