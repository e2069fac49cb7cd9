package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line: exit status 2 and one line, 'chainrule: error: ...'. */
class UsageErrorsTest {
    @TempDir
    static Path dir;

    private static void usage(String expected, String... args) {
        Run r = Run.of(args);
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("chainrule: error: " + expected, r.err().strip());
    }

    @Test
    void noSuchFileNamesTheFile() {
        Run r = Run.of("shapes", "nowhere.nn");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("", r.out());
        assertEquals("nowhere.nn: error: no such file", r.err().strip());
    }

    @Test
    void noSuchFileInJsonNamesTheFile() {
        Run r = Run.of("shapes", "nowhere.nn", "--format", "json");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("", r.err());
        assertEquals("{ \"error\" : { \"kind\" : \"usage\", \"file\" : \"nowhere.nn\", \"line\" : null, \"col\" : null,"
                + " \"message\" : \"no such file\" } }", r.out().replaceAll("\\s+", " ").strip());
    }

    @Test
    void fileNameThatCannotBeAPath() {
        usage("'a\\u0000b' is not a file name", "shapes", "a\0b"); // shown escaped
    }

    @Test
    void outputFileNameThatCannotBeAPath() {
        Path f = Run.file(dir, "x : 3\nL = sum(x .* x)\nderive L wrt x\n");
        usage("'a\\u0000b.png' is not a file name", "latex", f.toString(), "--png", "a\0b.png");
        usage("'a\\u0000b.py' is not a file name", "codegen", f.toString(), "--target", "numpy", "-o", "a\0b.py");
    }

    @Test
    void unknownOption() {
        usage("unknown option '--bogus'; see 'chainrule --help'", "shapes", "--bogus", "x.nn");
    }

    @Test
    void misspelledOptionGetsASuggestion() {
        usage("unknown option '--formt' (did you mean --format?); see 'chainrule --help'", "shapes", "--formt", "json", "x.nn");
    }

    @Test
    void unknownCommand() {
        Run r = Run.of("frobnicate", "x.nn");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().startsWith("chainrule: error: unknown command 'frobnicate'; the commands are "), r.err());
        assertTrue(r.err().contains("shapes"), r.err());
    }

    @Test
    void mistypedCommandGetsASuggestion() {
        Run r = Run.of("derve", "x.nn");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().startsWith("chainrule: error: unknown command 'derve' (did you mean derive or serve?); the commands are "), r.err());
    }

    @Test
    void notAWholeNumber() {
        usage("invalid value for option '--seed': 'abc' is not a whole number; see 'chainrule --help'", "shapes", "x.nn", "--seed", "abc");
    }

    @Test
    void notANumber() {
        usage("invalid value for option '--size': 'big' is not a number; see 'chainrule --help'", "latex", "x.nn", "--size", "big");
    }

    @Test
    void extraArgument() {
        Path f = Run.file(dir, "x : 3\n");
        usage("unexpected argument 'more.nn'; see 'chainrule --help'", "shapes", f.toString(), "more.nn");
    }

    @Test
    void missingFile() {
        usage("missing required parameter: 'FILE'; see 'chainrule --help'", "shapes");
    }

    @Test
    void badFormat() {
        Run r = Run.of("shapes", "x.nn", "--format", "xml");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().startsWith("chainrule: error: invalid value for option '--format'"), r.err());
    }

    @Test
    void usageErrorInJson() {
        Run r = Run.of("shapes", "--bogus", "x.nn", "--format=json");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("", r.err());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("\"kind\" : \"usage\", \"file\" : null, \"line\" : null,"
                + " \"col\" : null, \"message\" : \"unknown option '--bogus'"), r.out());
    }

    @Test
    void unknownOptionWithoutTheFileIsStillAnUnknownOption() {
        usage("unknown option '--frob'; see 'chainrule --help'", "derive", "--frob");
        usage("unknown option '--stesp' (did you mean --steps?); see 'chainrule --help'", "derive", "--stesp");
    }

    @Test
    void sizeWithoutPngIsBadInput() {
        Path f = Run.file(dir, "x : 3\nL = sum(x .* x)\nderive L wrt x\n");
        usage("--size is the font size of a --png picture; give --png OUT.png too, or leave --size out", "latex", f.toString(), "--size", "300");
        assertEquals(Main.OK, Run.of("latex", f.toString()).status());
    }

    @Test
    void serveOnAHostThatDoesNotExist() {
        usage("--host nosuch.invalid: no such host (give a name or address of this machine, such as 127.0.0.1)",
                "serve", "--host", "nosuch.invalid", "--port", "0");
    }
}
