package chainrule.source;

/** One thing wrong with the input, with the place it points at. */
public record Problem(ErrorKind kind, SourceFile source, Span span, String message) {
    /** Longer source lines are shown as a window around the place. */
    private static final int WIDE = 200;
    /** A word of a message longer than this (a 100,000-letter name) is shown cut in the middle. */
    private static final int LONG_WORD = 80;

    public Problem {
        message = readable(message == null ? "bad input" : message);
    }

    /**
     * {@code FILE:LINE:COL: error: message}, the source line and a caret under the place; a
     * problem with a whole file reads {@code FILE: error: message}, and one with no file (a
     * usage error) {@code chainrule: error: message}.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        boolean placed = source != null && span != null && span.known();
        if (placed) {
            out.append(source.name()).append(':').append(span.line()).append(':').append(span.col());
        } else if (source != null) {
            out.append(source.name()); // a problem with a whole file: FILE: error: ...
        } else {
            out.append("chainrule");
        }
        out.append(": error: ").append(message);
        if (placed) {
            String line = source.line(span.line());
            if (!line.isBlank() || span.col() > 1) out.append('\n').append(caret(line));
        }
        return out.toString();
    }

    /** The line (a window of it when long) and a caret under the column, '~' along the span. */
    private String caret(String line) {
        int[] points = line.codePoints().toArray();
        int col = Math.max(1, span.col());
        int from = points.length > WIDE ? Math.max(0, Math.min(col - 1 - WIDE / 2, points.length - WIDE)) : 0;
        int to = Math.min(points.length, from + WIDE);
        StringBuilder shown = new StringBuilder(), pad = new StringBuilder();
        for (int i = from; i < to; i++) {
            shown.appendCodePoint(points[i]);
            if (i < col - 1) pad.append(points[i] == '\t' ? '\t' : ' ');
        }
        for (int i = Math.max(to, from); i < col - 1; i++) pad.append(' '); // a place just past the end of the line
        int width = span.stop() - span.start();
        int room = Math.max(1, to - (col - 1));
        width = Math.max(1, Math.min(width, room));
        return shown + "\n" + pad + "^" + "~".repeat(width - 1);
    }

    /** Control characters escaped and very long words cut, so a message is one readable line. */
    private static String readable(String message) {
        StringBuilder out = new StringBuilder();
        int wordStart = 0;
        int[] points = message.codePoints().toArray();
        for (int i = 0; i <= points.length; i++) {
            if (i == points.length || Character.isWhitespace(points[i])) {
                appendWord(out, points, wordStart, i);
                if (i < points.length) out.append(points[i] == '\n' || points[i] == '\t' ? ' ' : (char) points[i]);
                wordStart = i + 1;
            }
        }
        return out.toString();
    }

    private static void appendWord(StringBuilder out, int[] points, int from, int to) {
        int keep = LONG_WORD / 2;
        for (int i = from; i < to; i++) {
            if (to - from > LONG_WORD && i == from + keep) {
                out.append("...");
                i = to - keep;
            }
            int c = points[i];
            if (c < 32 || c == 127) out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            else out.appendCodePoint(c);
        }
    }
}
