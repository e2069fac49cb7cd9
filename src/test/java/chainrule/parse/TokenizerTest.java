package chainrule.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written Tokenizer reads exactly the tokens of the grammar's lexer rules (the generated
 * ChainRuleLexer): type, text, start and stop, line and column of every token, EOF included, and
 * the brackets left open, on every file under test-cases/, every fuzz input kept, and random text
 * of the characters and words where the rules differ.
 */
class TokenizerTest {
    private static final Path FUZZ = Path.of("src/test/resources/chainrule/fuzz/PipelineFuzzTestInputs/pipeline");

    /** Equal token lists; on a difference, the first token that differs and the text around it. */
    private static void same(String text) {
        String[] want = TokenizerOracle.byGrammar(text).split("\n"), got = TokenizerOracle.byHand(text).split("\n");
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "(none)", g = i < got.length ? got[i] : "(none)";
            if (!w.equals(g)) {
                String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
                assertEquals(w, g, "token " + i + " of: " + shown.replace("\n", "\\n").replace("\r", "\\r"));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFileAndFuzzInput() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(Path.of("test-cases"))) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        try (Stream<Path> all = Files.list(FUZZ)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        assertTrue(files.size() > 300, "files: " + files.size());
        return files.stream().sorted().map(p -> DynamicTest.dynamicTest(p.toString(),
                () -> same(new String(Files.readAllBytes(p), StandardCharsets.UTF_8))));
    }

    /** Pieces of text where the rules meet: longest match, keywords, predicates, brackets over lines. */
    private static final String[] PIECES = {
        "a", "d", "e", "E", "T", "x", "_", "0", "1", "9", ".", "^", "*", "/", "'", ":", ",", "=", "+", "-", ";",
        "(", ")", "[", "]", "#", " ", "\t", "\f", "\u00A0", "\uFEFF", "\n", "\r", "\r\n",
        "\u1D40", "\u2032", "\u00B7", "\u22C5", "\u2299", "\u2218", "\u00D7", "\u2202", "\u00E9", "\u03B8", "\u0661",
        "\u00B2", "\u20AC", "\uD835\uDC65", "\uD800", "\uDC00", "\u2160", "\u02B0",
        "derive", "derive ", "claim ", "claim", "fun ", "fun", "wrt", "end", "hessian", "dL", "d_", "d2", "^T", ".^",
        ".*", "./", "1e5", "1.5e-3", ".5", "2.", "==", "W1", "x = ", "\n  y = ", "\nderive\t",
    };

    @TestFactory
    Stream<DynamicTest> randomText() {
        return Stream.of(1L, 2L, 3L, 4L, 5L).map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Random random = new Random(seed);
            for (int n = 0; n < 4000; n++) {
                StringBuilder text = new StringBuilder();
                int pieces = random.nextInt(24);
                for (int i = 0; i < pieces; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
                same(text.toString());
            }
        }));
    }

    @Test
    void emptyText() {
        same("");
    }

    @Test
    void aBracketLeftOpenEndsAtALineThatStartsAStatement() {
        same("z = foo(\ny2 = 2*x\n");
        same("z = [1,\n 2]\nclaim (x\nderive L wrt x");
        Tokenizer open = new Tokenizer("z = foo(\n 2");
        while (open.nextToken().getType() != Token.EOF) {
            // read to the end
        }
        assertEquals(1, open.openBrackets());
    }
}
