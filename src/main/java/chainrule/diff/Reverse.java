package chainrule.diff;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
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

    /**
     * Named steps of gradients inside {@code of} (a Hessian-vector product is the gradient of
     * vec(d(L)/d(w))'*v), by name, in the order worked out: each is a node of the sweep with its own
     * adjoint, as a definition is, so a step shared by later ones is swept once, not once a path.
     */
    private final Map<Derivative, Expr> inner;
    private final Map<Derivative, List<Expr>> innerContributions = new HashMap<>();
    /** What the named steps are called derivatives of: the expression as asked, before its gradients were written out. */
    private final Expr named;

    Reverse(Program program, Expr of, Set<String> targets, UnaryOperator<Expr> simplify, boolean nameEveryStep,
            Expander expander) {
        this(program, of, of, Map.of(), targets, simplify, nameEveryStep, expander);
    }

    Reverse(Program program, Expr named, Expr of, Map<Derivative, Expr> inner, Set<String> targets, UnaryOperator<Expr> simplify,
            boolean nameEveryStep, Expander expander) {
        this.program = program;
        this.named = named;
        this.inner = inner;
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
        // a step refers only to steps worked out before it: the last first is an order of the sweep
        List<Derivative> innerOrder = new ArrayList<>(inner.keySet());
        for (int i = innerOrder.size() - 1; i >= 0; i--) {
            Derivative step = innerOrder.get(i);
            List<Expr> in = innerContributions.get(step);
            if (in == null) continue;
            Expr adjoint = simplify.apply(Ex.add(in));
            Expr ref = adjoint;
            if (!(adjoint instanceof Zero) && (nameEveryStep || Traverse.larger(adjoint, SMALL))) {
                Derivative name = Ex.derivative(named, new Var(label(step), step.shape()));
                steps.add(new Step(name, adjoint));
                ref = name;
            }
            back(inner.get(step), ref);
        }
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
                Derivative name = Ex.derivative(named, d.var());
                steps.add(new Step(name, adjoint));
                ref = name;
            }
            back(d.body(), ref);
        }
        Map<String, Derived> out = new LinkedHashMap<>();
        List<Step> all = new ArrayList<>();
        inner.forEach((name, value) -> all.add(new Step(name, value)));
        all.addAll(steps);
        StepGraph graph = new StepGraph(all);
        for (String t : targets) {
            List<Expr> in = collected(t);
            Expr answer = in == null ? Ex.zero(program.shapeOf(t)) : simplify.apply(Ex.add(in));
            out.put(t, new Derived(answer, graph));
        }
        return out;
    }

    /** The name of a step as a variable of the sweep: dL/dh3, or d(L)/d(h3) where L is no name. */
    private static String label(Derivative step) {
        return step.of() instanceof Var v ? "d" + v.name() + "/d" + step.wrt().name() : "d(...)/d(" + step.wrt().name() + ")";
    }

    private boolean shouldName(Program.Definition d, Expr adjoint) {
        if (nameEveryStep) return true;
        // bounded counts: a second sweep's adjoints hold the first gradient, and counting each
        // whole made the sweep quadratic in the number of layers
        if (!Traverse.larger(adjoint, SMALL)) return false;
        return uses(d.body()) > 1 || Traverse.larger(adjoint, INLINE_ONCE);
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

    /**
     * back, for a derivative worked out (d(L)/d(x) inside a definition): its expression is a graph
     * whose subexpressions are shared by many parents (each step's value is one object however
     * often it is used), so each node is passed the sum of its parents' adjoints and passes it on
     * once, in an order where every parent comes before its operands. Walked path by path as back
     * does, the second derivative of a residual network would cost time exponential in its depth.
     */
    private void backShared(Expr e, Expr g) {
        if (!depends(e) || Ex.isZero(g)) return;
        Map<Expr, Expr> linearized = new java.util.IdentityHashMap<>();
        List<Expr> order = new ArrayList<>();
        postOrder(e, linearized, order);
        Map<Expr, List<Expr>> adjoints = new java.util.IdentityHashMap<>();
        adjoints.computeIfAbsent(e, k -> new ArrayList<>()).add(g);
        for (int i = order.size() - 1; i >= 0; i--) {
            chainrule.source.Cancelled.check();
            Expr node = order.get(i);
            List<Expr> in = adjoints.get(node);
            if (in == null) continue;
            Expr total = Ex.add(in);
            if (Ex.isZero(total)) continue;
            Expr at = linearized.get(node);
            if (at == null || at instanceof Var || at instanceof Derivative) {
                back(node, total);
                continue;
            }
            List<Expr> operands = Traverse.children(at);
            boolean[] live = new boolean[operands.size()];
            for (int k = 0; k < live.length; k++) live[k] = depends(operands.get(k));
            Expr[] passed = Transposer.transpose(Linearize.of(at), total, live);
            for (int k = 0; k < passed.length; k++) {
                if (passed[k] != null) adjoints.computeIfAbsent(operands.get(k), x -> new ArrayList<>()).add(passed[k]);
            }
        }
    }

    /**
     * The nodes under e that depend on the targets, operands before their users, each once; for
     * each, the form its linear map is taken of (null where back must handle it itself).
     */
    private void postOrder(Expr e, Map<Expr, Expr> linearized, List<Expr> order) {
        if (linearized.containsKey(e) || !depends(e)) return;
        Expr at = LanguageOps.rowSoftmaxUnderLog(e, program, targets) != null ? null : Linearize.differentiable(e, program, targets);
        linearized.put(e, at);
        if (at != null && !(at instanceof Var) && !(at instanceof Derivative)) {
            for (Expr c : Traverse.children(at)) postOrder(c, linearized, order);
        }
        order.add(e);
    }

    /** Passes the adjoint g of e on to e's operands, through the transpose of e's linear map. */
    private void back(Expr e, Expr g) {
        if (!depends(e) || Ex.isZero(g)) return;
        Expr rows = LanguageOps.rowSoftmaxUnderLog(e, program, targets);
        if (rows != null) {
            // log(softmax(Z, 2)): the adjoint reaches Z as log_softmax's does, row by row, written with P itself
            back(rows, LanguageOps.rowLogSoftmaxAdjoint(g, ((Expr.Apply) e).a()));
            return;
        }
        Expr at = Linearize.differentiable(e, program, targets);
        if (at instanceof Var v) {
            contribute(v.name(), g);
        } else if (at instanceof Derivative d && inner.containsKey(d)) {
            innerContributions.computeIfAbsent(d, k -> new ArrayList<>()).add(g);
        } else if (at instanceof Derivative d) {
            backShared(expander.expand(d), g);
        } else {
            List<Expr> operands = Traverse.children(at);
            boolean[] live = new boolean[operands.size()];
            for (int i = 0; i < live.length; i++) live[i] = depends(operands.get(i));
            Expr[] adjoints = Transposer.transpose(Linearize.of(at), g, live);
            for (int i = 0; i < adjoints.length; i++) {
                if (adjoints[i] != null) back(operands.get(i), adjoints[i]);
            }
        }
    }
}
