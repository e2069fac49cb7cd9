package chainrule.cli;

import chainrule.source.ChainRuleException;
import chainrule.source.Limits;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/**
 * Entry point. Runs the command on a thread with a deep stack, so that deeply nested input is
 * answered instead of overflowing, and turns every failure into a message and an exit status
 * (SPEC §4: 0 fine, 1 a claim or check failed, 2 bad input, 3 an internal fault).
 */
public final class Main {
    public static final int OK = 0, FAILED = 1, BAD_INPUT = 2, INTERNAL = 3;
    private static final long STACK = 1L << 30;

    private Main() {}

    /** Set by a command that has shutdown hooks (the REPL's terminal, serve's server): see {@link #main}. */
    private static volatile boolean hooks;

    /**
     * Runs the command and ends the process with its status. System.exit first looks up and asks a
     * System.Logger whether to log the exit (Runtime.exit's logging), which starts the JDK's logging:
     * a few milliseconds of every run. A command without shutdown hooks ends by Runtime.halt once its
     * output is flushed, which skips only the hooks; the REPL and serve end by System.exit.
     */
    public static void main(String[] args) {
        int status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.out.flush();
        System.err.flush();
        if (hooks) System.exit(status);
        Runtime.getRuntime().halt(status);
    }

    /** The command that runs has shutdown hooks (or a library it uses may): the process ends by System.exit. */
    static void runHooksAtExit() {
        hooks = true;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        AtomicInteger status = new AtomicInteger(INTERNAL);
        Thread worker = new Thread(null, () -> status.set(execute(args, out, err)), "chainrule", STACK);
        // the last guard: whatever escapes is still one line, never a stack trace
        worker.setUncaughtExceptionHandler((t, e) -> {
            err.println("chainrule: internal error: " + e.getClass().getSimpleName()
                    + "; this is a bug in chainrule, please report it with the input that caused it");
            status.set(INTERNAL);
        });
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        return status.get();
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Output output = Output.detect(args, out, err);
        try {
            Commands.Invocation invocation = Commands.invocation(out, err, args);
            CommandLine cmd = invocation.commandLine();
            cmd.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, output));
            cmd.setParameterExceptionHandler((ex, parsedArgs) -> {
                output.usageError(usageMessage(ex, args) + "; see 'chainrule --help'"); // the words as typed
                return BAD_INPUT;
            });
            cmd.setExecutionStrategy(parsed -> {
                try {
                    CommonOptions common = common(parsed);
                    Limits.use(common == null ? Limits.DEFAULT : common.limits());
                    chainrule.eval.Limits.setMaxEntries(common == null ? chainrule.eval.Limits.DEFAULT_MAX_ENTRIES : common.maxEntries());
                } catch (ChainRuleException e) {
                    return failure(e, output);
                }
                return new CommandLine.RunLast().execute(parsed);
            });
            return cmd.execute(invocation.args().toArray(new String[0]));
        } catch (RuntimeException | Error e) {
            return failure(e, output);
        }
    }

    /** The common options of the command that runs (the last one named), null for help. */
    private static CommonOptions common(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) last = last.subcommand();
        CommandLine.Model.CommandSpec common = last.commandSpec().mixins().get("common");
        return common != null && common.userObject() instanceof CommonOptions c ? c : null;
    }

    /** picocli's message, in chainrule's words for the usual mistakes. */
    static String usageMessage(CommandLine.ParameterException ex, String[] args) {
        // 'chainrule derive --frob': picocli names the missing FILE first, but the unknown option is the mistake
        if (ex instanceof CommandLine.MissingParameterException && ex.getCommandLine() != null) {
            List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
            if (!unmatched.isEmpty() && unmatched.get(0).startsWith("-")) ex = new CommandLine.UnmatchedArgumentException(ex.getCommandLine(), unmatched);
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            var unmatched = u.getUnmatched();
            if (!unmatched.isEmpty() && unmatched.get(0).startsWith("-")) {
                String suggestion = u.getSuggestions().isEmpty() ? "" : " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
                return "unknown option '" + unmatched.get(0) + "'" + suggestion;
            }
            // 'chainrule frob FILE': frob was read as the file of 'chainrule FILE'
            if (args.length > 1 && !args[0].startsWith("-") && !exists(args[0])
                    && !Commands.COMMANDS.contains(args[0])) {
                return unknownCommand(args[0]);
            }
            if (!unmatched.isEmpty()) return "unexpected argument '" + unmatched.get(0) + "'";
        }
        String m = ex.getMessage() == null ? "bad command line" : ex.getMessage();
        // 'chainrule help frob': picocli's "Unknown subcommand 'frob'."
        var help = java.util.regex.Pattern.compile("Unknown subcommand '(.*)'\\.").matcher(m);
        if (help.matches()) return unknownCommand(help.group(1));
        // picocli names Java's types: 'abc' is not a long
        m = m.replaceAll("' is not an? (long|int)$", "' is not a whole number").replaceAll("' is not an? (float|double)$", "' is not a number");
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String unknownCommand(String name) {
        var near = chainrule.expr.Functions.near(name, Commands.COMMANDS);
        return "unknown command '" + name + "'" + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)")
                + "; the commands are " + String.join(", ", Commands.COMMANDS);
    }

    private static boolean exists(String file) {
        try {
            return Files.exists(Path.of(file));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The exit status of a failure, after its message. */
    static int failure(Throwable failure, Output output) {
        try {
            throw failure;
        } catch (chainrule.diff.Unsupported e) {
            output.error(new ChainRuleException(new chainrule.source.Problem(chainrule.source.ErrorKind.UNSUPPORTED, null, null,
                    e.getMessage())));
            return BAD_INPUT;
        } catch (ChainRuleException e) {
            output.error(e);
            return BAD_INPUT;
        } catch (StackOverflowError e) {
            output.usageError("the input is nested too deeply to read");
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            output.usageError("the input is too large to handle in this much memory");
            return BAD_INPUT;
        } catch (Throwable e) {
            output.internal(e);
            return INTERNAL;
        }
    }
}
