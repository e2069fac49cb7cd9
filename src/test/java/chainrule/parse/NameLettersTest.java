package chainrule.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.grammar.ChainRuleLexer;
import chainrule.source.ChainRuleException;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * A name is a letter or _ of any script (Unicode Lu, Ll, Lt, Lo), then letters, digits (N) and _;
 * outside ASCII the lexer tests each character (ChainRule.g4's letter()) rather than holding the
 * classes as ranges in its tables.
 */
class NameLettersTest {
    private static List<String> tokens(String text) {
        ChainRuleLexer lexer = new ChainRuleLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(lexer.getVocabulary().getSymbolicName(t.getType()) + " " + t.getText());
        }
        return out;
    }

    private static boolean letter(int c) {
        int t = Character.getType(c);
        return t == Character.UPPERCASE_LETTER || t == Character.LOWERCASE_LETTER || t == Character.TITLECASE_LETTER
                || t == Character.OTHER_LETTER;
    }

    private static boolean digit(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /**
     * Latin, Greek, Cyrillic, Arabic digits, the operators, kana and the mathematical letters whole, and every 257th
     * character of the rest: in a name exactly when it is a letter or a digit.
     */
    @Test
    void aCharacterIsInANameExactlyWhenItIsALetterOrADigit() {
        List<Integer> points = new ArrayList<>();
        int[][] blocks = {{0x80, 0x52F}, {0x660, 0x669}, {0x1D00, 0x1DBF}, {0x2000, 0x22FF}, {0x3040, 0x30FF}, {0x1D400, 0x1D7FF}};
        for (int[] b : blocks) for (int c = b[0]; c <= b[1]; c++) points.add(c);
        for (int c = 0x80; c <= 0x10FFFF; c += 257) if (!(c >= 0xD800 && c <= 0xDFFF)) points.add(c);
        for (int c : points) {
            String ch = Character.toString(c);
            List<String> inside = tokens("a" + ch + "b");
            if (letter(c) || digit(c)) assertEquals(List.of("ID a" + ch + "b"), inside, Integer.toHexString(c));
            else assertTrue(inside.size() > 1 && inside.get(0).equals("ID a"), Integer.toHexString(c) + ": " + inside);
            List<String> alone = tokens(ch + "1");
            if (letter(c)) assertEquals(List.of("ID " + ch + "1"), alone, Integer.toHexString(c));
            else assertTrue(!alone.get(0).startsWith("ID "), Integer.toHexString(c) + ": " + alone);
        }
    }

    @Test
    void namesOfOtherScriptsAndTheirShortDerivatives() {
        assertEquals(List.of("ID α₁", "ID 重み2", "ID 𝑥"), tokens("α₁ 重み2 𝑥"));
        List<String> derivative = tokens("dα/dβ");
        assertEquals("DNAME dα", derivative.get(0));
        assertEquals("DNAME dβ", derivative.get(2));
        assertEquals(List.of("ID x", "SUPER_T ᵀ"), tokens("xᵀ"));
        assertEquals(List.of("ID a", "DOT ·", "ID b"), tokens("a·b"));
    }

    @Test
    void aSignThatIsNoLetterInANameIsASyntaxErrorAtIt() {
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> Parse.file(new SourceFile("t.nn", "x : 3\na€b = x\n")));
        assertEquals(2, e.first().span().line());
        assertEquals(2, e.first().span().col());
    }
}
