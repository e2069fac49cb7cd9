package chainrule.simplify;

import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rule engine. A node's children are brought to normal form first; then the rules for the
 * node's kind are tried in catalogue order, and the first that fires replaces the node, whose new
 * parts are normalised in turn before the node is looked at again. Every rewrite must keep the
 * shape. Each rule lowers a measure (its comment names it), so a node's chain of rewrites ends;
 * a chain that comes back to a form it had, or runs past {@value #MAX_CHAIN} rewrites, is a pair
 * of rules undoing each other: with the system property {@value #STRICT} set (the tests set it)
 * that is a {@link RuleLoop}, otherwise the smallest form seen is kept.
 */
public final class Simplifier {
    public static final String STRICT = "chainrule.simplify.strict";
    private static final int MAX_CHAIN = 200;

    private final Map<Class<? extends Expr>, List<Rule>> byKind = new HashMap<>();
    private final List<Rule> rules;
    private final boolean strict;
    private Consumer<Rewrite> trace = r -> {};
    // nodes already in normal form (by identity: adjoints share their subtrees), and what others became
    private final Map<Expr, Expr> normal = new IdentityHashMap<>();

    public Simplifier(Program program) {
        this(Catalogue.all(program));
    }

    Simplifier(List<Rule> rules) {
        this(rules, Boolean.getBoolean(STRICT));
    }

    Simplifier(List<Rule> rules, boolean strict) {
        this.strict = strict;
        this.rules = List.copyOf(rules);
        for (Rule r : rules) byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
    }

    /** Every rewrite from now on is also handed to {@code trace}. */
    public Simplifier traced(Consumer<Rewrite> trace) {
        this.trace = trace;
        return this;
    }

    /** The names of the rules, in the order they are tried. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }

    public Expr simplify(Expr e) {
        return normalise(e);
    }

    private Expr normalise(Expr e) {
        Expr done = normal.get(e);
        if (done != null) return done;
        chainrule.source.Cancelled.check();
        Expr current = withNormalChildren(e);
        List<Expr> seen = new ArrayList<>(List.of(current));
        List<String> fired = new ArrayList<>();
        while (true) {
            Optional<Rewrite> step = fire(current);
            if (step.isEmpty()) break;
            Rewrite r = step.get();
            trace.accept(r);
            fired.add(r.rule());
            Expr next = withNormalChildren(r.after());
            if (seen.contains(next) || seen.size() > MAX_CHAIN) {
                current = loop(seen, fired);
                break;
            }
            seen.add(next);
            current = next;
        }
        normal.put(e, current);
        normal.put(current, current);
        return current;
    }

    private Expr withNormalChildren(Expr e) {
        List<Expr> kids = Traverse.children(e);
        if (kids.isEmpty()) return e;
        List<Expr> next = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr n = normalise(k);
            changed |= n != k;
            next.add(n);
        }
        return changed ? Traverse.withChildren(e, next) : e;
    }

    private Optional<Rewrite> fire(Expr e) {
        for (Rule r : byKind.getOrDefault(e.getClass(), List.of())) {
            Optional<Expr> out = r.apply(e);
            if (out.isEmpty() || out.get().equals(e)) continue;
            Expr after = out.get();
            if (!after.shape().equals(e.shape())) {
                throw new IllegalStateException("internal: rule '" + r.name() + "' changed the shape "
                        + e.shape() + " to " + after.shape());
            }
            return Optional.of(new Rewrite(r.name(), e, after));
        }
        return Optional.empty();
    }

    private Expr loop(List<Expr> seen, List<String> fired) {
        if (strict) {
            List<String> last = fired.subList(Math.max(0, fired.size() - 4), fired.size());
            throw new RuleLoop("internal: simplifier rules loop: " + String.join(" -> ", last) + " on " + seen.get(0));
        }
        Expr best = seen.get(0);
        for (Expr x : seen) if (Traverse.size(x) < Traverse.size(best)) best = x;
        return best;
    }
}
