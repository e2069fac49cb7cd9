package chainrule.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import chainrule.parse.Parse;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine itself: rules that undo each other are a fault, a rewrite may not change the shape, and each rewrite is recorded. */
class SimplifierTest {
    private static final Var A = Ex.var("A", Shape.of(3, 2)), B = Ex.var("B", Shape.of(2, 4));

    /** (A*B)' to B'*A' and back: each alone lowers a measure, together they loop. */
    private static final List<Rule> LOOPING = List.of(
            Rule.on(Transpose.class, "transpose of a product", TransposeRules::ofProduct),
            Rule.on(MatMul.class, "product of transposes", m -> m.a() instanceof Transpose x && m.b() instanceof Transpose y
                    ? Optional.of(Ex.transpose(Ex.matmul(y.a(), x.a()))) : Optional.empty()));

    @Test
    void rulesThatUndoEachOtherAreAFaultWhenStrict() {
        Expr e = Ex.transpose(Ex.matmul(A, B));
        RuleLoop fault = assertThrows(RuleLoop.class, () -> new Simplifier(LOOPING, true).simplify(e));
        assertTrue(fault.getMessage().contains("transpose of a product"), fault.getMessage());
        assertTrue(fault.getMessage().contains("product of transposes"), fault.getMessage());
    }

    @Test
    void withoutTheStrictCheckTheSmallestFormSeenIsKept() {
        Expr e = Ex.transpose(Ex.matmul(A, B));
        assertEquals(e, new Simplifier(LOOPING, false).simplify(e));
    }

    @Test
    void theTestsRunStrict() {
        assertTrue(Boolean.getBoolean(Simplifier.STRICT), "surefire sets -D" + Simplifier.STRICT);
    }

    @Test
    void aRuleThatChangesTheShapeIsAnInternalFault() {
        Rule bad = Rule.on(Transpose.class, "drops the transpose", t -> Optional.of(t.a()));
        IllegalStateException fault = assertThrows(IllegalStateException.class,
                () -> new Simplifier(List.of(bad), true).simplify(Ex.transpose(A)));
        assertTrue(fault.getMessage().contains("drops the transpose"), fault.getMessage());
    }

    private static Program program(String text) {
        SourceFile src = new SourceFile("t.nn", text);
        return Checker.check(src, Parse.file(src));
    }

    @Test
    void everyRewriteIsTracedWithItsRule() {
        Program p = program("W : m x n\nlambda : scalar\n");
        Expr e = program("W : m x n\nlambda : scalar\nL = 2*(lambda/2*W)\n").byName().get("L").body();
        List<Rewrite> trace = new ArrayList<>();
        Expr out = new Simplifier(p).traced(trace::add).simplify(e);
        assertEquals(Ex.scale(Ex.var("lambda", Shape.SCALAR), Ex.var("W", p.shapeOf("W"))), out);
        assertTrue(trace.stream().anyMatch(r -> r.rule().equals("scalar factors gathered") && r.after().equals(out)), trace.toString());
        for (Rewrite r : trace) assertEquals(r.before().shape(), r.after().shape());
    }
}
