package chainrule.source;

/**
 * The computation under way was stopped (Ctrl-C in the REPL interrupts the thread doing it).
 * The engine's long loops call {@link #check()}; the REPL answers "interrupted" and goes on.
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
