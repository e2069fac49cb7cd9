package chainrule.source;

/**
 * The work under way was stopped from outside (the web server's time limit): thrown by the long
 * loops of the differentiator, the simplifier and the evaluator when their thread is interrupted.
 */
public final class Cancelled extends RuntimeException {
    public Cancelled() {
        super("stopped", null, false, false);
    }

    /** Throws when the current thread has been asked to stop; the interrupt stays set for the caller. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) throw new Cancelled();
    }
}
