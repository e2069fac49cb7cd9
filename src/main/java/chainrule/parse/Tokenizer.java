package chainrule.parse;

import chainrule.grammar.ChainRuleLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The tokens of ChainRule.g4's lexer rules, read by hand: the same types, texts, positions and
 * bracket-aware newlines as the generated ChainRuleLexer, which stays the definition (TokenizerTest
 * holds the two equal on every file and corpus input and on random text).
 *
 * <p>Why by hand: ANTLR's lexer reads its tables and builds its DFA one character pair at a time on
 * every run of the program; for a short problem file that first run took about a tenth of the whole
 * start-up of {@code chainrule derive}, where this loop takes well under a millisecond. The parser
 * stays ANTLR's.
 */
final class Tokenizer implements TokenSource {
    private final CharStream input;
    private final int[] cp; // the text's code points, as ANTLR counts positions
    private final Pair<TokenSource, CharStream> source;
    private int at = 0;
    private int line = 1;
    private int column = 0;
    private int depth = 0;

    Tokenizer(String text) {
        input = CharStreams.fromString(text);
        cp = codePoints(text);
        source = new Pair<>(this, input);
    }

    /** How many brackets are open at the end of what has been read. */
    int openBrackets() {
        return depth;
    }

    @Override
    public Token nextToken() {
        while (true) {
            if (at >= cp.length) return token(Token.EOF, at, at - 1, line, column);
            int start = at, startLine = line, startColumn = column;
            int type = scan();
            if (type == SKIP) continue;
            return token(type, start, at - 1, startLine, startColumn);
        }
    }

    private static final int SKIP = -3;

    /** Reads one token from {@code at} on, the longest any rule matches (the first rule on a tie); its type or SKIP. */
    private int scan() {
        int c = cp[at];
        if (nameStart(c)) return name();
        if (c >= '0' && c <= '9') return number();
        switch (c) {
            case ':' -> { return one(ChainRuleLexer.COLON); }
            case ',' -> { return one(ChainRuleLexer.COMMA); }
            case '=' -> { return one(ChainRuleLexer.EQUALS); }
            case '+' -> { return one(ChainRuleLexer.PLUS); }
            case '-' -> { return one(ChainRuleLexer.MINUS); }
            case '*' -> { return one(ChainRuleLexer.STAR); }
            case '\'' -> { return one(ChainRuleLexer.QUOTE); }
            case '/' -> { return one(ChainRuleLexer.SLASH); }
            case ';' -> { return one(ChainRuleLexer.SEMI); }
            case '^' -> {
                if (la(1) == 'T' && !Character.isLetterOrDigit(la(2)) && la(2) != '_') return advance(2, ChainRuleLexer.TRANSPOSE_T);
                return one(ChainRuleLexer.CARET);
            }
            case '.' -> {
                int n = la(1);
                if (n == '^') return advance(2, ChainRuleLexer.DOT_CARET);
                if (n == '*') return advance(2, ChainRuleLexer.DOT_STAR);
                if (n == '/') return advance(2, ChainRuleLexer.DOT_SLASH);
                if (n >= '0' && n <= '9') return number();
                return one(ChainRuleLexer.ERRCHAR);
            }
            case '(', '[' -> {
                depth++;
                return one(c == '(' ? ChainRuleLexer.LPAREN : ChainRuleLexer.LBRACK);
            }
            case ')', ']' -> {
                if (depth > 0) depth--;
                return one(c == ')' ? ChainRuleLexer.RPAREN : ChainRuleLexer.RBRACK);
            }
            case '\n' -> { return newline(1); }
            case '\r' -> { return newline(la(1) == '\n' ? 2 : 1); }
            case '#' -> {
                while (at < cp.length && cp[at] != '\n' && cp[at] != '\r') advance(1, SKIP);
                return SKIP;
            }
            case ' ', '\t', '\f', '\u00A0', '\uFEFF' -> {
                while (at < cp.length && space(cp[at])) advance(1, SKIP);
                return SKIP;
            }
            case '\u1D40' -> { return one(ChainRuleLexer.SUPER_T); }
            case '\u2032' -> { return one(ChainRuleLexer.PRIME); }
            case '\u00B7', '\u22C5' -> { return one(ChainRuleLexer.DOT); }
            case '\u2299' -> { return one(ChainRuleLexer.ODOT); }
            case '\u2218' -> { return one(ChainRuleLexer.CIRC); }
            case '\u00D7' -> { return one(ChainRuleLexer.TIMES); }
            case '\u2202' -> { return one(ChainRuleLexer.PARTIAL); }
            default -> { return one(ChainRuleLexer.ERRCHAR); }
        }
    }

    /** A run of name characters: a keyword when it is one whole, DNAME for d and a letter, else ID. */
    private int name() {
        int start = at;
        advance(1, SKIP);
        while (at < cp.length && namePart(cp[at])) advance(1, SKIP);
        int length = at - start;
        if (cp[start] == 'd') {
            if (length == 1) return ChainRuleLexer.D;
            if (keyword(start, length, "derive")) return ChainRuleLexer.DERIVE;
            return nameStart(cp[start + 1]) ? ChainRuleLexer.DNAME : ChainRuleLexer.ID;
        }
        if (keyword(start, length, "fun")) return ChainRuleLexer.FUN;
        if (keyword(start, length, "wrt")) return ChainRuleLexer.WRT;
        if (keyword(start, length, "claim")) return ChainRuleLexer.CLAIM;
        if (keyword(start, length, "end")) return ChainRuleLexer.END;
        if (keyword(start, length, "hessian")) return ChainRuleLexer.HESSIAN;
        return ChainRuleLexer.ID;
    }

    private boolean keyword(int start, int length, String word) {
        if (length != word.length()) return false;
        for (int i = 0; i < length; i++) if (cp[start + i] != word.charAt(i)) return false;
        return true;
    }

    /** [0-9]+ ('.' [0-9]*)? exponent? | '.' [0-9]+ exponent?, where an exponent [eE] [+-]? [0-9]+ counts only whole. */
    private int number() {
        digits();
        if (at < cp.length && cp[at] == '.') {
            advance(1, SKIP);
            digits();
        }
        int sign = la(1) == '+' || la(1) == '-' ? 1 : 0;
        if ((la(0) == 'e' || la(0) == 'E') && digit(la(1 + sign))) {
            advance(1 + sign, SKIP);
            digits();
        }
        return ChainRuleLexer.NUMBER;
    }

    private void digits() {
        while (at < cp.length && digit(cp[at])) advance(1, SKIP);
    }

    /**
     * Inside brackets a newline is dropped, unless the next line plainly starts a statement of its own (then the
     * bracket was left open by mistake, and the statement ends here); see the grammar's newline().
     */
    private int newline(int length) {
        boolean lineFeed = cp[at + length - 1] == '\n'; // as ANTLR counts: a lone \r moves the column only
        advance(length, SKIP);
        if (lineFeed) {
            line++;
            column = 0;
        }
        if (depth == 0) return ChainRuleLexer.NL;
        if (nextLineStartsStatement()) {
            depth = 0;
            return ChainRuleLexer.NL;
        }
        return SKIP;
    }

    private boolean nextLineStartsStatement() {
        int i = 0;
        while (la(i) == ' ' || la(i) == '\t') i++;
        int wordStart = i;
        while (Character.isLetterOrDigit(la(i)) || la(i) == '_') i++;
        if (i == wordStart) return false;
        int length = i - wordStart;
        if (keyword(at + wordStart, length, "derive") || keyword(at + wordStart, length, "claim")
                || keyword(at + wordStart, length, "fun")) {
            return la(i) == ' ' || la(i) == '\t';
        }
        while (la(i) == ' ' || la(i) == '\t') i++;
        return la(i) == '=' && la(i + 1) != '=';
    }

    /** The code point k places after the current one (EOF past the end). */
    private int la(int k) {
        return at + k < cp.length ? cp[at + k] : CharStream.EOF;
    }

    private int one(int type) {
        return advance(1, type);
    }

    /** Moves past n code points on one line (a line break moves the line itself) and returns type. */
    private int advance(int n, int type) {
        at += n;
        column += n;
        return type;
    }

    private Token token(int type, int start, int stop, int tokenLine, int tokenColumn) {
        CommonToken t = new CommonToken(source, type, Token.DEFAULT_CHANNEL, start, stop);
        t.setLine(tokenLine);
        t.setCharPositionInLine(tokenColumn);
        return t;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u00A0' || c == '\uFEFF';
    }

    private static boolean nameStart(int c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    private static boolean namePart(int c) {
        if (c < 0x80) return nameStart(c) || digit(c);
        return nameStart(c) || switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static int[] codePoints(String text) {
        int[] out = new int[text.codePointCount(0, text.length())];
        for (int i = 0, k = 0; i < text.length(); k++) {
            int c = text.codePointAt(i);
            out[k] = c;
            i += Character.charCount(c);
        }
        return out;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public CharStream getInputStream() {
        return input;
    }

    @Override
    public String getSourceName() {
        return input.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("the tokenizer makes CommonTokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
