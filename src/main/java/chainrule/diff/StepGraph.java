package chainrule.diff;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Traverse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which named steps an answer needs: the ones it names, and the ones those name, found in linear time. */
public final class StepGraph {
    private final List<Step> steps;
    private final Map<Derivative, List<Derivative>> references = new HashMap<>();

    public static final StepGraph EMPTY = new StepGraph(List.of());

    StepGraph(List<Step> steps) {
        this.steps = steps;
        for (Step s : steps) references.put(s.name(), named(s.value()));
    }

    /** The steps any of these answers refers to, in the order worked out. */
    public List<Step> needed(List<Expr> answers) {
        Set<Derivative> seen = new HashSet<>();
        ArrayDeque<Derivative> todo = new ArrayDeque<>();
        for (Expr a : answers) todo.addAll(named(a));
        while (!todo.isEmpty()) {
            Derivative d = todo.pop();
            if (seen.add(d)) todo.addAll(references.getOrDefault(d, List.of()));
        }
        List<Step> out = new ArrayList<>();
        for (Step s : steps) if (seen.contains(s.name())) out.add(s);
        return out;
    }

    private static List<Derivative> named(Expr e) {
        List<Derivative> out = new ArrayList<>();
        Traverse.any(e, x -> {
            if (x instanceof Derivative d) out.add(d);
            return false;
        });
        return out;
    }
}
