package chainrule.source;

import java.util.List;

/** The text of one input (a file, a REPL line or a --claim option) and its name for messages. */
public record SourceFile(String name, String text) {

    public List<String> lines() {
        return text.lines().toList();
    }

    /** The text of a 1-based line, or "" past the end. */
    public String line(int number) {
        List<String> all = lines();
        return number >= 1 && number <= all.size() ? all.get(number - 1) : "";
    }

    public String slice(Span span) {
        if (!span.known() || span.start() < 0 || span.stop() > text.length() || span.start() > span.stop()) return "";
        return text.substring(span.start(), span.stop());
    }
}
