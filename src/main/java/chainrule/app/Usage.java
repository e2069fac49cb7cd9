package chainrule.app;

import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;

/** Bad use of a command, with no place in a file: exit status 2. */
public final class Usage {
    private Usage() {}

    public static ChainRuleException error(String message) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, null, null, message));
    }

    /** Bad use about a whole file: {@code FILE: error: message} (the JSON error names it). */
    public static ChainRuleException error(String file, String message) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, new SourceFile(file, ""), Span.NONE, message));
    }
}
