package chainrule.source;

/** One thing wrong with the input, with the place it points at. */
public record Problem(ErrorKind kind, SourceFile source, Span span, String message) {

    /** {@code FILE:LINE:COL: error: message}, the source line and a caret under the place. */
    public String render() {
        StringBuilder out = new StringBuilder();
        String file = source == null ? "<input>" : source.name();
        if (span != null && span.known()) {
            out.append(file).append(':').append(span.line()).append(':').append(span.col());
        } else {
            out.append(file);
        }
        out.append(": error: ").append(message);
        if (source != null && span != null && span.known()) {
            String line = source.line(span.line());
            if (!line.isEmpty()) {
                String shown = line.length() > 200 ? shorten(line, span.col()) : line;
                int caretCol = line.length() > 200 ? Math.min(span.col(), 101) : span.col();
                out.append('\n').append(shown).append('\n');
                StringBuilder pad = new StringBuilder();
                for (int i = 0; i < caretCol - 1 && i < shown.length(); i++) {
                    pad.append(shown.charAt(i) == '\t' ? '\t' : ' ');
                }
                int width = Math.max(1, Math.min(span.stop() - span.start(), shown.length() - pad.length()));
                if (span.stop() - span.start() <= 1 || line.length() > 200) width = 1;
                out.append(pad).append('^').append("~".repeat(Math.max(0, width - 1)));
            }
        }
        return out.toString();
    }

    /** A window of a very long line around the column, so the caret stays readable. */
    private static String shorten(String line, int col) {
        int from = Math.max(0, col - 101);
        int to = Math.min(line.length(), from + 200);
        return line.substring(from, to);
    }
}
