package chainrule.render;

import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import chainrule.source.Limits;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The printed size of an answer is bounded ({@link Limits#answerChars()}): an expression whose
 * tree, written out, has more nodes than the limit has characters is refused before it is
 * written (a shared subexpression is written each time it occurs, so the count can be far
 * larger than the memory the expression takes), and a written one longer than the limit after.
 */
final class PrintedSize {
    private PrintedSize() {}

    static void before(Expr e) {
        Limits limits = Limits.current();
        if (nodes(e, new IdentityHashMap<>()) > limits.answerChars()) throw limits.answerTooLarge("the answer");
    }

    static String after(String written) {
        Limits limits = Limits.current();
        if (written.length() > limits.answerChars()) throw limits.answerTooLarge("the answer");
        return written;
    }

    /** Nodes of the tree written out, counted once per distinct object, saturating instead of overflowing. */
    private static long nodes(Expr e, Map<Expr, Long> seen) {
        Long known = seen.get(e);
        if (known != null) return known;
        long n = 1;
        for (Expr c : Traverse.children(e)) {
            n += nodes(c, seen);
            if (n < 0 || n > Long.MAX_VALUE / 4) n = Long.MAX_VALUE / 4;
        }
        seen.put(e, n);
        return n;
    }
}
