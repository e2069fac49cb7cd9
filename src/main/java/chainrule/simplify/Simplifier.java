package chainrule.simplify;

import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites bottom-up to a fixed point with small named rules, grouped by family. Every rewrite
 * must keep the shape (checked here). Each rule makes its node simpler by a measure that only
 * falls (fewer nodes, transposes nearer the leaves, names for known values), so the passes end;
 * a pass limit guards against a rule pair that undoes each other.
 */
public final class Simplifier {
    private static final int MAX_PASSES = 30;

    private final List<Rule.Named> rules = new ArrayList<>();

    public Simplifier(Program program) {
        rules.addAll(TransposeRules.all(program));
        rules.addAll(AlgebraRules.all());
        rules.addAll(ExpandRules.all());
        rules.addAll(PropertyRules.all(program));
        rules.addAll(NamingRules.all(program));
    }

    public Expr simplify(Expr e) {
        Expr current = e;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Expr next = Traverse.bottomUp(current, this::rewriteNode);
            if (next.equals(current)) return next;
            current = next;
        }
        return current;
    }

    private Expr rewriteNode(Expr e) {
        chainrule.source.Cancelled.check();
        Expr current = e;
        chainrule.source.Cancelled.check();
        for (int round = 0; round < 20; round++) {
            boolean changed = false;
            for (Rule.Named r : rules) {
                Optional<Expr> out = r.rule().apply(current);
                if (out.isPresent() && !out.get().equals(current)) {
                    Expr next = out.get();
                    if (!next.shape().equals(current.shape())) {
                        throw new IllegalStateException("internal: rule " + r.name() + " changed the shape "
                                + current.shape() + " to " + next.shape());
                    }
                    current = next;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return current;
    }
}
