package chainrule.repl;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.claim.ClaimResult;
import chainrule.eval.CheckResult;
import chainrule.expr.Expr;
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
     * A bare expression, simplified; the engine writes the names of its program; notes say which
     * names it takes as inputs without a declaration.
     */
    record Shown(Expr expression, Engine engine, List<String> notes) implements Reply {}

    /** The answers of a derive line, each with its numeric check. */
    record Derived(List<Answer> answers, List<CheckResult> checks, Engine engine, List<String> notes) implements Reply {}

    record Claimed(ClaimResult result) implements Reply {}

    /** Bad input: the message with the place; nothing was kept. */
    record Failed(ChainRuleException error) implements Reply {}
}
