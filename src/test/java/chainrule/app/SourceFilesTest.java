package chainrule.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chainrule.source.ChainRuleException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A problem file's bytes as text: ASCII read directly, anything else decoded as UTF-8 and checked. */
class SourceFilesTest {

    @Test
    void asciiIsReadAsItIs() {
        String text = "x : 3\r\nL = sum(x) # all ASCII\n\t~\u007F";
        assertEquals(text, SourceFiles.utf8("a.nn", text.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", SourceFiles.utf8("a.nn", new byte[0]));
    }

    @Test
    void utf8IsDecoded() {
        String text = "W : m × n\nσ = tanh(W)ᵀ";
        assertEquals(text, SourceFiles.utf8("a.nn", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aByteThatIsNotUtf8IsNamedAtItsPlace() {
        byte[] bytes = "x : 3\nL = s\u00E9m(x)".getBytes(StandardCharsets.ISO_8859_1);
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> SourceFiles.utf8("a.nn", bytes));
        assertEquals("not UTF-8 text: byte 0xE9 here (a problem file is UTF-8 text; save it as UTF-8)", e.first().message());
        assertEquals(2, e.first().span().line());
        assertEquals(6, e.first().span().col());
    }
}
