package chainrule.diff;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Traverse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which named steps an answer needs: the ones it names, and the ones those name, found in linear time. */
public final class StepGraph {
    private final List<Step> steps;
    private final Map<Derivative, Set<Derivative>> references = new HashMap<>();

    /** How many nodes the walks for names have visited, for a test that they are linear. */
    private long walked;

    public static final StepGraph EMPTY = new StepGraph(List.of());

    StepGraph(List<Step> steps) {
        this.steps = steps;
        // one memo for every step: their values share subtrees (a second sweep's hold the first
        // gradient), and walking each value whole made this quadratic in the layers
        Map<Expr, Set<Derivative>> memo = new IdentityHashMap<>();
        for (Step s : steps) references.put(s.name(), named(s.value(), memo));
    }

    /** The steps any of these answers refers to, in the order worked out. */
    public List<Step> needed(List<Expr> answers) {
        Set<Derivative> seen = new HashSet<>();
        ArrayDeque<Derivative> todo = new ArrayDeque<>();
        Map<Expr, Set<Derivative>> memo = new IdentityHashMap<>();
        for (Expr a : answers) todo.addAll(named(a, memo));
        while (!todo.isEmpty()) {
            Derivative d = todo.pop();
            if (seen.add(d)) todo.addAll(references.getOrDefault(d, Set.of()));
        }
        List<Step> out = new ArrayList<>();
        for (Step s : steps) if (seen.contains(s.name())) out.add(s);
        return out;
    }

    long walked() {
        return walked;
    }

    /**
     * The derivatives written anywhere in e, each node's found once (memo, by identity). A node
     * with one child that holds any shares that child's set, so only where two branches meet is
     * a set built: few, as an expression names few steps.
     */
    private Set<Derivative> named(Expr e, Map<Expr, Set<Derivative>> memo) {
        Set<Derivative> known = memo.get(e);
        if (known != null) return known;
        walked++;
        Set<Derivative> out = Set.of();
        boolean own = false;
        if (e instanceof Derivative d) {
            out = new HashSet<>(List.of(d));
            own = true;
        }
        for (Expr c : Traverse.children(e)) {
            Set<Derivative> below = named(c, memo);
            if (below.isEmpty() || below == out || out.containsAll(below)) continue;
            if (out.isEmpty()) {
                out = below;
            } else {
                if (!own) {
                    out = new HashSet<>(out);
                    own = true;
                }
                out.addAll(below);
            }
        }
        memo.put(e, out);
        return out;
    }
}
