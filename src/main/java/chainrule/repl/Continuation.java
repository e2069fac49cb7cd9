package chainrule.repl;

import java.util.regex.Pattern;

/**
 * SPEC §5: a statement with an unclosed bracket goes on over the next lines, but only until a
 * line that begins a new statement (a declaration, a definition, derive, claim, fun, a ':'
 * command). That line ends the unclosed statement, which gets its error, and is then taken itself.
 */
final class Continuation {
    private static final String NAME = "[\\p{L}_][\\p{L}\\p{N}_]*";
    private static final Pattern NEW_STATEMENT = Pattern.compile(
            "\\s*(?::|(?:derive|claim|fun)\\b|" + NAME + "(?:\\s*,\\s*" + NAME + ")*\\s*:|" + NAME + "\\s*=(?!=)).*",
            Pattern.DOTALL);

    private Continuation() {}

    static boolean beginsStatement(String line) {
        return NEW_STATEMENT.matcher(line).matches();
    }
}
