package chainrule.repl;

import java.util.Locale;

/**
 * How the REPL writes answers: chainrule's input syntax, the same with ᵀ ⊙ · and subscripts,
 * LaTeX, or JSON, each as the command line's --format (and --unicode) writes it.
 */
public enum Format {
    TEXT, UNICODE, LATEX, JSON;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command line's format for this one. */
    public chainrule.app.Format printed() {
        return switch (this) {
            case TEXT, UNICODE -> chainrule.app.Format.TEXT;
            case LATEX -> chainrule.app.Format.LATEX;
            case JSON -> chainrule.app.Format.JSON;
        };
    }

    /** text, unicode, latex or json; null for anything else. */
    public static Format of(String word) {
        for (Format f : values()) if (f.word().equals(word.strip().toLowerCase(Locale.ROOT))) return f;
        return null;
    }
}
