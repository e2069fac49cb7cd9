package chainrule.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: 'chainrule FILE' runs a file; the subcommands do one thing each. */
final class Commands {
    private Commands() {}

    /** Every command, in the order help lists them; each is built only when it is needed ({@link #make}). */
    static final List<String> COMMANDS = List.of("shapes", "derive", "latex", "repl", "check", "run", "eval", "serve", "codegen", "help");

    private static Object make(String name) {
        return switch (name) {
            case "shapes" -> new ShapesCommand();
            case "derive" -> new DeriveCommand();
            case "latex" -> new LatexCommand();
            case "repl" -> new ReplCommand();
            case "check" -> new CheckCommand();
            case "run" -> new RunFileCommand();
            case "eval" -> new EvalCommand();
            case "serve" -> new ServeCommand();
            case "codegen" -> new CodegenCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The whole command line, every command in it (for help). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Set.copyOf(COMMANDS));
    }

    /**
     * The command line for these arguments: picocli reads every command's annotations when it is
     * added, which takes longer than the rest of a small request, so only the command named is
     * added (all of them for help).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        return commandLine(out, err, needed(args));
    }

    static Set<String> needed(String[] args) {
        for (String a : args) {
            if (a.equals("--")) break;
            if (a.equals("help") || a.equals("-h") || a.equals("--help")) return Set.copyOf(COMMANDS);
        }
        for (int i = 0; i < args.length; i++) {
            if (COMMANDS.contains(args[i]) && (i == 0 || !CommonOptions.takesValue(args[i - 1]))) return Set.of(args[i]);
            if (args[i].equals("--")) break;
        }
        return Set.of();
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, Set<String> names) {
        CommandLine cmd = new CommandLine(new RunCommand());
        for (String name : COMMANDS) {
            if (names.contains(name)) cmd.addSubcommand(name, make(name));
        }
        cmd.setUsageHelpWidth(100);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOverwrittenOptionsAllowed(true); // an option given twice: the last one counts
        return cmd;
    }

    @Command(name = "chainrule", mixinStandardHelpOptions = true, versionProvider = Version.class,
            header = "Symbolic derivatives of neural-network equations: shape-checked, simplified, verified.",
            description = "With a FILE, do every request in it (derive, claim, a bare expression), each derivative checked with finite differences; with nothing, start the REPL. Options may stand before or after the command and its FILE; FILE '-' is standard input. 'chainrule help COMMAND' (or COMMAND --help) lists every option of a command.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {
                "0:all went well",
                "1:a claim is not correct, or a numeric check failed",
                "2:bad input or usage: FILE:LINE:COL: error: ... on standard error",
                "3:an internal fault (a bug in chainrule: please report it)"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  chainrule test-cases/seeds/003_mnist_sigmoid_softmax.nn",
                "  chainrule derive net.nn --wrt W1,b1 --steps",
                "  chainrule --format json check net.nn",
                "  chainrule help derive"})
    static final class RunCommand implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
        String file;

        @CommandLine.Mixin
        CommonOptions common;

        @Override
        public Integer call() throws java.io.IOException {
            if (file == null) return ReplCommand.start(null, common); // 'chainrule' alone: the REPL (SPEC §4)
            return FileRunner.run(file, common);
        }
    }
}
