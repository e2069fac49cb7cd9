package chainrule.eval;

import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The direct subexpressions of a node, and walks over a tree. */
final class Children {
    private Children() {}

    static List<Expr> of(Expr e) {
        // a derivative's value generally depends on the point, its variable included
        if (e instanceof Derivative d) return List.of(d.of(), d.wrt());
        return Traverse.children(e);
    }

    /** Visits every node once (shared subtrees once), parents before children. */
    static void walk(Expr root, Consumer<Expr> visit) {
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Expr> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Expr e = stack.remove(stack.size() - 1);
            if (!seen.add(e)) continue;
            visit.accept(e);
            stack.addAll(of(e));
        }
    }

    /** The names of the variables an expression reads. */
    static Set<String> variables(Expr root) {
        Set<String> names = new LinkedHashSet<>();
        walk(root, e -> {
            if (e instanceof Var v) names.add(v.name());
        });
        return names;
    }
}
