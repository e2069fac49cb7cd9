package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import chainrule.app.Engine;
import chainrule.diff.Answer;
import chainrule.expr.Fraction;
import chainrule.parse.Parse;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers in answers as people write them (issue 9): 1e-5, 0.5, fractions that came from the user. */
class NumbersAsWrittenTest {

    private static Answer derive(String source, String wrt) {
        SourceFile file = new SourceFile("t.nn", source.replace(';', '\n') + "\nderive L wrt " + wrt + "\n");
        Program p = Checker.check(file, Parse.file(file));
        Engine engine = new Engine(p);
        List<Answer> out = new ArrayList<>();
        for (Program.Request r : p.requests()) if (r instanceof Program.Derive d) out.addAll(engine.derive(d));
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static String text(String source, String wrt) {
        Answer a = derive(source, wrt);
        SourceFile file = new SourceFile("t.nn", source.replace(';', '\n'));
        return new Engine(Checker.check(file, Parse.file(file))).text(false).render(a.expression());
    }

    @ParameterizedTest(name = "{0} wrt {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "s : scalar positive;L = s^(1/3)                      | s | 1 / (3*s^(2/3))",
        "s : scalar positive;L = s^(2/3)                      | s | 2 / (3*s^(1/3))",
        "x : 3;L = sum(x .^ 0.5)                              | x | 1 ./ x.^0.5 / 2",
        "W : 3 x 2;lambda : scalar;L = lambda/2*sum(W.^2)     | W | lambda*W",
        "z : scalar;p = sigmoid(z);L = 3*(1 - p)               | z | -3*p*(1 - p)",
        "x : 3;L = sum(x) + 1e-5*sum(x .^ 2)                  | x | 1 + 2e-5*x",
        "x : 3;L = sum(x .^ 2) / 4                            | x | x / 2",
    })
    void answersKeepTheNumbersTheUserWrote(String source, String wrt, String expected) {
        assertEquals(expected, text(source, wrt));
    }

    @Test
    void fractionsAreOnlyThoseWithALongDecimal() {
        assertEquals(new Fraction(1, 3), Fraction.of(1.0 / 3));
        assertEquals(new Fraction(-2, 3), Fraction.of(1.0 / 3 - 1));
        assertEquals(new Fraction(5, 6), Fraction.of(5.0 / 6));
        assertNull(Fraction.of(0.5));
        assertNull(Fraction.of(0.25));
        assertNull(Fraction.of(1e-5));
        assertNull(Fraction.of(3));
        assertNull(Fraction.of(Math.PI));
    }

    @Test
    void smallNumbersArePrintedAsWritten() {
        assertEquals("1e-5", Text.number(1e-5));
        assertEquals("0.5", Text.number(0.5));
        assertEquals("2.5e-7", Text.number(2.5e-7));
        assertEquals("10^{-5}", Latex.number(1e-5));
    }
}
