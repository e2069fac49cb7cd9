package chainrule.eval;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on standard error for a check that takes more than {@value #AFTER_SECONDS} s,
 * rewritten in place each second and wiped when the check ends; only where standard error is
 * a terminal (piped or redirected, it never gets it, whatever standard output is).
 */
public final class TerminalProgress implements Progress {
    static final int AFTER_SECONDS = 2;

    private final String what;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> ticks;
    private volatile int point = 1, of = 1;
    private boolean shown, finished;

    TerminalProgress(String what, PrintStream err) {
        this.what = what;
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "check progress");
            t.setDaemon(true);
            return t;
        });
        long after = Long.getLong("chainrule.progress.after.ms", AFTER_SECONDS * 1000L); // 0 in a test
        this.ticks = timer.scheduleAtFixedRate(this::show, after, 1000, TimeUnit.MILLISECONDS);
    }

    /** A progress line for the check of {@code what}, or none where standard error is not a terminal. */
    public static Progress of(String what) {
        return stderrIsTerminal() ? new TerminalProgress(what, System.err) : NONE;
    }

    /**
     * Whether standard error is a terminal: on Linux, what /proc says file descriptor 2 is; elsewhere,
     * whether the JVM has a console on a terminal (standard input and output: a redirected
     * standard error is not seen there, and Java has no isatty of its own).
     */
    static boolean stderrIsTerminal() {
        java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
        try {
            if (java.nio.file.Files.isSymbolicLink(fd2)) {
                String target = java.nio.file.Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc to ask: as below
        }
        return consoleIsTerminal();
    }

    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // JDK 22+ gives a console even when redirected, and says whether it is a terminal
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void point(int number, int total) {
        point = number;
        of = total;
    }

    synchronized void show() {
        if (finished) return;
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        err.print("\rchecking " + what + ": point " + point + " of " + of + ", " + seconds + " s ");
        err.flush();
        shown = true;
    }

    @Override
    public synchronized void done() {
        if (finished) return;
        finished = true;
        ticks.cancel(false);
        timer.shutdownNow();
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
