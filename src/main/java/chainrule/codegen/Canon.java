package chainrule.codegen;

import chainrule.expr.Expr;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A number for every distinct subexpression: equal trees get equal numbers. Worked out bottom-up
 * over node identities, so comparing two subtrees costs one lookup instead of a walk of both
 * (records' own equals and hashCode walk the whole tree every time).
 */
final class Canon {
    private final Map<Expr, Integer> ids = new IdentityHashMap<>();
    private final Map<List<Object>, Integer> interned = new HashMap<>();

    int id(Expr e) {
        Integer known = ids.get(e);
        if (known != null) return known;
        int id = interned.computeIfAbsent(key(e), k -> interned.size());
        ids.put(e, id);
        return id;
    }

    /** The node's class and fields, its subexpressions replaced by their numbers. */
    private List<Object> key(Expr e) {
        List<Object> key = new ArrayList<>();
        key.add(e.getClass());
        for (RecordComponent c : e.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(e);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("internal: cannot read " + c.getName() + " of " + e.getClass().getSimpleName(), ex);
            }
            key.add(switch (value) {
                case Expr x -> List.of("expr", id(x));
                case List<?> list when !list.isEmpty() && list.get(0) instanceof Expr -> list.stream().map(x -> id((Expr) x)).toList();
                case null -> "null";
                default -> value;
            });
        }
        return key;
    }
}
