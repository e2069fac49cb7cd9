package chainrule.app;

import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;

/** Bad use of a command, with no place in a file: exit status 2. */
public final class Usage {
    private Usage() {}

    public static ChainRuleException error(String message) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, null, null, message));
    }
}
