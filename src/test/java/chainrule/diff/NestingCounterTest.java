package chainrule.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.expr.Expr;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The count of derivations under way, one inside another, is back at 0 after one fails. */
class NestingCounterTest {

    @Test
    void aFailedDerivationLeavesNoDerivationUnderWay() {
        StringBuilder src = new StringBuilder("x : 3\ng0 = tanh(x)\n");
        for (int i = 1; i <= 22; i++) src.append("g").append(i).append(" = d(sum(g").append(i - 1).append("))/d(x)\n");
        src.append("L = sum(g22)\nderive L wrt x\n");
        Program p = Loader.load(new SourceFile("deep.nn", src.toString()));
        Differentiator d = new Engine(p).differentiator();
        Expr.Var x = new Expr.Var("x", p.shapeOf("x"));
        Expr.Var l = new Expr.Var("L", p.shapeOf("L"));
        Unsupported first = assertThrows(Unsupported.class, () -> d.derive(l, x, false));
        assertEquals("derivatives nested more than 20 deep (a definition that uses its own derivative?)", first.getMessage());
        assertEquals(0, d.nesting());
        // the limit is the same the second time: not 20 more levels of room
        assertThrows(Unsupported.class, () -> d.derive(l, x, false));
        assertEquals(0, d.nesting());
        Expr.Var g2 = new Expr.Var("g2", p.shapeOf("g2"));
        assertEquals(p.shapeOf("x"), d.derive(new Expr.Reduce(Expr.Axis.ALL, g2, chainrule.expr.Shape.SCALAR), x, false).answer().shape());
        assertEquals(0, d.nesting());
    }
}
