package chainrule.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.cli.Loader;
import chainrule.diff.Step;
import chainrule.diff.Unsupported;
import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spellings tables: every elementwise function in both libraries, identifiers Python accepts. */
class SpellingsTest {
    @Test
    void everyElementwiseFunctionAndItsDerivativeHasBothSpellings() {
        for (Builtin b : Builtin.values()) {
            for (Target t : Target.values()) {
                for (int order = 0; order <= 1; order++) {
                    String template = Elementwise.template(t, b.fname(), order);
                    assertNotNull(template, b.fname() + "'".repeat(order) + " has no " + t.title + " spelling");
                    assertTrue(template.contains("{x}") || template.contains("{a}"), template);
                }
            }
        }
    }

    @Test
    void anArgumentThatIsNotAnAtomIsParenthesisedWhereTheTemplateNeedsIt() {
        Code sum = new Code("a + b", Code.ADD, true);
        Code filled = Elementwise.fill(Elementwise.template(Target.NUMPY, "log", 1), sum);
        assertEquals("1 / (a + b)", filled.text());
        assertEquals(Code.MUL, filled.prec());
        assertEquals("np.tanh(a + b)", Elementwise.fill(Elementwise.template(Target.NUMPY, "tanh", 0), sum).text());
    }

    @Test
    void precedenceOfATemplateIsItsLoosestOperator() {
        assertEquals(Code.ADD, Code.precedence("1 - np.tanh({x}) ** 2"));
        assertEquals(Code.MUL, Code.precedence("-1 / {a} ** 2"));
        assertEquals(Code.UNARY, Code.precedence("-np.sin({x})"));
        assertEquals(Code.POW, Code.precedence("{a} ** -1.5"));
        assertEquals(Code.ATOM, Code.precedence("({x} > 0).double()"));
    }

    @Test
    void namesBecomePythonIdentifiersWithoutClashes() {
        Identifiers ids = new Identifiers();
        assertEquals("lambda_", ids.fresh("lambda"));
        assertEquals("lambda__", ids.fresh("λ"));
        assertEquals("np_", ids.fresh("np"));
        assertEquals("W1", ids.fresh("W1"));
        assertEquals("W1_", ids.fresh("W1"));
        assertEquals("v_x", ids.fresh("_x"));
        assertEquals("yhat", ids.fresh("yhat"));
        assertEquals("x2", Identifiers.ascii("x₂"));
    }

    @Test
    void aDerivativeWithoutASpellingIsReportedByName() {
        Program p = Loader.load(new SourceFile("t.nn", "x : 3\nL = sum(sin(x))\n"));
        Expr.Var x = new Expr.Var("x", p.shapeOf("x"));
        Expr.Var l = new Expr.Var("L", p.shapeOf("L"));
        Step step = new Step(Ex.derivative(l, x), new Expr.Apply(Builtin.SIN, 7, x));
        Unsupported e = org.junit.jupiter.api.Assertions.assertThrows(Unsupported.class, () -> Module.generate(p,
                List.of(new Module.Gradient("d(L)/d(x)", List.of(step))), Target.TORCH, d -> { throw new AssertionError(d); }));
        assertEquals("code generation: no PyTorch spelling for the derivative of order 7 of sin", e.getMessage());
    }
}
