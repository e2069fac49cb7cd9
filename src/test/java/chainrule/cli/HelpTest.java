package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §4: every command has its help, with every option described and an example. */
class HelpTest {
    private static CommandLine commands() {
        return Commands.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void everyCommandsHelpListsEveryOptionWithADescriptionAndAnExample() {
        for (var entry : commands().getSubcommands().entrySet()) {
            String name = entry.getKey();
            if (name.equals("help")) continue;
            Run r = Run.of(name, "--help");
            assertEquals(Main.OK, r.status(), name + ": " + r.err());
            assertEquals("", r.err(), name);
            assertTrue(r.out().startsWith(entry.getValue().getCommandSpec().usageMessage().header()[0]), r.out());
            for (OptionSpec o : entry.getValue().getCommandSpec().options()) {
                assertTrue(r.out().contains(o.longestName()), name + " --help does not list " + o.longestName() + ":\n" + r.out());
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), name + " " + o.longestName() + " has no description");
            }
            assertTrue(r.out().contains("Examples:\n  chainrule "), name + " --help has no example:\n" + r.out());
        }
    }

    /** The model is built in code (Specs): each help must stay the text picocli printed from the annotations it replaced. */
    @ParameterizedTest
    @ValueSource(strings = {"chainrule", "shapes", "derive", "latex", "repl", "check", "run", "eval", "serve", "codegen"})
    void everyHelpIsTheTextWrittenDown(String name) throws Exception {
        String expected = Files.readString(Path.of("src/test/resources/chainrule/cli/help/" + name + ".txt"));
        Run r = name.equals("chainrule") ? Run.of("--help") : Run.of(name, "--help");
        assertEquals(expected, r.out(), name);
        assertEquals(expected, name.equals("chainrule") ? Run.of("help").out() : Run.of("help", name).out(), name);
    }

    @Test
    void deriveHelpNamesItsOwnOptions() {
        Run r = Run.of("derive", "--help");
        for (String option : new String[] {"--of=NAME", "--wrt=NAME[,NAME...]", "--at=VALUES.json", "--check", "--steps", "--format"}) {
            assertTrue(r.out().contains(option), option + " missing:\n" + r.out());
        }
        assertFalse(r.out().contains("missing required parameter"), r.out());
    }

    @Test
    void helpCommandGivesTheSameHelpAsTheOption() {
        for (String name : new String[] {"derive", "check", "latex", "eval", "shapes", "repl", "run"}) {
            assertEquals(Run.of(name, "--help").out(), Run.of("help", name).out(), name);
        }
        Run latex = Run.of("help", "latex");
        assertTrue(latex.out().contains("--png=OUT.png") && latex.out().contains("--size=PX") && latex.out().contains("--standalone"), latex.out());
        Run check = Run.of("help", "check");
        assertTrue(check.out().contains("--claim="), check.out());
    }

    @Test
    void helpAloneListsTheCommandsWholeAndTheExitCodes() {
        Run r = Run.of("help");
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals(Run.of("--help").out(), r.out());
        String commands = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit status:"));
        for (String line : commands.lines().skip(1).toList()) {
            if (line.isBlank()) continue;
            assertTrue(line.matches("  \\w+ +\\S.*\\.$"), "a command's summary is cut off or wraps: '" + line + "'");
        }
        for (String code : new String[] {"0   all went well", "1   a claim is not correct", "2   bad input", "3   an internal fault"}) {
            assertTrue(r.out().contains(code), code + " missing:\n" + r.out());
        }
    }

    @Test
    void helpForACommandThatDoesNotExistIsAUsageError() {
        Run r = Run.of("help", "frobnicate");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().startsWith("chainrule: error: unknown command 'frobnicate'; the commands are "), r.err());
    }

    @Test
    void theVersionIsThePomsVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>chainrule</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        assertEquals("chainrule " + m.group(1), Run.of("--version").out().strip());
        assertEquals("chainrule " + m.group(1), Run.of("derive", "--version").out().strip());
    }
}
