package chainrule.diff;

import chainrule.expr.Expr;
import chainrule.expr.Shape;
import java.util.List;
import java.util.function.Supplier;

/**
 * One derivative asked for: d(of)/d(wrt), simplified, with the steps it refers to. The chain of
 * every intermediate (what --steps prints) is worked out only when asked for. app builds it;
 * it lives here, with the derivative it holds, so that render and claim can read it.
 */
public record Answer(String of, Expr ofExpr, Expr.Var wrt, String kind, Shape shape, Expr expression,
                     Derived derived, Supplier<List<Step>> chain) {

    /** The named steps this answer refers to. */
    public List<Step> steps() {
        return derived.steps();
    }

    /** Every intermediate from the output back to wrt, ending with the answer itself. */
    public List<Step> allSteps() {
        return chain.get();
    }
}
