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
        } else if (at instanceof Derivative d) {
            back(expander.expand(d), g);
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
