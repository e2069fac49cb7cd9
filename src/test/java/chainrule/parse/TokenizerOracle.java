package chainrule.parse;

import chainrule.grammar.ChainRuleLexer;
import java.util.function.IntSupplier;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/** The tokens of a text as the grammar's generated lexer reads them and as the Tokenizer does, in one comparable form. */
public final class TokenizerOracle {
    private TokenizerOracle() {}

    /** The tokens, one a line, and the brackets left open at the end. */
    private static String read(TokenSource source, IntSupplier open) {
        StringBuilder out = new StringBuilder();
        Token t;
        do {
            t = source.nextToken();
            out.append(t.getType()).append(' ').append(t.getStartIndex()).append("..").append(t.getStopIndex())
                    .append(" @").append(t.getLine()).append(':').append(t.getCharPositionInLine())
                    .append(" ch").append(t.getChannel()).append(" [").append(t.getText()).append("]\n");
        } while (t.getType() != Token.EOF);
        return out.append("open ").append(open.getAsInt()).toString();
    }

    /** By ChainRuleLexer, generated from the grammar's lexer rules. */
    public static String byGrammar(String text) {
        ChainRuleLexer lexer = new ChainRuleLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return read(lexer, lexer::openBrackets);
    }

    /** By the Tokenizer the parse stage uses. */
    public static String byHand(String text) {
        Tokenizer tokenizer = new Tokenizer(text);
        return read(tokenizer, tokenizer::openBrackets);
    }
}
