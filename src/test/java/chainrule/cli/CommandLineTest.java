package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4: options anywhere, standard input, files named in errors, pictures, numbers in every locale. */
class CommandLineTest {
    static final String SEED = "test-cases/seeds/003_mnist_sigmoid_softmax.nn";

    @TempDir
    Path dir;

    @Test
    void optionsBeforeTheCommandCount() {
        Run r = Run.of("--format", "json", "check", SEED);
        assertTrue(r.out().startsWith("{") && r.out().contains("\"claims\""), r.out());
        Run seed = Run.of("--seed=3", "--format", "json", "shapes", SEED);
        assertTrue(seed.out().contains("\"shapes\""), seed.out());
    }

    @Test
    void anOptionGivenTwiceTakesTheLastValue() {
        assertTrue(Run.of("--format", "json", "shapes", SEED, "--format", "text").out().startsWith("X "));
        assertTrue(Run.of("shapes", SEED, "--format", "text", "--format=json").out().startsWith("{"));
        Run bad = Run.of("--format", "text", "shapes", "nowhere.nn", "--format", "json");
        assertTrue(bad.out().contains("\"file\" : \"nowhere.nn\""), bad.out());
    }

    private static Run withStdin(String text, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return Run.of(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void aDashReadsStandardInput() throws Exception {
        Run fromFile = Run.of("derive", SEED);
        Run fromStdin = withStdin(Files.readString(Path.of(SEED)), "derive", "-");
        assertEquals(Main.OK, fromStdin.status(), fromStdin.err());
        assertEquals(fromFile.out(), fromStdin.out());
        Run bad = withStdin("x : 3\ny = x +* 2\n", "shapes", "-");
        assertEquals(Main.BAD_INPUT, bad.status());
        assertTrue(bad.err().startsWith("<stdin>:2:8: error: "), bad.err());
    }

    @Test
    void aMissingValuesFileIsNamed() {
        Run r = Run.of("eval", SEED, "--at", dir.resolve("v.json").toString());
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(dir.resolve("v.json") + ": error: no such file", r.err().strip());
    }

    @Test
    void badJsonInAValuesFileIsPlacedInIt() throws Exception {
        Path v = Files.writeString(dir.resolve("v.json"), "{\"x\": [1, 2,\n  ]}\n");
        Path nn = Files.writeString(dir.resolve("n.nn"), "x : 2\ny = 2*x\n");
        Run r = Run.of("eval", nn.toString(), "--at", v.toString());
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.errLines()[0].startsWith(v + ":2:3: error: the values are not valid JSON"), r.err());
        assertEquals("  ]}", r.errLines()[1]);
        Run json = Run.of("eval", nn.toString(), "--at", v.toString(), "--format", "json");
        assertTrue(json.out().replaceAll("\\s+", " ").contains("\"file\" : \"" + v + "\", \"line\" : 2, \"col\" : 3,"), json.out());
    }

    @Test
    void aValuesFileThatLacksAnInputIsNamed() throws Exception {
        Path v = Files.writeString(dir.resolve("v.json"), "{}");
        Path nn = Files.writeString(dir.resolve("n.nn"), "x : 2\ny = 2*x\n");
        Run r = Run.of("eval", nn.toString(), "--at", v.toString());
        assertEquals(v + ": error: no value for the input x (2 x 1)", r.err().strip());
    }

    @Test
    void aNameTheFileLacksIsAnErrorAboutTheFile() {
        Run r = Run.of("derive", SEED, "--of", "nothing", "--wrt", "W2");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(SEED + ": error: no name 'nothing' in the file", r.err().strip());
    }

    @Test
    void onlyWrtGivenForAFileWithoutRequestsSuggestsOf() throws Exception {
        Path nn = Files.writeString(dir.resolve("n3.nn"), "x : 3\nh = tanh(x)\nL = sum(h)\n");
        Run r = Run.of("derive", nn.toString(), "--wrt", "x");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(nn + ": error: asks for no derivative: give both --of and --wrt (--of L?)", r.err().strip());
        Run s = Run.of("derive", nn.toString(), "--of", "L");
        assertEquals(nn + ": error: asks for no derivative: give both --of and --wrt (--wrt x?)", s.err().strip());
    }

    @Test
    void evalAsLatex() throws Exception {
        Path v = Files.writeString(dir.resolve("v4.json"), "{\"x\": [1, 2], \"W_1\": [[1, 0], [0, 1e-12]]}");
        Path nn = Files.writeString(dir.resolve("n4.nn"), "x : 2\nW_1 : 2 x 2\nh2 = W_1*x\ns = sum(x)\n");
        Run r = Run.of("eval", nn.toString(), "--at", v.toString(), "--format", "latex");
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals("\\begin{aligned}\n  h_2 &= \\begin{bmatrix} 1 \\\\ 2 \\times 10^{-12} \\end{bmatrix} \\\\\n  s &= 3 \\\\\n"
                + "\\end{aligned}\n", r.out());
    }

    @Test
    void aMistypedNameOfAnOptionGetsASuggestion() {
        Run r = Run.of("derive", SEED, "--wrt", "W9");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(SEED + ": error: no name 'W9' in the file; did you mean W1, W2, W3?", r.err().strip());
    }

    @Test
    void aMistypedNameToEvaluateGetsASuggestion() throws Exception {
        Path v = Files.writeString(dir.resolve("v2.json"), "{\"x\": [1, 2]}");
        Path nn = Files.writeString(dir.resolve("n2.nn"), "x : 2\nhidden = 2*x\n");
        Run r = Run.of("eval", nn.toString(), "--at", v.toString(), "hiden");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(nn + ": error: no name 'hiden' in the file; did you mean hidden?", r.err().strip());
    }

    @Test
    void aPictureIntoAFolderThatDoesNotExistIsBadInput() {
        Run r = Run.of("latex", SEED, "--png", "/no/such/dir/x.png");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("/no/such/dir/x.png: error: no such folder: /no/such/dir", r.err().strip());
    }

    @Test
    void aFontSizeOutOfRangeIsBadInput() {
        String png = dir.resolve("x.png").toString();
        for (String size : new String[] {"100000", "0", "-3", "NaN"}) {
            Run r = Run.of("latex", SEED, "--png", png, "--size", size);
            assertEquals(Main.BAD_INPUT, r.status(), size);
            assertTrue(r.err().startsWith("chainrule: error: --size ") && r.err().contains("a font size is 4 to 400 pixels"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void numbersPrintTheSameInAnotherLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Run r = Run.of(SEED);
            assertTrue(r.out().matches("(?s).*max relative error \\d\\.\\de-\\d\\d over 3 points.*"), r.out());
            assertFalse(r.out().contains(","  + "3e-"), r.out());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void evalPrintsNumbersAsTheRestOfTheOutput() throws Exception {
        Path nn = Files.writeString(dir.resolve("n.nn"), "c : scalar\nx : 2\ny = 3*c\nz = x/10\n");
        Path v = Files.writeString(dir.resolve("v.json"), "{\"c\": 0.9, \"x\": [1, 2]}");
        Run r = Run.of("eval", nn.toString(), "--at", v.toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals("y = 2.7\nz = [0.1; 0.2]\n", r.out());
        assertEquals("123.4567891", Output.number(123.45678912345));
        assertEquals("1.5e-12", Output.number(1.5e-12));
        assertEquals("-2.5e+20".replace("+", ""), Output.number(-2.5e20));
    }
}
