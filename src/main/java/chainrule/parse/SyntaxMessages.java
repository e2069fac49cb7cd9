package chainrule.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/** ANTLR's messages in the words a user of chainrule needs. */
final class SyntaxMessages {
    private static final Pattern EXPECTING = Pattern.compile("expecting (.*)$");

    private SyntaxMessages() {}

    static String friendly(String antlr, Object offending) {
        String found = offending instanceof Token t ? describe(t) : null;
        if (antlr.startsWith("token recognition error")) {
            return "unexpected character " + antlr.substring(antlr.indexOf("at:") + 3).trim();
        }
        if (found == null) return antlr;
        if (offending instanceof Token t && t.getType() == chainrule.grammar.ChainRuleLexer.ERRCHAR) {
            return "unexpected character '" + printable(t.getText()) + "'";
        }
        String expecting = "";
        Matcher m = EXPECTING.matcher(antlr);
        if (m.find()) {
            String list = m.group(1).replace("NL", "end of line").replace("<EOF>", "end of input")
                    .replace("NUMBER", "a number").replace("ID", "a name").replace("DNAME", "a name");
            if (list.length() < 80) expecting = "; expected " + list;
        }
        if (antlr.startsWith("missing ")) {
            return "missing " + antlr.substring(8, antlr.indexOf(" at ")).replace("')'", "')'") + " before " + found;
        }
        return "unexpected " + found + expecting;
    }

    private static String describe(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "end of input";
            case chainrule.grammar.ChainRuleLexer.NL -> "end of line";
            default -> "'" + printable(t.getText()) + "'";
        };
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> {
            if (c < 32 || c == 127 || (c >= 0x80 && c < 0xA0) || c == 0xFFFD) out.append(String.format("\\u%04X", c));
            else out.appendCodePoint(c);
        });
        if (s.codePointCount(0, s.length()) > 40) out.append("...");
        return out.toString();
    }
}
