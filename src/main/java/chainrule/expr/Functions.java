package chainrule.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The functions that are not elementwise: their names and how many arguments they take. */
public enum Functions {
    SOFTMAX("softmax", 1, 2), LOG_SOFTMAX("log_softmax", 1, 2), LOGSUMEXP("logsumexp", 1, 2),
    SUM("sum", 1, 2), MEAN("mean", 1, 2), VAR("var", 1, 2), STD("std", 1, 2), NORM("norm", 1, 2),
    MAX("max", 1, 3), MIN("min", 1, 3), CLIP("clip", 3, 3),
    TR("tr", 1, 1), DET("det", 1, 1), LOGDET("logdet", 1, 1), INV("inv", 1, 1),
    DOT("dot", 2, 2), DIAG("diag", 1, 1), KRON("kron", 2, 2), VEC("vec", 1, 1),
    RESHAPE("reshape", 3, 3), COMMUTATION("commutation", 2, 2), HESSIAN("hessian", 2, 2),
    EYE("eye", 1, 1), ONES("ones", 1, 2), ZEROS("zeros", 1, 2);

    public final String fname;
    public final int minArgs;
    public final int maxArgs;

    Functions(String fname, int minArgs, int maxArgs) {
        this.fname = fname;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public static Optional<Functions> named(String name) {
        return Arrays.stream(values()).filter(f -> f.fname.equals(name)).findFirst();
    }

    /** Every function name chainrule knows, for "did you mean" and for completion. */
    public static List<String> allNames() {
        List<String> out = new ArrayList<>();
        for (Builtin b : Builtin.values()) out.add(b.fname());
        for (Functions f : values()) out.add(f.fname);
        return out;
    }

    /** Known names close to the unknown one, nearest first. */
    public static List<String> near(String name, List<String> candidates) {
        return candidates.stream()
                .filter(c -> close(c, name) || (name.length() >= 3 && c.startsWith(name.toLowerCase(java.util.Locale.ROOT))))
                .sorted(Comparator.comparingInt(c -> distance(c, name)))
                .limit(3)
                .toList();
    }

    /** A few edits apart, and not simply another name: 'x' is not a near miss for 'W', though one edit away. */
    private static boolean close(String candidate, String name) {
        int d = distance(candidate.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
        return d <= Math.max(1, name.length() / 3) && d < Math.max(candidate.length(), name.length());
    }

    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
