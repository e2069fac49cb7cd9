package chainrule.parse;

import java.util.ArrayList;
import java.util.List;

/** The tokens of a piece of LaTeX math: commands, runs of letters, numbers and single characters, with their offsets. */
final class LatexTokens {
    enum Kind { COMMAND, WORD, NUMBER, SYMBOL, END }

    /** {@code text} is a command's name without its backslash ("frac", " " for "\ "); start and end index the whole text. */
    record Tok(Kind kind, String text, int start, int end) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean command(String name) {
            return kind == Kind.COMMAND && text.equals(name);
        }
    }

    private LatexTokens() {}

    /** The tokens of text[from, to); spaces are dropped. */
    static List<Tok> of(String text, int from, int to) {
        List<Tok> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\\') {
                int j = i + 1;
                if (j < to && Character.isLetter(text.charAt(j))) {
                    while (j < to && Character.isLetter(text.charAt(j))) j++;
                    out.add(new Tok(Kind.COMMAND, text.substring(i + 1, j), i, j));
                } else if (j < to) {
                    out.add(new Tok(Kind.COMMAND, text.substring(j, j + 1), i, j + 1));
                    j++;
                } else {
                    out.add(new Tok(Kind.SYMBOL, "\\", i, j));
                }
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < to && Character.isLetter(text.charAt(j))) j++;
                out.add(new Tok(Kind.WORD, text.substring(i, j), i, j));
                i = j;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < to && Character.isDigit(text.charAt(i + 1))) {
                int j = i;
                while (j < to && Character.isDigit(text.charAt(j))) j++;
                if (j + 1 < to && text.charAt(j) == '.' && Character.isDigit(text.charAt(j + 1))) {
                    j++;
                    while (j < to && Character.isDigit(text.charAt(j))) j++;
                }
                out.add(new Tok(Kind.NUMBER, text.substring(i, j), i, j));
                i = j;
            } else {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                out.add(new Tok(Kind.SYMBOL, text.substring(i, i + n), i, i + n));
                i += n;
            }
        }
        out.add(new Tok(Kind.END, "", to, to));
        return out;
    }
}
