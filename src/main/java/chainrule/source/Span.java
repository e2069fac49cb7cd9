package chainrule.source;

/**
 * Where a piece of text sits in its source: 1-based line and column of its first character,
 * and the 0-based character offsets [start, stop).
 *
 * <p>A span is metadata: two expressions that differ only in where they were written are the
 * same expression, so every span equals every other span. That keeps record equality in the
 * expression trees structural.
 */
public record Span(int line, int col, int start, int stop) {
    public static final Span NONE = new Span(0, 0, -1, -1);

    public boolean known() {
        return line > 0;
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        if (!known()) return other;
        if (!other.known()) return this;
        Span first = start <= other.start() ? this : other;
        return new Span(first.line, first.col, Math.min(start, other.start()), Math.max(stop, other.stop()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
