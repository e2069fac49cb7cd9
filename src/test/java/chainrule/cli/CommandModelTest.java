package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.source.Limits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command model built in code (Specs): every option of every command reaches the command, with its type and default. */
class CommandModelTest {
    /** The model of the command these arguments run, after parsing them as Main does. */
    private static CommandSpec parsed(String... args) {
        Commands.Invocation invocation = Commands.invocation(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
        CommandLine.ParseResult result = invocation.commandLine().parseArgs(invocation.args().toArray(new String[0]));
        while (result.hasSubcommand()) result = result.subcommand();
        return result.commandSpec();
    }

    private static CommonOptions common(CommandSpec spec) {
        return (CommonOptions) spec.mixins().get("common").userObject();
    }

    @Test
    void deriveReadsEveryOptionAndTheCommonOnes() {
        CommandSpec derive = parsed("--format", "latex", "derive", "net.nn", "--of", "L", "--wrt", "W1,b1", "--wrt=W2", "--steps", "--check",
                "--trace", "--at", "v.json", "--format=JSON", "--unicode", "--seed", "3", "--seed", "7", "--max-file-size", "10",
                "--max-depth", "11", "--max-statements", "12", "--max-answer-size", "13");
        assertEquals("net.nn", Specs.positional(derive, 0));
        assertEquals("L", Specs.value(derive, "--of"));
        assertEquals(List.of("W1", "b1", "W2"), Specs.value(derive, "--wrt"));
        for (String flag : new String[] {"--steps", "--check", "--trace"}) assertEquals(true, Specs.value(derive, flag), flag);
        assertEquals("v.json", Specs.value(derive, "--at"));
        CommonOptions common = common(derive);
        assertEquals(CommonOptions.Format.json, common.format()); // the last one given counts
        assertTrue(common.unicode());
        assertEquals(7, common.seed());
        assertEquals(new Limits(10, 11, 12, 13), common.limits());
    }

    @Test
    void whatIsNotGivenHasItsDefault() {
        CommandSpec derive = parsed("derive", "net.nn");
        assertNull(Specs.value(derive, "--of"));
        assertNull(Specs.value(derive, "--wrt"));
        assertNull(Specs.value(derive, "--at"));
        for (String flag : new String[] {"--steps", "--check", "--trace"}) assertEquals(false, Specs.value(derive, flag), flag);
        CommonOptions common = common(derive);
        assertEquals(CommonOptions.Format.text, common.format());
        assertFalse(common.unicode());
        assertEquals(1, common.seed());
        assertEquals(Limits.DEFAULT, common.limits());
    }

    @Test
    void maxEntriesIsTheCommandsOwnNotTheTopLevelsDefault() {
        assertEquals(77, common(parsed("check", "net.nn", "--max-entries", "77")).maxEntries());
        assertEquals(78, common(parsed("--max-entries", "78", "check", "net.nn")).maxEntries());
        assertEquals(chainrule.eval.Limits.DEFAULT_MAX_ENTRIES, common(parsed("check", "net.nn")).maxEntries());
    }

    @Test
    void eachCommandReadsItsOwnOptions() {
        CommandSpec check = parsed("check", "net.nn", "--claim", "d(L)/d(W) = 2");
        assertEquals("d(L)/d(W) = 2", Specs.value(check, "--claim"));
        assertNull(Specs.value(parsed("check", "net.nn"), "--claim"));

        CommandSpec latex = parsed("latex", "net.nn", "--standalone", "--png", "out.png", "--size", "24");
        assertEquals(true, Specs.value(latex, "--standalone"));
        assertEquals("out.png", Specs.value(latex, "--png"));
        assertEquals(24f, (float) Specs.value(latex, "--size"));
        CommandSpec plainLatex = parsed("latex", "net.nn");
        assertEquals(false, Specs.value(plainLatex, "--standalone"));
        assertNull(Specs.value(plainLatex, "--png"));
        assertEquals(20f, (float) Specs.value(plainLatex, "--size"));

        CommandSpec eval = parsed("eval", "net.nn", "--at", "v.json", "L", "h1");
        assertEquals("v.json", Specs.value(eval, "--at"));
        assertEquals(List.of("L", "h1"), Specs.positional(eval, 1));
        assertNull(Specs.positional(parsed("eval", "net.nn", "--at", "v.json"), 1));

        CommandSpec codegen = parsed("codegen", "net.nn", "--target", "torch", "--of", "L", "--wrt", "W1,W2", "-o", "g.py");
        assertEquals("torch", Specs.value(codegen, "--target"));
        assertEquals("L", Specs.value(codegen, "--of"));
        assertEquals(List.of("W1", "W2"), Specs.value(codegen, "--wrt"));
        assertEquals("g.py", Specs.value(codegen, "--output"));
        assertEquals("h.py", Specs.value(parsed("codegen", "net.nn", "--target", "numpy", "--output", "h.py"), "--output"));

        assertEquals("net.nn", Specs.positional(parsed("repl", "net.nn"), 0));
        assertNull(Specs.positional(parsed("repl"), 0));
        assertEquals("net.nn", Specs.positional(parsed("run", "net.nn"), 0));
        assertEquals("net.nn", Specs.positional(parsed("shapes", "net.nn"), 0));
        assertEquals("net.nn", Specs.positional(parsed("net.nn", "--seed", "2"), 0));
        assertEquals(2, common(parsed("net.nn", "--seed", "2")).seed());
        assertNull(Specs.positional(parsed(), 0));
    }

    @Test
    void serveReadsItsOptionsWithTheirDefaults() {
        CommandSpec serve = parsed("--port", "9000", "serve", "--host", "::1", "--time-limit", "2.5", "--workers", "3");
        assertEquals(9000, (int) Specs.value(serve, "--port"));
        assertEquals("::1", Specs.value(serve, "--host"));
        assertEquals(2.5, (double) Specs.value(serve, "--time-limit"));
        assertEquals(3, (Integer) Specs.value(serve, "--workers"));
        CommandSpec plain = parsed("serve");
        assertEquals(8080, (int) Specs.value(plain, "--port"));
        assertEquals("127.0.0.1", Specs.value(plain, "--host"));
        assertEquals(10.0, (double) Specs.value(plain, "--time-limit"));
        assertNull(Specs.value(plain, "--workers"));
    }

    /** The types picocli converts with converters it looks up by reflection, which Commands leaves out. */
    private static final String REFLECTED = "java\\.(time|sql)\\..*|java\\.nio\\.file\\.Path";

    /** Commands.WITH_VALUE, by which the command named is found among options, is every option that takes a value. */
    @Test
    void theOptionsThatTakeAValueAreKnownBeforeTheModelIsBuilt() {
        CommandLine all = Commands.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> commands = new java.util.ArrayList<>(all.getSubcommands().values());
        commands.add(all);
        java.util.Set<String> withValue = new java.util.TreeSet<>();
        for (CommandLine c : commands) {
            for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                if (o.arity().max() > 0 && !o.usageHelp() && !o.versionHelp()) withValue.addAll(List.of(o.names()));
            }
        }
        assertEquals(withValue, new java.util.TreeSet<>(Commands.WITH_VALUE));
    }

    /** picocli's converters for java.time, java.sql and Path are not made (Commands): no option or parameter may need one. */
    @Test
    void noOptionHasATypeWhoseConverterIsLeftOut() {
        CommandLine all = Commands.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(Commands.CONVERTERS_EXCLUDED, System.getProperty("picocli.converters.excludes"));
        List<CommandLine> commands = new java.util.ArrayList<>(all.getSubcommands().values());
        commands.add(all);
        int types = 0;
        for (CommandLine c : commands) {
            List<CommandLine.Model.ArgSpec> args = new java.util.ArrayList<>(c.getCommandSpec().args());
            for (CommandSpec mixin : c.getCommandSpec().mixins().values()) args.addAll(mixin.args());
            for (CommandLine.Model.ArgSpec arg : args) {
                for (Class<?> type : arg.auxiliaryTypes()) {
                    types++;
                    assertFalse(type.getName().matches(REFLECTED), c.getCommandName() + " " + arg + ": " + type);
                }
            }
        }
        assertTrue(types > 50, "types seen: " + types);
        // and a left-out type is really not converted: an option of type java.time.Duration is refused
        CommandSpec spec = CommandSpec.create();
        spec.addOption(CommandLine.Model.OptionSpec.builder("--d").type(java.time.Duration.class).build());
        var refused = org.junit.jupiter.api.Assertions.assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(spec).parseArgs("--d", "PT1S"));
        assertTrue(refused.getMessage().contains("No TypeConverter registered for java.time.Duration"), refused.getMessage());
        CommandSpec path = CommandSpec.create();
        path.addOption(CommandLine.Model.OptionSpec.builder("--p").type(java.nio.file.Path.class).build());
        var refusedPath = org.junit.jupiter.api.Assertions.assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(path).parseArgs("--p", "x.png"));
        assertTrue(refusedPath.getMessage().contains("No TypeConverter registered for java.nio.file.Path"), refusedPath.getMessage());
    }

    /** A command named first is the whole command line (no top level to build); anything else gets the top level, with the same results. */
    @Test
    void aCommandNamedFirstIsTheWholeCommandLine() {
        PrintWriter none = new PrintWriter(new StringWriter());
        Commands.Invocation first = Commands.invocation(none, none, new String[] {"derive", "net.nn"});
        assertEquals("derive", first.commandLine().getCommandName());
        assertEquals(List.of("net.nn"), first.args());
        Commands.Invocation afterOptions = Commands.invocation(none, none, new String[] {"--seed", "3", "--steps", "derive", "net.nn"});
        assertEquals("derive", afterOptions.commandLine().getCommandName());
        assertEquals(List.of("--seed", "3", "--steps", "net.nn"), afterOptions.args());
        assertEquals(List.of("derive.nn"), Commands.invocation(none, none, new String[] {"derive", "derive.nn"}).args());
        assertEquals(List.of("--of", "L", "net.nn"), Commands.invocation(none, none, new String[] {"--of", "L", "derive", "net.nn"}).args());
        assertEquals(List.of("-o", "codegen", "--target", "numpy", "f.nn"),
                Commands.invocation(none, none, new String[] {"-o", "codegen", "--target", "numpy", "codegen", "f.nn"}).args());
        for (String[] args : List.of(new String[] {"net.nn"}, new String[] {"net.nn", "derive"}, new String[] {"derive", "-hV", "net.nn"},
                new String[] {"derive", "@options.txt"})) {
            assertEquals("chainrule", Commands.invocation(none, none, args).commandLine().getCommandName(), List.of(args).toString());
        }
        assertEquals("L", Specs.value(parsed("--of", "L", "derive", "net.nn"), "--of"));
        assertEquals(3L, common(parsed("--seed", "3", "--steps", "derive", "net.nn")).seed());
        assertEquals(true, Specs.value(parsed("--seed", "3", "--steps", "derive", "net.nn"), "--steps"));
        assertEquals("net.nn", Specs.positional(parsed("--seed", "3", "--steps", "derive", "net.nn"), 0));
    }
}
