package chainrule.parse;

import chainrule.grammar.ChainRuleLexer;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The brackets of one statement, checked before its grammar: an unmatched or unclosed bracket
 * is named at the bracket itself, which no grammar error message does as clearly (and a
 * deeply nested unclosed statement is answered at once instead of after ANTLR's recovery).
 */
final class Brackets {
    private Brackets() {}

    /** The first bracket problem of a statement, or null when its brackets balance. */
    static Problem check(SourceFile source, Places places, List<Token> tokens) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            switch (t.getType()) {
                case ChainRuleLexer.LPAREN, ChainRuleLexer.LBRACK -> open.push(t);
                case ChainRuleLexer.RPAREN, ChainRuleLexer.RBRACK -> {
                    if (open.isEmpty()) return problem(source, places, t, "unmatched '" + t.getText() + "'");
                    Token opener = open.pop();
                    if (!closes(opener, t)) {
                        return problem(source, places, t, "'" + t.getText() + "' does not match the '" + opener.getText()
                                + "' at " + where(opener, t) + "; close it with '" + closer(opener) + "'");
                    }
                }
                default -> { }
            }
        }
        if (!open.isEmpty()) {
            Token opener = open.peek();
            return problem(source, places, opener, "'" + opener.getText() + "' is never closed: a '" + closer(opener)
                    + "' is missing");
        }
        return null;
    }

    private static boolean closes(Token opener, Token closer) {
        return opener.getType() == ChainRuleLexer.LPAREN ? closer.getType() == ChainRuleLexer.RPAREN
                : closer.getType() == ChainRuleLexer.RBRACK;
    }

    private static String closer(Token opener) {
        return opener.getType() == ChainRuleLexer.LPAREN ? ")" : "]";
    }

    /** "column 5", or "line 2, column 5" when the bracket is on another line. */
    private static String where(Token opener, Token here) {
        String col = "column " + (opener.getCharPositionInLine() + 1);
        return opener.getLine() == here.getLine() ? col : "line " + opener.getLine() + ", " + col;
    }

    private static Problem problem(SourceFile source, Places places, Token at, String message) {
        return new Problem(ErrorKind.SYNTAX, source, places.span(at), message);
    }
}
