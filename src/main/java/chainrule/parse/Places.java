package chainrule.parse;

import chainrule.source.SourceFile;
import chainrule.source.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Spans of tokens and rules. ANTLR counts code points; a {@link Span}'s offsets index the
 * Java string, so text with characters beyond the BMP (math letters such as 𝑊) is mapped.
 */
final class Places {
    /** The string index of each code point index, or null when the two are the same. */
    private final int[] index;
    private final int length;

    Places(SourceFile source) {
        String text = source.text();
        length = text.length();
        int points = text.codePointCount(0, text.length());
        if (points == text.length()) {
            index = null;
        } else {
            index = new int[points + 1];
            for (int cp = 0, i = 0; cp < points; cp++) {
                index[cp] = i;
                i += Character.charCount(text.codePointAt(i));
            }
            index[points] = text.length();
        }
    }

    private int offset(int codePoint) {
        if (codePoint < 0) return codePoint;
        if (index == null) return Math.min(codePoint, length);
        return index[Math.min(codePoint, index.length - 1)];
    }

    Span span(Token t) {
        if (t.getType() == Token.EOF || t.getStartIndex() < 0) {
            return new Span(t.getLine(), t.getCharPositionInLine() + 1, offset(t.getStartIndex()), offset(t.getStartIndex()));
        }
        return new Span(t.getLine(), t.getCharPositionInLine() + 1, offset(t.getStartIndex()), offset(t.getStopIndex() + 1));
    }

    Span span(ParserRuleContext ctx) {
        Token a = ctx.getStart(), b = ctx.getStop();
        if (b == null || b.getStopIndex() < a.getStartIndex()) b = a;
        return new Span(a.getLine(), a.getCharPositionInLine() + 1, offset(a.getStartIndex()), offset(b.getStopIndex() + 1));
    }

    /** The empty place just after a token: where something it needs is missing. */
    Span after(Token t) {
        int end = offset(t.getStopIndex() + 1);
        int width = t.getText() == null ? 0 : t.getText().codePointCount(0, t.getText().length());
        return new Span(t.getLine(), t.getCharPositionInLine() + 1 + width, end, end);
    }
}
