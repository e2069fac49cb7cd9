package chainrule.cli;

/**
 * How the process ends. System.exit first looks up and asks a System.Logger whether to log the
 * exit (Runtime.exit's logging), which starts the JDK's logging machinery: a few milliseconds of
 * every run. A command that registers no shutdown hook ends by Runtime.halt once its output is
 * flushed, which skips only the hooks; the REPL and serve, which have hooks (the terminal's, the
 * server's), end by System.exit.
 */
final class Exit {
    private static volatile boolean hooks;

    private Exit() {}

    /** The command that runs has shutdown hooks (or a library it uses may): end by System.exit. */
    static void runHooks() {
        hooks = true;
    }

    static void now(int status) {
        System.out.flush();
        System.err.flush();
        if (hooks) System.exit(status);
        Runtime.getRuntime().halt(status);
    }
}
