package chainrule.diff;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.Var;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** Whether an expression depends on the variables being differentiated, through definitions too. */
final class Dependence {
    private final Program program;
    private final Set<String> targets;
    private final Map<String, Boolean> memo = new HashMap<>();
    /** By node identity: a deep expression is walked once, not once per enclosing node. */
    private final Map<Expr, Boolean> nodes = new IdentityHashMap<>();

    Dependence(Program program, Set<String> targets) {
        this.program = program;
        this.targets = targets;
    }

    boolean on(Expr e) {
        return switch (e) {
            case Var v -> {
                if (targets.contains(v.name())) yield true;
                Program.Definition d = program.byName().get(v.name());
                if (d == null) yield false;
                Boolean known = memo.get(v.name());
                if (known == null) {
                    // not computeIfAbsent: the recursion writes to the same map
                    known = on(d.body());
                    memo.put(v.name(), known);
                }
                yield known;
            }
            case Derivative d -> on(d.of());
            default -> {
                Boolean known = nodes.get(e);
                if (known != null) yield known;
                boolean any = false;
                for (Expr c : Traverse.children(e)) {
                    if (on(c)) {
                        any = true;
                        break;
                    }
                }
                nodes.put(e, any);
                yield any;
            }
        };
    }
}
