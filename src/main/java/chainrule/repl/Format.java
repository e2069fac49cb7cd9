package chainrule.repl;

import java.util.Locale;

/** How the REPL writes answers: chainrule's input syntax, the same with ᵀ ⊙ · and subscripts, or LaTeX. */
public enum Format {
    TEXT, UNICODE, LATEX;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** text, unicode or latex; null for anything else. */
    public static Format of(String word) {
        for (Format f : values()) if (f.word().equals(word.strip().toLowerCase(Locale.ROOT))) return f;
        return null;
    }
}
