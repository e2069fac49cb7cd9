package chainrule.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names typeset as people write them: {@code W2x} is W_{2x}, {@code b1} is b_1, {@code h_2} is
 * h_{2}, {@code yhat} is \hat{y}, {@code xbar} is \bar{x}, {@code alpha} is \alpha, a longer
 * word is one italic word (\mathit{loss}) rather than a product of letters.
 */
public final class LatexNames {
    private LatexNames() {}

    private static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "\\alpha"), Map.entry("beta", "\\beta"), Map.entry("gamma", "\\gamma"),
            Map.entry("delta", "\\delta"), Map.entry("epsilon", "\\varepsilon"), Map.entry("eps", "\\varepsilon"),
            Map.entry("zeta", "\\zeta"), Map.entry("eta", "\\eta"), Map.entry("theta", "\\theta"),
            Map.entry("iota", "\\iota"), Map.entry("kappa", "\\kappa"), Map.entry("lambda", "\\lambda"),
            Map.entry("mu", "\\mu"), Map.entry("nu", "\\nu"), Map.entry("xi", "\\xi"), Map.entry("pi", "\\pi"),
            Map.entry("rho", "\\rho"), Map.entry("sigma", "\\sigma"), Map.entry("tau", "\\tau"),
            Map.entry("upsilon", "\\upsilon"), Map.entry("phi", "\\phi"), Map.entry("chi", "\\chi"),
            Map.entry("psi", "\\psi"), Map.entry("omega", "\\omega"),
            Map.entry("Gamma", "\\Gamma"), Map.entry("Delta", "\\Delta"), Map.entry("Theta", "\\Theta"),
            Map.entry("Lambda", "\\Lambda"), Map.entry("Xi", "\\Xi"), Map.entry("Pi", "\\Pi"),
            Map.entry("Sigma", "\\Sigma"), Map.entry("Upsilon", "\\Upsilon"), Map.entry("Phi", "\\Phi"),
            Map.entry("Psi", "\\Psi"), Map.entry("Omega", "\\Omega"));

    /** Greek letters typed as themselves (α, Σ ...), for names written in Unicode. */
    private static final String GREEK_LOWER = "αβγδεζηθικλμνξοπρςστυφχψω";
    private static final String[] GREEK_LOWER_TEX = {"\\alpha", "\\beta", "\\gamma", "\\delta", "\\varepsilon",
        "\\zeta", "\\eta", "\\theta", "\\iota", "\\kappa", "\\lambda", "\\mu", "\\nu", "\\xi", "o", "\\pi", "\\rho",
        "\\varsigma", "\\sigma", "\\tau", "\\upsilon", "\\phi", "\\chi", "\\psi", "\\omega"};
    private static final String GREEK_UPPER = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ΢ΣΤΥΦΧΨΩ";
    private static final String[] GREEK_UPPER_TEX = {"A", "B", "\\Gamma", "\\Delta", "E", "Z", "H", "\\Theta",
        "I", "K", "\\Lambda", "M", "N", "\\Xi", "O", "\\Pi", "P", "\\Sigma", "\\Sigma", "T", "\\Upsilon", "\\Phi",
        "X", "\\Psi", "\\Omega"};

    private static final Map<String, String> ACCENTS = Map.of(
            "hat", "\\hat", "bar", "\\bar", "tilde", "\\tilde", "dot", "\\dot", "star", "*");

    /** A word of letters, then a part that starts with a digit: W2x, b1, z12. */
    private static final Pattern LETTERS_DIGITS = Pattern.compile("(\\p{L}+?)(\\p{N}.*)");

    /** A name's letter (or word) and the parts of its subscript. */
    private record Typeset(String base, List<String> subscripts, boolean braced) {
        Typeset(String base) {
            this(base, List.of(), false);
        }

        String latex() {
            if (subscripts.isEmpty()) return base;
            String sub = String.join(",", subscripts);
            return base + (sub.length() == 1 && !braced ? "_" + sub : "_{" + sub + "}");
        }

        /** More subscript parts; braced: written with an underscore, so kept in braces as typed (h_2: h_{2}). */
        Typeset with(List<String> more, boolean underscore) {
            List<String> all = new ArrayList<>(subscripts);
            all.addAll(more);
            return new Typeset(base, all, braced || underscore);
        }
    }

    /** The LaTeX of a name of a problem file. */
    public static String name(String n) {
        return typeset(n).latex();
    }

    private static Typeset typeset(String n) {
        int underscore = n.indexOf('_');
        if (underscore > 0 && underscore < n.length() - 1) {
            return typeset(n.substring(0, underscore)).with(subscript(n.substring(underscore + 1)), true);
        }
        Matcher m = LETTERS_DIGITS.matcher(n);
        if (m.matches()) return word(m.group(1)).with(List.of(subscriptPart(m.group(2))), false);
        return word(n);
    }

    /** A subscript written after an underscore: its parts, split at further underscores, by commas. */
    private static List<String> subscript(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("_")) if (!part.isEmpty()) out.add(subscriptPart(part));
        return out.isEmpty() ? List.of(escape(s)) : out;
    }

    /** One part of a subscript: out, hh, 2x, alpha, 12. */
    private static String subscriptPart(String s) {
        if (GREEK.containsKey(s)) return GREEK.get(s);
        if (s.length() >= 3 && s.chars().allMatch(Character::isLetter)) return "\\mathrm{" + escape(s) + "}";
        return escape(s);
    }

    /**
     * A name without digits or underscores: a letter, a Greek name, a letter with an accent
     * (yhat), a capital with a short lowercase index as in RNNs (Wh, Wxh: W_h, W_{xh}), or else
     * one italic word.
     */
    private static Typeset word(String w) {
        if (GREEK.containsKey(w)) return new Typeset(GREEK.get(w));
        for (var accent : ACCENTS.entrySet()) {
            String suffix = accent.getKey();
            if (w.length() > suffix.length() && w.endsWith(suffix)) {
                String base = w.substring(0, w.length() - suffix.length());
                if (isLetterLike(base)) {
                    String b = GREEK.getOrDefault(base, escape(base));
                    return new Typeset(suffix.equals("star") ? b + "^{*}" : accent.getValue() + "{" + b + "}");
                }
            }
        }
        if (w.codePointCount(0, w.length()) == 1) return new Typeset(escape(w));
        if (INDEXED.matcher(w).matches() && !WORDS.contains(w.toLowerCase(Locale.ROOT))) {
            return new Typeset(w.substring(0, 1), List.of(w.substring(1)), false);
        }
        return new Typeset("\\mathit{" + escape(w) + "}");
    }

    /** A capital and one or two small letters: Wh, Wxh, Wq. */
    private static final Pattern INDEXED = Pattern.compile("[A-Z][a-z]{1,2}");

    /** Short words that are names of their own, not a letter with an index. */
    private static final Set<String> WORDS = Set.of("out", "avg", "max", "min", "sum", "log", "exp", "cos", "sin",
            "tan", "abs", "var", "std", "mse", "err", "act", "new", "old", "top", "end", "all", "any", "one", "net",
            "dot", "inp", "in", "id", "key", "val", "eye", "big", "low", "lo", "hi", "up", "cat", "mix");

    private static boolean isLetterLike(String base) {
        return GREEK.containsKey(base) || base.codePointCount(0, base.length()) == 1 && Character.isLetter(base.codePointAt(0));
    }

    /** Letters and digits as LaTeX takes them in math mode: Greek letters as commands, other non-ASCII as text. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            int lower = GREEK_LOWER.indexOf(c), upper = GREEK_UPPER.indexOf(c);
            if (c == '_') {
                out.append("\\_");
            } else if (c < 128) {
                out.appendCodePoint(c);
            } else if (lower >= 0) {
                out.append(GREEK_LOWER_TEX[lower]).append(' ');
            } else if (upper >= 0) {
                out.append(GREEK_UPPER_TEX[upper]).append(' ');
            } else {
                out.append("\\text{").appendCodePoint(c).append('}');
            }
        });
        String r = out.toString();
        return r.endsWith(" ") ? r.substring(0, r.length() - 1) : r;
    }
}
