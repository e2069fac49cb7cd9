package chainrule.repl;

import chainrule.parse.Parse;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * How JLine reads the terminal: a statement goes on over more lines while a bracket is open
 * (the secondary prompt), words for completion are names (split at operators and brackets, so
 * 'relu(W' completes W), and quotes mean nothing (' is a transpose).
 */
final class StatementParser extends DefaultParser {
    StatementParser() {
        setQuoteChars(new char[0]);
        setEscapeChars(new char[0]);
        setEofOnUnclosedQuote(false);
        setEofOnUnclosedBracket();
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":") && Parse.openBrackets(line) > 0
                && !endsWithNewStatement(line)) {
            throw new EOFError(-1, -1, "a bracket is open", "bracket");
        }
        return super.parse(line, cursor, context);
    }

    /** A statement left open, then a line that begins a new one: both are taken (SPEC §5). */
    static boolean endsWithNewStatement(String buffer) {
        int last = buffer.lastIndexOf('\n');
        return last >= 0 && Continuation.beginsStatement(buffer.substring(last + 1));
    }

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        if (buffer.toString().stripLeading().startsWith(":")) return Character.isWhitespace(c); // a command and a file name
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '\'');
    }
}
