package chainrule.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.expr.Expr.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's linear cost: expressions compare and hash by structure in time linear in their
 * distinct nodes. The adjoint of nested softmax uses the one below it twice, so a derivative's
 * tree can double with each level while its graph grows by a node or two; the records' own
 * equals and hashCode walked the tree (nested softmax 20 deep took 10 s, 30 deep did not end).
 */
class StructureTest {
    private static final Shape COLUMN = Shape.of(3, 1);

    /** e, then e .* tanh(e) on top of it, levels times: 2^levels paths to x, about 2 * levels nodes. */
    private static Expr doubling(String leaf, int levels) {
        Expr e = Ex.var(leaf, COLUMN);
        for (int i = 0; i < levels; i++) e = new Hadamard(e, new Apply(Builtin.TANH, 0, e));
        return e;
    }

    @Test
    void aGraphWithTwoToTheSixtyPathsHashesVisitingEachNodeOnce() {
        Expr e = doubling("x", 60);
        Structure.Walked walk = Structure.walkHash(e);
        assertTrue(walk.visited() <= Structure.TREE + 1 + 2 * 60 + 1, walk.visited() + " nodes visited");
        assertEquals(walk.hash(), e.hashCode());
        assertEquals(e.hashCode(), doubling("x", 60).hashCode(), "built twice, the same hash");
    }

    /** A rule that hashes each partial product of a long chain walked the chain below it again each time. */
    @Test
    void aLargeGraphHashedOnceIsNotWalkedAgainUnderANewParent() {
        Expr e = doubling("x", 600);
        assertTrue(Structure.walkHash(e).visited() > 2 * 600, "the first time, every node");
        Structure.Walked again = Structure.walkHash(new Neg(e));
        assertTrue(again.visited() <= Structure.TREE + 2, again.visited() + " nodes visited");
        assertEquals(31 * e.hashCode() + e.shape().hashCode(), again.hash());
    }

    @Test
    void twoCopiesOfSuchAGraphAreEqualAndADifferentLeafIsNot() {
        assertEquals(doubling("x", 60), doubling("x", 60));
        assertNotEquals(doubling("x", 60), doubling("y", 60));
        assertNotEquals(doubling("x", 60), doubling("x", 59));
    }

    @Test
    void theHashIsTheRecordsOwnFormulaWhetherWalkedAsATreeOrAsAGraph() {
        // 31 * h + the next component's hash, as a record computes it: Neg(a, shape)
        for (int levels : new int[] {2, 12}) {
            Expr e = doubling("x", levels);
            assertTrue(levels == 2 ? !Traverse.larger(e, Structure.TREE) : Traverse.larger(e, Structure.TREE));
            Expr n = new Neg(e);
            assertEquals(31 * e.hashCode() + e.shape().hashCode(), n.hashCode());
            Expr sum = new Add(List.of(e, n), COLUMN);
            assertEquals(31 * List.of(e, n).hashCode() + COLUMN.hashCode(), sum.hashCode());
        }
    }

    @Test
    void nodesWithTheSameChildrenDifferInTheirOtherFields() {
        Expr x = Ex.var("x", COLUMN);
        assertNotEquals(new Apply(Builtin.TANH, 0, x), new Apply(Builtin.TANH, 1, x));
        assertNotEquals(new Apply(Builtin.TANH, 0, x), new Apply(Builtin.EXP, 0, x));
        assertNotEquals(new Power(x, 2), new Power(x, 3));
        assertNotEquals(new Softmax(SoftKind.SOFTMAX, x, COLUMN), new Softmax(SoftKind.LOG_SOFTMAX, x, COLUMN));
        assertEquals(new Power(x, 2), new Power(Ex.var("x", COLUMN), 2));
        assertEquals(new Power(x, 2).hashCode(), new Power(Ex.var("x", COLUMN), 2).hashCode());
    }
}
