package chainrule.render;

import chainrule.expr.Classes;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names for what an answer would write out again and again. A derivative is computed as a graph
 * in which a subexpression is shared by many parents (each factor tanh'(...) of nested tanh holds
 * the whole forward value below it); written as a tree, it would grow with the square of the
 * nesting, or faster. Here every subexpression that a long answer would repeat gets a name,
 * t1 = tanh(x), t2 = tanh(t1), ..., printed before the answers that use it, as a definition the
 * user can paste into the file; the answer is then written with the names, in size linear in the
 * graph. This is a matter of writing only: the answers the other stages evaluate and compare keep
 * no names, so naming sits here, beside the printers, and one pass sees every answer and step of
 * a request at once. A short answer is written as it is: the textbook forms do not change.
 */
public final class Sharing {
    /** An expression whose tree has at most this many nodes is written as it is. */
    static final long LONG = 200;

    /** A name and what it stands for, printed as a definition before its first use. */
    public record Let(Expr.Var name, Expr value) {}

    /** The definitions, in an order where each uses only earlier ones, and the expressions written with them. */
    public record Written(List<Let> lets, List<Expr> exprs) {
        /** The expression written with the names, for one of the expressions named (the same object otherwise). */
        public Expr of(Expr original, List<Expr> originals) {
            for (int i = 0; i < originals.size(); i++) if (originals.get(i) == original) return exprs.get(i);
            return original;
        }
    }

    private Sharing() {}

    /** Names for what the long ones of exprs repeat; taken: names in use, to which the new ones are added. */
    public static Written name(List<Expr> exprs, Set<String> taken) {
        Classes classes = new Classes();
        int[] roots = new int[exprs.size()];
        for (int i = 0; i < roots.length; i++) roots[i] = classes.id(exprs.get(i));
        int n = classes.count();
        long[] size = new long[n];
        for (int c = 0; c < n; c++) {
            long s = 1;
            for (int k : classes.children(c)) s = Math.min(Long.MAX_VALUE / 4, s + size[k]);
            size[c] = s;
        }
        // how often each class is written, from the roots down; a named class is written once, in its definition
        long[] times = new long[n];
        boolean[] root = new boolean[n];
        boolean any = false;
        for (int r : roots) {
            if (size[r] <= LONG) continue;
            times[r]++;
            root[r] = true;
            any = true;
        }
        if (!any) return new Written(List.of(), exprs);
        boolean[] named = new boolean[n];
        for (int c = n - 1; c >= 0; c--) {
            if (times[c] == 0) continue;
            named[c] = !root[c] && times[c] >= 2 && worthNaming(classes.representative(c));
            long written = named[c] ? 1 : times[c];
            for (int k : classes.children(c)) times[k] = Math.min(Long.MAX_VALUE / 4, times[k] + written);
        }
        // rewrite children first, so that each definition and answer uses the names below it
        Map<Integer, Expr.Var> names = new java.util.HashMap<>();
        Map<Integer, Expr> rewritten = new java.util.HashMap<>();
        List<Let> lets = new ArrayList<>();
        int next = 1;
        for (int c = 0; c < n; c++) {
            if (times[c] == 0) continue;
            Expr rep = classes.representative(c);
            int[] kids = classes.children(c);
            Expr body = rep;
            if (kids.length > 0) {
                List<Expr> parts = new ArrayList<>(kids.length);
                for (int k : kids) parts.add(names.containsKey(k) ? names.get(k) : rewritten.get(k));
                body = Traverse.withChildren(rep, parts);
            }
            rewritten.put(c, body);
            if (named[c]) {
                String name;
                do name = "t" + next++; while (!taken.add(name));
                Expr.Var v = Ex.var(name, rep.shape());
                names.put(c, v);
                lets.add(new Let(v, body));
            }
        }
        List<Expr> out = new ArrayList<>(exprs.size());
        for (int i = 0; i < roots.length; i++) out.add(root[roots[i]] ? rewritten.get(roots[i]) : exprs.get(i));
        return new Written(lets, out);
    }

    /** A leaf, a step's name or a negated or transposed leaf reads as short as a name. */
    private static boolean worthNaming(Expr e) {
        if (e instanceof Expr.Derivative) return false;
        if (e instanceof Expr.Neg m) return !Traverse.children(m.a()).isEmpty();
        if (e instanceof Expr.Transpose t) return !Traverse.children(t.a()).isEmpty();
        return !Traverse.children(e).isEmpty();
    }
}
