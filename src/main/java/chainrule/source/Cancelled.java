package chainrule.source;

/**
 * The work under way was stopped from outside: Ctrl-C in the REPL interrupts the thread doing it,
 * and the web server's time limit interrupts its worker. The long loops of the differentiator, the
 * simplifier and the evaluator call {@link #check()}; the REPL answers "interrupted" and goes on.
 */
public final class Cancelled extends RuntimeException {
    public Cancelled() {
        super("interrupted", null, false, false);
    }

    /** Throws when the current thread has been interrupted (the flag stays set for whoever catches it). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) throw new Cancelled();
    }
}
