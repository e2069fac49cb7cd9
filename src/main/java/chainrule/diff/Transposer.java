package chainrule.diff;

import chainrule.diff.Lin.*;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse mode's half of a linear map: its transpose applied to an adjoint g, giving each
 * operand's adjoint. The map is swept from its output back to its operands; a node shared by
 * several users (the same object) is passed the sum of their adjoints, then passes it on once.
 */
final class Transposer {
    private final boolean[] liveOperands;
    private final Map<Lin, Boolean> live = new IdentityHashMap<>();
    private final Map<Lin, List<Expr>> adjoints = new IdentityHashMap<>();
    private final Expr[] out;

    private Transposer(int operands, boolean[] liveOperands) {
        this.liveOperands = liveOperands;
        this.out = new Expr[operands];
    }

    /** The adjoint of each operand (null where it gets none) when the map's output has adjoint g. */
    static Expr[] transpose(Lin map, Expr g, boolean[] liveOperands) {
        Transposer t = new Transposer(liveOperands.length, liveOperands);
        if (!t.live(map)) return t.out;
        List<Lin> order = new ArrayList<>();
        t.postOrder(map, new IdentityHashMap<>(), order);
        t.pass(map, g);
        for (int i = order.size() - 1; i >= 0; i--) {
            Lin node = order.get(i);
            List<Expr> in = t.adjoints.get(node);
            if (in == null) continue;
            Expr total = Ex.add(in);
            if (node instanceof Operand o) t.out[o.index()] = total;
            else if (!Ex.isZero(total)) t.step(node, total);
        }
        return t.out;
    }

    private boolean live(Lin x) {
        Boolean known = live.get(x);
        if (known != null) return known;
        boolean l = x instanceof Operand o && liveOperands[o.index()];
        if (!(x instanceof Operand)) {
            for (Lin c : children(x)) {
                if (live(c)) {
                    l = true;
                    break;
                }
            }
        }
        live.put(x, l);
        return l;
    }

    private void postOrder(Lin x, Map<Lin, Boolean> seen, List<Lin> order) {
        if (seen.put(x, true) != null || !live(x)) return;
        for (Lin c : children(x)) postOrder(c, seen, order);
        order.add(x);
    }

    private void pass(Lin to, Expr g) {
        if (live(to)) adjoints.computeIfAbsent(to, k -> new ArrayList<>()).add(g);
    }

    static List<Lin> children(Lin x) {
        return switch (x) {
            case Operand o -> List.of();
            case Sum s -> s.terms();
            case Negate n -> List.of(n.x());
            case LeftMul m -> List.of(m.x());
            case RightMul m -> List.of(m.x());
            case Scaled s -> List.of(s.x());
            case Outer o -> List.of(o.ds());
            case Inner i -> List.of(i.x());
            case Diagonal d -> List.of(d.x());
            case DividedBy d -> List.of(d.x());
            case Transposed t -> List.of(t.x());
            case Reshaped r -> List.of(r.x());
            case Summed s -> List.of(s.x());
            case Lin.Broadcast b -> List.of(b.x());
            case Sliced s -> List.of(s.x());
            case Concatenated c -> c.parts();
            case ToDiagonal d -> List.of(d.v());
            case FromDiagonal d -> List.of(d.m());
            case VecMap v -> List.of(v.x());
            case Written w -> List.of(w.structured());
        };
    }

    /** Passes the adjoint g of a node on to what it is made of. */
    private void step(Lin x, Expr g) {
        switch (x) {
            case Operand o -> { }
            case Sum s -> s.terms().forEach(t -> pass(t, g));
            case Negate n -> pass(n.x(), Ex.neg(g));
            case LeftMul m -> pass(m.x(), Ex.matmul(Ex.transpose(m.a()), g));
            case RightMul m -> pass(m.x(), Ex.matmul(g, Ex.transpose(m.b())));
            // scalars keep the chain-rule order, upstream first: dL/dy * dy/dx
            case Scaled s -> pass(s.x(), s.x().shape().isScalar() ? Ex.scale(g, s.s()) : Ex.scale(s.s(), g));
            case Outer o -> pass(o.ds(), Rules.inner(g, o.a()));
            case Inner i -> pass(i.x(), Ex.scale(g, i.a()));
            case Diagonal d -> pass(d.x(), d.dFirst() ? Ex.hadamard(d.d(), g) : Ex.hadamard(g, d.d()));
            case DividedBy d -> pass(d.x(), Ex.divide(g, d.d()));
            case Transposed t -> pass(t.x(), Ex.transpose(g));
            case Reshaped r -> pass(r.x(), Ex.reshape(g, r.x().shape()));
            case Summed s -> pass(s.x(), Ex.broadcast(g, s.x().shape()));
            case Lin.Broadcast b -> pass(b.x(), Rules.unbroadcast(g, b.x().shape()));
            case Sliced s -> pass(s.x(), Rules.embed(g, s.rows(), s.cols(), s.x().shape()));
            case Concatenated c -> {
                List<chainrule.expr.Shape> shapes = c.parts().stream().map(Lin::shape).toList();
                for (int i = 0; i < c.parts().size(); i++) pass(c.parts().get(i), Rules.part(g, c.axis(), shapes, i));
            }
            case ToDiagonal d -> pass(d.v(), d.v().shape().isColumn() ? Ex.diagPart(g) : Ex.transpose(Ex.diagPart(g)));
            case FromDiagonal d -> pass(d.m(), Ex.diagMatrix(g));
            case VecMap v -> pass(v.x(), Ex.reshape(Ex.matmul(v.mT(), Ex.vec(g)), v.x().shape()));
            case Written w -> pass(w.structured(), g);
        }
    }
}
