package chainrule.repl;

import chainrule.app.Result;
import chainrule.expr.Shape;
import chainrule.source.ChainRuleException;
import java.util.List;

/** What the session answers to one statement. */
public sealed interface Reply {

    /** A blank line or a comment. */
    record Nothing() implements Reply {}

    /** Declarations and definitions kept: each name with its shape, and what changed where one replaced another. */
    record Kept(List<Named> names, List<String> changes) implements Reply {}

    record Named(String name, Shape shape) {}

    /**
     * A request (a bare expression, derive, claim) answered as the command line answers the
     * session's statements as a file ({@code app.Answering}); notes say which names it takes as
     * inputs without a declaration.
     */
    record Answered(Result.Ran result, List<String> notes) implements Reply {
        /** Whether the request asked for derivatives (what :codegen writes). */
        public boolean derived() {
            return result.items().stream().anyMatch(i -> i instanceof Result.Item.Derivatives);
        }
    }

    /** Bad input: the message with the place; nothing was kept. */
    record Failed(ChainRuleException error) implements Reply {}
}
