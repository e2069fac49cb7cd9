package chainrule.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The command line: 'chainrule FILE' runs a file; the subcommands do one thing each. */
final class Commands {
    private Commands() {}

    /**
     * picocli looks up, for every CommandLine it makes, converters for 19 types (of java.time,
     * java.sql, and java.nio.file.Path) by reflection: a few milliseconds of every start, and no
     * option here has such a type (CommandModelTest checks; --png and -o take a String, made a Path
     * by Loader.outputFile). Unless the user's JVM options say otherwise, all are left out, by the
     * plainest pattern: picocli compiles it again for each of the 19 (String.matches) in every
     * CommandLine.
     */
    static final String CONVERTERS_EXCLUDED = ".*";

    static {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", CONVERTERS_EXCLUDED);
        }
        // and it looks for Groovy's Closure class, which is not there: a search that opened the jar at every start
        if (System.getProperty("picocli.disable.closures") == null) System.setProperty("picocli.disable.closures", "true");
    }

    /** Every command, in the order help lists them; each is built only when it is needed ({@link #make}). */
    static final List<String> COMMANDS = List.of("shapes", "derive", "latex", "repl", "check", "run", "eval", "serve", "codegen", "help");

    /** The model of a command, built only when it is needed; 'help' is picocli's own (read from its annotations). */
    private static Object make(String name) {
        return switch (name) {
            case "shapes" -> new ShapesCommand().spec;
            case "derive" -> new DeriveCommand().spec;
            case "latex" -> new LatexCommand().spec;
            case "repl" -> new ReplCommand().spec;
            case "check" -> new CheckCommand().spec;
            case "run" -> new RunFileCommand().spec;
            case "eval" -> new EvalCommand().spec;
            case "serve" -> new ServeCommand().spec;
            case "codegen" -> new CodegenCommand().spec;
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The whole command line, every command in it (for help). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Set.copyOf(COMMANDS));
    }

    /** A command line ready to run: picocli's model, and the arguments it reads. */
    record Invocation(CommandLine commandLine, List<String> args) {
        Invocation {
            args = List.copyOf(args);
        }
    }

    /** Every option, of any command, that takes the next word as its value ('--seed 3'); CommandModelTest holds it to the model. */
    static final Set<String> WITH_VALUE = Set.of("--format", "--seed", "--max-file-size", "--max-depth", "--max-statements",
            "--max-answer-size", "--max-entries", "--of", "--wrt", "--at", "--claim", "--png", "--size", "--target", "-o", "--output",
            "--port", "--host", "--time-limit", "--workers");

    /**
     * The command line for these arguments. Only the command named is built (all of them for
     * help): picocli's model of one takes longer than the rest of a small request. A command named
     * first (after options, which it reads wherever they stand) is the whole command line, without
     * the top level of 'chainrule FILE', which would read nothing.
     */
    static Invocation invocation(PrintWriter out, PrintWriter err, String[] args) {
        Set<String> names = needed(args);
        int first = firstWordAt(args);
        if (names.size() == 1 && first < args.length && names.contains(args[first])) {
            List<String> rest = new ArrayList<>(List.of(args));
            rest.remove(first);
            return new Invocation(configured(new CommandLine(make(args[first])), out, err), rest);
        }
        CommandLine cmd = commandLine(out, err, names);
        return new Invocation(cmd, List.of(Arguments.commandFirst(args, cmd)));
    }

    /** Where the first word is that is neither an option nor an option's value; args.length when there is none. */
    static int firstWordAt(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-") && !args[i].equals("--")) {
            i += WITH_VALUE.contains(args[i]) ? 2 : 1;
        }
        return Math.min(i, args.length);
    }

    /**
     * The commands to build: every one for help (also -h in a cluster such as -hV, and an @file,
     * whose words picocli reads), else the one named, else none ('chainrule FILE').
     */
    static Set<String> needed(String[] args) {
        for (String a : args) {
            if (a.equals("--")) break;
            boolean shortOptions = a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-';
            if (a.equals("help") || a.equals("--help") || shortOptions && a.indexOf('h') > 0 || a.startsWith("@")) {
                return Set.copyOf(COMMANDS);
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (COMMANDS.contains(args[i]) && (i == 0 || !WITH_VALUE.contains(args[i - 1]))) return Set.of(args[i]);
            if (args[i].equals("--")) break;
        }
        return Set.of();
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, Set<String> names) {
        CommandLine cmd = new CommandLine(new RunCommand().spec);
        for (String name : COMMANDS) {
            if (names.contains(name)) cmd.addSubcommand(name, make(name));
        }
        return configured(cmd, out, err);
    }

    private static CommandLine configured(CommandLine cmd, PrintWriter out, PrintWriter err) {
        cmd.setUsageHelpWidth(100);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOverwrittenOptionsAllowed(true); // an option given twice: the last one counts
        return cmd;
    }

    /** 'chainrule FILE', and 'chainrule' alone. */
    static final class RunCommand implements Callable<Integer> {
        final CommandSpec spec = Specs.command(this, "chainrule",
                "Symbolic derivatives of neural-network equations: shape-checked, simplified, verified.",
                "With a FILE, do every request in it (derive, claim, a bare expression), each derivative checked with finite differences; with nothing, start the REPL. Options may stand before or after the command and its FILE; FILE '-' is standard input. 'chainrule help COMMAND' (or COMMAND --help) lists every option of a command.");
        private final CommonOptions common;

        RunCommand() {
            spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(UsageMessageSpec.keyValuesMap(
                    "0:all went well",
                    "1:a claim is not correct, or a numeric check failed",
                    "2:bad input or usage: FILE:LINE:COL: error: ... on standard error",
                    "3:an internal fault (a bug in chainrule: please report it)"));
            spec.addPositional(Specs.file("0..1", Specs.FILE));
            common = CommonOptions.addTo(spec);
            Specs.standardHelp(spec,
                    "  chainrule test-cases/seeds/003_mnist_sigmoid_softmax.nn",
                    "  chainrule derive net.nn --wrt W1,b1 --steps",
                    "  chainrule --format json check net.nn",
                    "  chainrule help derive");
        }

        @Override
        public Integer call() throws java.io.IOException {
            String file = Specs.positional(spec, 0);
            if (file == null) return ReplCommand.start(null, common); // 'chainrule' alone: the REPL (SPEC §4)
            return FileRunner.run(file, common);
        }
    }
}
