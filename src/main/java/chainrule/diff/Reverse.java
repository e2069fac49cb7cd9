package chainrule.diff;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Builtin;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reverse mode, as backprop by hand: the adjoint d(L)/d(v) of every definition v on a path from
 * the wanted variables to L, worked out once from the last definition back to the first. An
 * adjoint that is short, or used only once and not long, is written into its users; any other
 * becomes a named step d(L)/d(v) that later expressions refer to, so the answer for a network of
 * N equations has size O(N).
 */
final class Reverse {
    /** An adjoint at most this large is always written in place. */
    private static final int SMALL = 9;
    /** An adjoint used once is written in place up to this size. */
    private static final int INLINE_ONCE = 40;

    private final Program program;
    private final Expr of;
    private final Set<String> targets;
    private final UnaryOperator<Expr> simplify;
    private final boolean nameEveryStep;
    private final Expander expander;
    private final Dependence dependence;
    /** Contributions to each adjoint, keyed by where they come from, so sums read in the file's order. */
    private final Map<String, java.util.TreeMap<Integer, List<Expr>>> contributions = new HashMap<>();
    private int from = Integer.MAX_VALUE;
    private final List<Step> steps = new ArrayList<>();

    Reverse(Program program, Expr of, Set<String> targets, UnaryOperator<Expr> simplify, boolean nameEveryStep,
            Expander expander) {
        this.program = program;
        this.of = of;
        this.targets = targets;
        this.simplify = simplify;
        this.nameEveryStep = nameEveryStep;
        this.expander = expander;
        this.dependence = new Dependence(program, targets);
    }

    /** The gradient of the scalar `of` with respect to every target. */
    Map<String, Derived> run() {
        back(of, Ex.num(1));
        List<Program.Definition> defs = program.definitions();
        for (int i = defs.size() - 1; i >= 0; i--) {
            chainrule.source.Cancelled.check();
            Program.Definition d = defs.get(i);
            from = d.span().start();
            List<Expr> in = collected(d.name());
            if (in == null || !depends(d.body())) continue;
            Expr adjoint = simplify.apply(Ex.add(in));
            Expr ref = adjoint;
            boolean isTarget = targets.contains(d.name());
            boolean root = of instanceof Var v && v.name().equals(d.name());
            if (!isTarget && !root && !(adjoint instanceof Zero) && !(adjoint instanceof Num) && shouldName(d, adjoint)) {
                Derivative name = Ex.derivative(of, d.var());
                steps.add(new Step(name, adjoint));
                ref = name;
            }
            back(d.body(), ref);
        }
        Map<String, Derived> out = new LinkedHashMap<>();
        StepGraph graph = new StepGraph(steps);
        for (String t : targets) {
            List<Expr> in = collected(t);
            Expr answer = in == null ? Ex.zero(program.shapeOf(t)) : simplify.apply(Ex.add(in));
            out.put(t, new Derived(answer, graph));
        }
        return out;
    }

    private boolean shouldName(Program.Definition d, Expr adjoint) {
        if (nameEveryStep) return true;
        int size = Traverse.size(adjoint);
        if (size <= SMALL) return false;
        return uses(d.body()) > 1 || size > INLINE_ONCE;
    }

    /**
     * How many copies of a definition's adjoint one answer could hold: 2 when two places in the
     * body lead to one wanted variable (W in W*x + W*y, or a weight shared along two paths), else 1.
     */
    private int uses(Expr body) {
        List<java.util.BitSet> places = new ArrayList<>();
        collectPlaces(body, places);
        for (int i = 0; i < places.size(); i++) {
            for (int j = i + 1; j < places.size(); j++) {
                if (places.get(i).intersects(places.get(j))) return 2;
            }
        }
        return 1;
    }

    private void collectPlaces(Expr e, List<java.util.BitSet> places) {
        if (e instanceof Var v) {
            java.util.BitSet r = reach(v);
            if (!r.isEmpty()) places.add(r);
            return;
        }
        for (Expr c : Traverse.children(e)) collectPlaces(c, places);
    }

    private final List<String> targetOrder = new ArrayList<>();
    private final Map<String, java.util.BitSet> reachMemo = new HashMap<>();

    /** The wanted variables a name leads to, as bits. */
    private java.util.BitSet reach(Var v) {
        java.util.BitSet known = reachMemo.get(v.name());
        if (known != null) return known;
        java.util.BitSet out = new java.util.BitSet();
        if (targets.contains(v.name())) {
            if (!targetOrder.contains(v.name())) targetOrder.add(v.name());
            out.set(targetOrder.indexOf(v.name()));
        }
        Program.Definition d = program.byName().get(v.name());
        if (d != null) {
            Traverse.any(d.body(), x -> {
                if (x instanceof Var w) out.or(reach(w));
                return false;
            });
        }
        reachMemo.put(v.name(), out);
        return out;
    }

    private void contribute(String name, Expr g) {
        if (Ex.isZero(g)) return;
        contributions.computeIfAbsent(name, k -> new java.util.TreeMap<>())
                .computeIfAbsent(from, k -> new ArrayList<>()).add(g);
    }

    private List<Expr> collected(String name) {
        var byPlace = contributions.get(name);
        if (byPlace == null) return null;
        List<Expr> out = new ArrayList<>();
        byPlace.values().forEach(out::addAll);
        return out;
    }

    private boolean depends(Expr e) {
        return dependence.on(e);
    }

    /** Passes the adjoint g of e on to e's parts. */
    private void back(Expr e, Expr g) {
        if (!depends(e) || Ex.isZero(g)) return;
        switch (e) {
            case Var v -> contribute(v.name(), g);
            case Num n -> { }
            case Size s -> { }
            case Zero z -> { }
            case Identity i -> { }
            case Ones o -> { }
            case Commutation k -> { }
            case Add a -> a.terms().forEach(t -> back(t, g));
            case Neg n -> back(n.a(), Ex.neg(g));
            case MatMul m -> {
                back(m.a(), Ex.matmul(g, Ex.transpose(m.b())));
                back(m.b(), Ex.matmul(Ex.transpose(m.a()), g));
            }
            case Scale s -> {
                if (s.a().shape().isScalar()) {
                    // scalars: keep the chain-rule order, upstream first: dL/dy * dy/dx
                    back(s.s(), Ex.scale(g, s.a()));
                    back(s.a(), Ex.scale(g, s.s()));
                } else {
                    back(s.s(), Rules.inner(g, s.a()));
                    back(s.a(), Ex.scale(s.s(), g));
                }
            }
            case Hadamard h -> {
                back(h.a(), Ex.hadamard(g, h.b()));
                back(h.b(), Ex.hadamard(g, h.a()));
            }
            case Divide d -> {
                back(d.a(), Ex.divide(g, d.b()));
                back(d.b(), Ex.neg(Ex.divide(Ex.hadamard(g, d.a()), Ex.power(d.b(), 2))));
            }
            case Power p -> back(p.a(), Ex.hadamard(g, Ex.scale(Ex.num(p.p()), Ex.power(p.a(), p.p() - 1))));
            case Transpose t -> back(t.a(), Ex.transpose(g));
            case Apply a -> {
                Expr softmaxArg = a.order() == 0 && a.fn() == Builtin.LOG ? softmaxOf(a.a()) : null;
                if (softmaxArg != null) {
                    // log(softmax(z)) is log_softmax(z): its adjoint needs no division by softmax
                    back(softmaxArg, logSoftmaxAdjoint(g, softmaxArg));
                } else {
                    back(a.a(), Ex.hadamard(g, Rules.elementwiseDerivative(a.fn(), a.order(), a.a())));
                }
            }
            case OpaqueScalar o -> {
                if (o.order() > 0) throw new Unsupported("the derivative of " + o.name() + "' (a Hessian) is not supported");
                back(o.a(), Ex.scale(g, Ex.opaqueScalar(o.name(), 1, o.a())));
            }
            case Softmax s -> back(s.a(), switch (s.kind()) {
                case SOFTMAX -> {
                    Expr y = s;
                    Expr t = Ex.reduce(Rules.softAxis(s.a().shape()), Ex.hadamard(g, y));
                    yield Ex.hadamard(y, Ex.sub(g, Ex.broadcast(t, g.shape())));
                }
                case LOG_SOFTMAX -> logSoftmaxAdjoint(g, s.a());
                case LOGSUMEXP -> Ex.hadamard(Ex.broadcast(g, s.a().shape()), Ex.softmax(SoftKind.SOFTMAX, s.a()));
            });
            case Reduce r -> back(r.a(), Ex.broadcast(g, r.a().shape()));
            case Broadcast b -> back(b.a(), Rules.unbroadcast(g, b.a().shape()));
            case MatFn m -> back(m.a(), switch (m.op()) {
                case NORM -> Ex.scale(g, Ex.divide(m.a(), Ex.broadcast(m, m.a().shape())));
                case TRACE -> Ex.scale(g, Ex.identity(m.a().shape().rows()));
                case DET -> Ex.scale(g, Ex.scale(m, Ex.transpose(Ex.matfn(MatOp.INV, m.a()))));
                case LOGDET -> Ex.scale(g, Ex.transpose(Ex.matfn(MatOp.INV, m.a())));
                case INV -> Ex.neg(Ex.matmul(Ex.matmul(Ex.transpose(m), g), Ex.transpose(m)));
            });
            case DiagMatrix d -> back(d.v(), d.v().shape().isColumn() ? Ex.diagPart(g) : Ex.transpose(Ex.diagPart(g)));
            case DiagPart d -> back(d.m(), Ex.diagMatrix(g));
            case Kron k -> {
                // with vec(kron(A, B)) = P*kron(vec(A), vec(B)): vec(dA) = kron(eye(mn), vec(B)')*P'*vec(G), and alike for B
                Expr a = k.a(), b = k.b();
                Expr pg = Ex.matmul(Ex.transpose(Rules.kronPermutation(a.shape(), b.shape())), Ex.vec(g));
                back(a, Ex.reshape(Ex.matmul(Ex.kron(Ex.identity(a.shape().size()), Ex.transpose(Ex.vec(b))), pg), a.shape()));
                back(b, Ex.reshape(Ex.matmul(Ex.kron(Ex.transpose(Ex.vec(a)), Ex.identity(b.shape().size())), pg), b.shape()));
            }
            case Reshape r -> back(r.a(), Ex.reshape(g, r.a().shape()));
            case Slice s -> back(s.a(), Rules.embed(g, s.rows(), s.cols(), s.a().shape()));
            case Concat c -> {
                for (int i = 0; i < c.parts().size(); i++) back(c.parts().get(i), Rules.part(g, c, i));
            }
            case Derivative d -> back(expander.expand(d), g);
        }
    }

    /** z when e is softmax(z) or names a definition that is. */
    private Expr softmaxOf(Expr e) {
        if (e instanceof Softmax s && s.kind() == SoftKind.SOFTMAX) return s.a();
        if (e instanceof Var v && program.byName().get(v.name()) instanceof Program.Definition d
                && d.body() instanceof Softmax s && s.kind() == SoftKind.SOFTMAX) {
            return s.a();
        }
        return null;
    }

    /** The adjoint of log_softmax(z) at g: g - softmax(z) times the sum of g (per column for a matrix). */
    private static Expr logSoftmaxAdjoint(Expr g, Expr z) {
        Expr sm = Ex.softmax(SoftKind.SOFTMAX, z);
        Expr total = Ex.reduce(Rules.softAxis(z.shape()), g);
        Expr spread = total.shape().isScalar() ? Ex.scale(total, sm) : Ex.hadamard(sm, Ex.broadcast(total, z.shape()));
        return Ex.sub(g, spread);
    }
}
