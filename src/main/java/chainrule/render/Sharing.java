package chainrule.render;

import chainrule.expr.Classes;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import java.util.ArrayList;
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

    /**
     * The definitions, in the order they are first needed, each using only earlier ones, and the
     * expressions written with them; before(i) of them are needed by expression i and the ones
     * before it, so a printer that writes definitions up to before(i) ahead of expression i defines
     * every name before its first use (also where a definition uses a step that an earlier
     * expression names, as in a chain of steps).
     */
    public record Written(List<Let> lets, List<Expr> exprs, List<Integer> before) {
        public Written {
            lets = List.copyOf(lets);
            before = List.copyOf(before);
        }

        /** The definitions that expression i needs and no earlier expression did. */
        public List<Let> introducedBy(int i) {
            return lets.subList(i == 0 ? 0 : before.get(i - 1), before.get(i));
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
        List<Integer> none = java.util.Collections.nCopies(exprs.size(), 0);
        if (!any) return new Written(List.of(), exprs, none);
        boolean[] named = new boolean[n];
        for (int c = n - 1; c >= 0; c--) {
            if (times[c] == 0) continue;
            named[c] = !root[c] && times[c] >= 2 && worthNaming(classes.representative(c));
            long written = named[c] ? 1 : times[c];
            for (int k : classes.children(c)) times[k] = Math.min(Long.MAX_VALUE / 4, times[k] + written);
        }
        // numbered in the order a reader meets them: each root's tree left to right, what a name uses first
        List<Integer> order = new ArrayList<>();
        List<Integer> before = new ArrayList<>(exprs.size());
        boolean[] visited = new boolean[n];
        for (int r : roots) {
            if (root[r]) firstUses(classes, r, named, visited, order);
            before.add(order.size());
        }
        Map<Integer, Expr.Var> names = new java.util.HashMap<>();
        int next = 1;
        for (int c : order) {
            String name;
            do name = "t" + next++; while (!taken.add(name));
            names.put(c, Ex.var(name, classes.representative(c).shape()));
        }
        // rewrite children first, so that each definition and answer uses the names below it
        Map<Integer, Expr> rewritten = new java.util.HashMap<>();
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
        }
        List<Let> lets = new ArrayList<>(order.size());
        for (int c : order) lets.add(new Let(names.get(c), rewritten.get(c)));
        List<Expr> out = new ArrayList<>(exprs.size());
        for (int i = 0; i < roots.length; i++) out.add(root[roots[i]] ? rewritten.get(roots[i]) : exprs.get(i));
        return new Written(lets, out, before);
    }

    /** Appends the named classes under c not met before, each after the named classes its definition uses (no recursion: nesting may be thousands deep). */
    private static void firstUses(Classes classes, int c, boolean[] named, boolean[] visited, List<Integer> order) {
        if (visited[c]) return;
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        visited[c] = true;
        stack.push(new int[] {c, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int[] kids = classes.children(top[0]);
            if (top[1] < kids.length) {
                int k = kids[top[1]++];
                if (!visited[k]) {
                    visited[k] = true;
                    stack.push(new int[] {k, 0});
                }
            } else {
                stack.pop();
                if (named[top[0]]) order.add(top[0]);
            }
        }
    }

    /** A leaf, a step's name or a negated or transposed leaf reads as short as a name. */
    private static boolean worthNaming(Expr e) {
        if (e instanceof Expr.Derivative) return false;
        if (e instanceof Expr.Neg m) return !Traverse.children(m.a()).isEmpty();
        if (e instanceof Expr.Transpose t) return !Traverse.children(t.a()).isEmpty();
        return !Traverse.children(e).isEmpty();
    }
}
