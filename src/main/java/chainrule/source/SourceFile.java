package chainrule.source;

import java.util.List;

/** The text of one input (a file, a REPL line or a --claim option) and its name for messages. */
public record SourceFile(String name, String text) {

    public List<String> lines() {
        return text.lines().toList();
    }

    /**
     * The text of a 1-based line, or "" past the end. Lines end at \n, \r\n or a lone \r, as
     * for the parser; found by a scan, so a message about a huge file costs no copy of it.
     */
    public String line(int number) {
        if (number < 1) return "";
        int start = 0;
        for (int n = 1; n < number; n++) {
            int end = lineEnd(start);
            if (end >= text.length()) return "";
            start = end + (text.startsWith("\r\n", end) ? 2 : 1);
        }
        if (start >= text.length()) return "";
        return text.substring(start, lineEnd(start));
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
        return i;
    }

    public String slice(Span span) {
        if (!span.known() || span.start() < 0 || span.stop() > text.length() || span.start() > span.stop()) return "";
        return text.substring(span.start(), span.stop());
    }
}
