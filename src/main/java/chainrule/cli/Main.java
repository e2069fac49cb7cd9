package chainrule.cli;

import chainrule.source.ChainRuleException;
import java.io.PrintWriter;
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

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        AtomicInteger status = new AtomicInteger(INTERNAL);
        Thread worker = new Thread(null, () -> status.set(execute(args, out, err)), "chainrule", STACK);
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
            CommandLine cmd = Commands.commandLine(out, err);
            cmd.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, output));
            cmd.setParameterExceptionHandler((ex, a) -> {
                output.usageError(ex.getMessage() + "; see 'chainrule --help'");
                return BAD_INPUT;
            });
            return cmd.execute(args);
        } catch (RuntimeException | Error e) {
            return failure(e, output);
        }
    }

    private static int failure(Throwable failure, Output output) {
        try {
            throw failure;
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
