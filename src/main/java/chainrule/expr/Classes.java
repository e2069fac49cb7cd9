package chainrule.expr;

import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash-consing after the fact: every node of some trees gets the number of its class of equal
 * subtrees. A node is looked at once however many parents share it, and its key is its own
 * fields and its children's numbers, so the cost is linear in the distinct nodes, where the
 * records' own equals and hashCode walk a shared subtree once per path to it. Numbers are given
 * children first, so a class's children have smaller numbers than the class.
 */
public final class Classes {
    private final Map<Expr, Integer> ids = new IdentityHashMap<>();
    private final Map<Key, Integer> byKey = new HashMap<>();
    private final List<Expr> representatives = new ArrayList<>();
    private final List<int[]> children = new ArrayList<>();

    /** A node without its children, and its children's class numbers. */
    private record Key(Object head, List<Integer> children) {}

    /** The class number of e (and of every node under it). */
    public int id(Expr e) {
        Integer known = ids.get(e);
        if (known != null) return known;
        List<Expr> kids = Traverse.children(e);
        List<Integer> kidIds = new ArrayList<>(kids.size());
        for (Expr k : kids) kidIds.add(id(k));
        Key key = new Key(head(e), kidIds);
        Integer id = byKey.get(key);
        if (id == null) {
            id = representatives.size();
            byKey.put(key, id);
            representatives.add(e);
            int[] kidArray = new int[kidIds.size()];
            for (int i = 0; i < kidArray.length; i++) kidArray[i] = kidIds.get(i);
            children.add(kidArray);
        }
        ids.put(e, id);
        return id;
    }

    /** How many classes there are: numbers run from 0 to count() - 1. */
    public int count() {
        return representatives.size();
    }

    /** The first node met of a class. */
    public Expr representative(int id) {
        return representatives.get(id);
    }

    /** The class numbers of a class's children, in order, with repeats. */
    public int[] children(int id) {
        return children.get(id);
    }

    /** What tells a node from another with the same children: its kind and its fields that are not children. */
    private static Object head(Expr e) {
        return switch (e) {
            case Var v -> v;
            case Num n -> n;
            case Size s -> s;
            case Zero z -> z;
            case Identity i -> i;
            case Ones o -> o;
            case Commutation k -> k;
            case Add a -> List.of(Add.class, a.shape());
            case Neg n -> Neg.class;
            case MatMul m -> List.of(MatMul.class, m.shape());
            case Scale s -> Scale.class;
            case Hadamard h -> Hadamard.class;
            case Divide d -> Divide.class;
            case Power p -> List.of(Power.class, p.p());
            case PowerBy p -> PowerBy.class;
            case Extremum x -> List.of(Extremum.class, x.max(), x.axis(), x.shape());
            case Transpose t -> Transpose.class;
            case Apply a -> List.of(Apply.class, a.fn(), a.order());
            case OpaqueScalar o -> List.of(OpaqueScalar.class, o.name(), o.order());
            case Softmax s -> List.of(Softmax.class, s.kind(), s.shape());
            case Reduce r -> List.of(Reduce.class, r.axis(), r.shape());
            case Broadcast b -> List.of(Broadcast.class, b.shape());
            case MatFn m -> List.of(MatFn.class, m.op(), m.shape());
            case DiagMatrix d -> List.of(DiagMatrix.class, d.shape());
            case DiagPart d -> List.of(DiagPart.class, d.shape());
            case Kron k -> List.of(Kron.class, k.shape());
            case Reshape r -> List.of(Reshape.class, r.shape());
            case Slice s -> List.of(Slice.class, s.rows(), s.cols(), s.shape());
            case Concat c -> List.of(Concat.class, c.axis(), c.shape());
            case Derivative d -> List.of(Derivative.class, d.wrt(), d.shape());
        };
    }
}
