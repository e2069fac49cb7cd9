package chainrule.expr;

import chainrule.expr.Expr.*;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * equals and hashCode of the expression records, by structure, in time linear in the distinct
 * nodes. A record's own equals and hashCode walk a shared subtree once per path to it, and a
 * derivative shares a lot: the adjoint of nested softmax uses the adjoint below it twice, so its
 * tree doubles with every level while its graph grows by a few nodes. A small tree is walked as a
 * tree; one that runs past {@value #TREE} nodes is walked again as a graph, each node (each pair
 * of nodes, for equals) once, and the hashes of its nodes are kept (weakly) for the next time.
 * The hash is the one a record computes itself (31 * h + each
 * component's hash, in order), so no map's order changes.
 */
final class Structure {
    /** Nodes walked as a tree before the graph walk takes over. */
    static final int TREE = 512;

    private Structure() {}

    static int hash(Expr e) {
        return walkHash(e).hash();
    }

    /** A hash and how many nodes were visited to work it out. */
    record Walked(int hash, int visited) {}

    static Walked walkHash(Expr e) {
        TreeHash tree = new TreeHash();
        int h = tree.of(e);
        if (tree.budget >= 0) return new Walked(h, TREE - tree.budget);
        GraphHash graph = new GraphHash();
        h = graph.of(e);
        return new Walked(h, TREE + 1 + graph.memo.size());
    }

    static boolean equal(Expr a, Object o) {
        if (a == o) return true;
        if (!(o instanceof Expr b) || a.getClass() != b.getClass()) return false;
        int[] budget = {TREE};
        int quick = treeEqual(a, b, budget);
        return quick >= 0 ? quick == 1 : graphEqual(a, b, new HashSet<>());
    }

    private abstract static class Hasher {
        abstract int of(Expr e);

        /** A record's hash from its components', the children's hashes taken from this. */
        final int combine(Expr e) {
            return switch (e) {
                case Var v -> v.hashCode();
                case Num n -> n.hashCode();
                case Size s -> s.hashCode();
                case Zero z -> z.hashCode();
                case Identity i -> i.hashCode();
                case Ones o -> o.hashCode();
                case Commutation k -> k.hashCode();
                case Add a -> fold(list(a.terms()), a.shape());
                case Neg n -> fold(of(n.a()), n.shape());
                case MatMul m -> fold(fold(of(m.a()), of(m.b())), m.shape());
                case Scale s -> fold(fold(of(s.s()), of(s.a())), s.shape());
                case Hadamard h -> fold(fold(of(h.a()), of(h.b())), h.shape());
                case Divide d -> fold(fold(of(d.a()), of(d.b())), d.shape());
                case Power p -> fold(31 * of(p.a()) + Double.hashCode(p.p()), p.shape());
                case PowerBy p -> fold(fold(of(p.a()), of(p.p())), p.shape());
                case Extremum x -> fold((Boolean.hashCode(x.max()) * 31 + x.axis().hashCode()) * 31 + of(x.a()), x.shape());
                case Transpose t -> fold(of(t.a()), t.shape());
                case Apply a -> fold((a.fn().hashCode() * 31 + a.order()) * 31 + of(a.a()), a.shape());
                case OpaqueScalar o -> fold((o.name().hashCode() * 31 + o.order()) * 31 + of(o.a()), o.shape());
                case Softmax s -> fold(s.kind().hashCode() * 31 + of(s.a()), s.shape());
                case Reduce r -> fold(r.axis().hashCode() * 31 + of(r.a()), r.shape());
                case Broadcast b -> fold(of(b.a()), b.shape());
                case MatFn m -> fold(m.op().hashCode() * 31 + of(m.a()), m.shape());
                case DiagMatrix d -> fold(of(d.v()), d.shape());
                case DiagPart d -> fold(of(d.m()), d.shape());
                case Kron k -> fold(fold(of(k.a()), of(k.b())), k.shape());
                case Reshape r -> fold(of(r.a()), r.shape());
                case Slice s -> fold(fold(fold(of(s.a()), s.rows()), s.cols()), s.shape());
                case Concat c -> fold(c.axis().hashCode() * 31 + list(c.parts()), c.shape());
                case Derivative d -> fold(fold(of(d.of()), d.wrt()), d.shape());
            };
        }

        private static int fold(int h, Object next) {
            return h * 31 + next.hashCode();
        }

        private static int fold(int h, int next) {
            return h * 31 + next;
        }

        /** As List.hashCode does. */
        private int list(List<Expr> xs) {
            int h = 1;
            for (Expr x : xs) h = 31 * h + of(x);
            return h;
        }
    }

    private static final class TreeHash extends Hasher {
        int budget = TREE;

        int of(Expr e) {
            if (--budget < 0) return 0;
            return combine(e);
        }
    }

    private static final class GraphHash extends Hasher {
        private final Map<Expr, Integer> memo = new IdentityHashMap<>();

        int of(Expr e) {
            Integer known = memo.get(e);
            if (known == null) known = KNOWN.get(new Held(e, null));
            if (known != null) return known;
            int h = combine(e);
            memo.put(e, h);
            if (!Traverse.children(e).isEmpty()) remember(e, h);
            return h;
        }
    }

    /**
     * The hashes of the nodes of large graphs, by identity, held weakly: a pass that hashes a
     * long chain at each of its levels (a simplifier rule on each partial product) walks each
     * node once in all, not once a level.
     */
    private static final Map<Held, Integer> KNOWN = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Expr> GONE = new ReferenceQueue<>();

    private static void remember(Expr e, int hash) {
        for (Reference<? extends Expr> r; (r = GONE.poll()) != null; ) KNOWN.remove(r);
        KNOWN.put(new Held(e, GONE), hash);
    }

    /** A node held weakly, equal to another holding the same node. */
    private static final class Held extends WeakReference<Expr> {
        private final int id;

        Held(Expr e, ReferenceQueue<Expr> queue) {
            super(e, queue);
            id = System.identityHashCode(e);
        }

        @Override
        public int hashCode() {
            return id;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            Expr e = get();
            return o instanceof Held h && e != null && e == h.get();
        }
    }

    /** 1 equal, 0 not, -1 the budget ran out first. */
    private static int treeEqual(Expr a, Expr b, int[] budget) {
        if (a == b) return 1;
        if (a.getClass() != b.getClass() || !sameFields(a, b)) return 0;
        if (--budget[0] < 0) return -1;
        List<Expr> as = Traverse.children(a), bs = Traverse.children(b);
        if (as.size() != bs.size()) return 0;
        for (int i = 0; i < as.size(); i++) {
            int r = treeEqual(as.get(i), bs.get(i), budget);
            if (r != 1) return r;
        }
        return 1;
    }

    /** Two nodes, by identity: a pair already found equal. */
    private record Pair(Expr a, Expr b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.a == a && p.b == b;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + System.identityHashCode(b);
        }
    }

    private static boolean graphEqual(Expr a, Expr b, Set<Pair> equal) {
        if (a == b) return true;
        if (a.getClass() != b.getClass() || !sameFields(a, b)) return false;
        Pair pair = new Pair(a, b);
        if (equal.contains(pair)) return true;
        List<Expr> as = Traverse.children(a), bs = Traverse.children(b);
        if (as.size() != bs.size()) return false;
        for (int i = 0; i < as.size(); i++) if (!graphEqual(as.get(i), bs.get(i), equal)) return false;
        equal.add(pair);
        return true;
    }

    /** The components that are not children, of two nodes of one class. */
    private static boolean sameFields(Expr a, Expr b) {
        return switch (a) {
            case Var v -> v.equals(b);
            case Num n -> n.equals(b);
            case Size s -> s.equals(b);
            case Zero z -> z.equals(b);
            case Identity i -> i.equals(b);
            case Ones o -> o.equals(b);
            case Commutation k -> k.equals(b);
            case Power p -> Double.compare(p.p(), ((Power) b).p()) == 0 && p.shape().equals(b.shape());
            case Extremum x -> x.max() == ((Extremum) b).max() && x.axis() == ((Extremum) b).axis() && x.shape().equals(b.shape());
            case Apply x -> x.fn().equals(((Apply) b).fn()) && x.order() == ((Apply) b).order() && x.shape().equals(b.shape());
            case OpaqueScalar x -> x.name().equals(((OpaqueScalar) b).name()) && x.order() == ((OpaqueScalar) b).order()
                    && x.shape().equals(b.shape());
            case Softmax x -> x.kind() == ((Softmax) b).kind() && x.shape().equals(b.shape());
            case Reduce x -> x.axis() == ((Reduce) b).axis() && x.shape().equals(b.shape());
            case MatFn x -> x.op() == ((MatFn) b).op() && x.shape().equals(b.shape());
            case Slice x -> x.rows().equals(((Slice) b).rows()) && x.cols().equals(((Slice) b).cols()) && x.shape().equals(b.shape());
            case Concat x -> x.axis() == ((Concat) b).axis() && x.shape().equals(b.shape());
            case Derivative x -> x.wrt().equals(((Derivative) b).wrt()) && x.shape().equals(b.shape());
            case Add x -> x.shape().equals(b.shape());
            case Neg x -> x.shape().equals(b.shape());
            case MatMul x -> x.shape().equals(b.shape());
            case Scale x -> x.shape().equals(b.shape());
            case Hadamard x -> x.shape().equals(b.shape());
            case Divide x -> x.shape().equals(b.shape());
            case PowerBy x -> x.shape().equals(b.shape());
            case Transpose x -> x.shape().equals(b.shape());
            case Broadcast x -> x.shape().equals(b.shape());
            case DiagMatrix x -> x.shape().equals(b.shape());
            case DiagPart x -> x.shape().equals(b.shape());
            case Kron x -> x.shape().equals(b.shape());
            case Reshape x -> x.shape().equals(b.shape());
        };
    }
}
