package chainrule.source;

import java.util.List;

/** Bad input: one or more problems, each with its place. Exit status 2. */
public final class ChainRuleException extends RuntimeException {
    private final transient List<Problem> problems;

    public ChainRuleException(List<Problem> problems) {
        super(problems.isEmpty() ? "bad input" : problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public ChainRuleException(Problem problem) {
        this(List.of(problem));
    }

    public static ChainRuleException at(ErrorKind kind, SourceFile source, Span span, String message) {
        return new ChainRuleException(new Problem(kind, source, span, message));
    }

    public List<Problem> problems() {
        return problems;
    }

    public Problem first() {
        return problems.get(0);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Problem p : problems) {
            if (!out.isEmpty()) out.append('\n');
            out.append(p.render());
        }
        return out.toString();
    }
}
