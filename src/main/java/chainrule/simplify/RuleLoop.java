package chainrule.simplify;

/** Rules that undo each other: a fault of the rule catalogue, raised where the strict check is on (the tests). */
public final class RuleLoop extends IllegalStateException {
    RuleLoop(String message) {
        super(message);
    }
}
