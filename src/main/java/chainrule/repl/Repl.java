package chainrule.repl;

import chainrule.app.Answering;
import chainrule.app.Printing;
import chainrule.app.Request;
import chainrule.app.Result;
import chainrule.app.SourceFiles;
import chainrule.render.Listing;
import chainrule.shape.Program;
import chainrule.source.Cancelled;
import chainrule.source.ChainRuleException;
import chainrule.source.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Console;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The read-answer loop (SPEC §5): statements go to the {@link Session}, lines starting with ':'
 * are commands. With a person at a terminal it greets and always exits 0; with piped input it
 * prints only the answers, and its exit status says whether all went well (0), a claim or a
 * check failed (1), or a statement was bad input (2), as the command line's does.
 */
public final class Repl {
    public static final int OK = 0, FAILED = 1, BAD_INPUT = 2;

    /** The stack of a thread that works on a statement: deep expressions recurse deeply (as Main's). */
    private static final long STACK = 1L << 30;

    private final Session session;
    private final Printer printer;
    /** The session's statements with the last derive request, which :codegen writes as Python. */
    private chainrule.shape.Program lastDerived;
    private int status = OK;
    private boolean quit;
    /** The thread working on a statement at a terminal, which Ctrl-C interrupts; null when there is none. */
    private Thread worker;
    /**
     * Ctrl-C came after a line was read but before its thread started: that thread is stopped
     * as soon as it starts, so the statement says "interrupted" rather than running on.
     */
    private boolean stopNext;
    private final Object workerLock = new Object();

    public Repl(Session session, Printer printer) {
        this.session = session;
        this.printer = printer;
    }

    /**
     * 'chainrule repl [FILE]': JLine when a person is at a terminal, plain lines otherwise.
     * out and err are used when there is no terminal.
     */
    public static int start(String file, Format format, long seed, PrintWriter out, PrintWriter err) throws IOException {
        Session session = new Session(seed);
        if (interactiveTerminal()) {
            try (TerminalInput in = TerminalInput.open(session::program, history())) {
                PrintWriter screen = in.writer();
                Repl repl = new Repl(session, new Printer(screen, screen, format));
                in.onInterrupt(repl::interrupt);
                repl.greet();
                if (file != null) repl.command(":load " + file);
                repl.loop(in);
                return OK;
            }
        }
        Reader stdin = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        return run(file, new BufferedReader(stdin), format, seed, out, err);
    }

    /** A session over plain lines, as with a pipe: what tests and scripts drive. */
    public static int run(String file, BufferedReader lines, Format format, long seed, PrintWriter out, PrintWriter err)
            throws IOException {
        Repl repl = new Repl(new Session(seed), new Printer(out, err, format));
        if (file != null) repl.command(":load " + file);
        repl.loop(new PlainInput(lines));
        return repl.status;
    }

    /** Whether standard input and output are a terminal a person types in. */
    static boolean interactiveTerminal() {
        Console console = System.console();
        if (console == null) return false;
        try {
            Method isTerminal = Console.class.getMethod("isTerminal"); // Java 22+: a console may be a pipe
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    /** $HOME/.chainrule_history (Java's user.home where HOME is not set), or CHAINRULE_HISTORY (a path, or 'none' for no history). */
    static Path history() {
        return history(System.getenv());
    }

    static Path history(Map<String, String> env) {
        String chosen = env.get("CHAINRULE_HISTORY");
        if (chosen != null && !chosen.isBlank()) return chosen.equals("none") ? null : Path.of(chosen);
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".chainrule_history");
    }

    /** Ctrl-C while a statement is worked on: stop that work, keep the session. */
    void interrupt() {
        synchronized (workerLock) {
            if (worker != null) worker.interrupt();
            else stopNext = true;
        }
    }

    void greet() {
        printer.say("chainrule REPL: type statements as in a problem file; :help for help, :quit or Ctrl-D to leave.");
    }

    void loop(Input in) throws IOException {
        while (!quit) {
            synchronized (workerLock) {
                stopNext = false; // a Ctrl-C during a command, or at the prompt (JLine's), stops nothing to come
            }
            String statement = in.next();
            if (statement == null) break;
            String s = statement.strip();
            if (s.startsWith(":") || isCommandWord(s)) {
                command(s);
            } else {
                Session.Origin origin = Session.Origin.typed(in.name(), in.line());
                if (in.interactive()) interruptible(() -> answer(session.submit(statement, origin)));
                else answer(session.submit(statement, origin));
            }
        }
    }

    /**
     * Works on a statement on its own thread, which Ctrl-C interrupts: the engine stops at its
     * next check and the session goes on with nothing lost (a statement stopped is not kept).
     */
    void interruptible(Runnable work) {
        Thread t;
        synchronized (workerLock) {
            // Ctrl-C just after Enter: ours found no worker yet, or JLine's handler, still in place
            // while readLine returns, interrupted this thread; either way it was meant for this statement,
            // which then stops before it starts (interrupting it after start would race a short one)
            boolean stopAtStart = stopNext | Thread.interrupted();
            stopNext = false;
            t = new Thread(null, () -> {
                try {
                    if (stopAtStart) Thread.currentThread().interrupt();
                    Cancelled.check();
                    work.run();
                } catch (Cancelled e) {
                    printer.complain("interrupted");
                }
            }, "chainrule-statement", STACK);
            t.start();
            worker = t;
        }
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                t.interrupt();
            }
        }
        synchronized (workerLock) {
            worker = null;
        }
    }

    /** help, quit and exit typed without the colon, where they are not names of the session. */
    private boolean isCommandWord(String s) {
        return (s.equals("help") || s.equals("quit") || s.equals("exit")) && !session.program().has(s);
    }

    private void answer(Reply r) {
        printer.print(r);
        switch (r) {
            case Reply.Failed f -> status = Math.max(status, BAD_INPUT);
            case Reply.Answered a -> {
                if (a.derived()) lastDerived = a.result().program();
                if (a.result().status() != Result.OK) status = Math.max(status, FAILED);
            }
            case Reply.Nothing n -> { }
            case Reply.Kept k -> { }
        }
    }

    void command(String line) {
        String s = line.startsWith(":") ? line.substring(1).strip() : line.strip();
        int space = s.indexOf(' ');
        String name = space < 0 ? s : s.substring(0, space);
        String arg = space < 0 ? "" : s.substring(space + 1).strip();
        switch (name) {
            case "help", "h", "?" -> printer.say(Help.text());
            case "shapes" -> shapes();
            case "defs" -> defs();
            case "load", "l" -> load(arg);
            case "reset" -> {
                session.reset();
                printer.say("session cleared");
            }
            case "format", "f" -> format(arg);
            case "codegen" -> codegen(arg);
            case "eval" -> eval(arg);
            case "quit", "q", "exit" -> quit = true;
            default -> {
                String near = Help.nearest(":" + name);
                printer.complain("unknown command :" + name + (near == null ? "" : " (did you mean " + near + "?)")
                        + "; :help lists the commands");
                status = Math.max(status, BAD_INPUT);
            }
        }
    }

    /** The listing of 'chainrule shapes', each name at the line it was typed at (or stands at in a loaded file). */
    private void shapes() {
        Program p = session.program();
        if (p.inputs().isEmpty() && p.definitions().isEmpty() && p.functions().isEmpty()) {
            printer.say("no names yet");
            return;
        }
        Listing listing = new Listing(Printing.text(p, false));
        listing.shapes(p, session::placed);
        printer.out().print(listing);
        printer.out().flush();
    }

    private void defs() {
        List<Session.Entry> entries = session.entries();
        if (entries.isEmpty()) printer.say("nothing declared or defined yet");
        for (Session.Entry e : entries) printer.say(e.text());
    }

    private void load(String file) {
        if (file.isEmpty()) {
            printer.complain(":load needs a file: :load FILE");
            status = Math.max(status, BAD_INPUT);
            return;
        }
        SourceFile source;
        try {
            source = SourceFiles.read(unquoted(file));
        } catch (ChainRuleException e) {
            answer(new Reply.Failed(e));
            return;
        }
        List<Reply> replies = session.load(source);
        for (Reply r : replies) answer(r);
        if (replies.stream().noneMatch(r -> r instanceof Reply.Failed)) {
            printer.say("loaded " + file + ": " + session.entries().size() + " statements kept");
        }
    }

    private static String unquoted(String file) {
        boolean quoted = file.length() >= 2 && (file.startsWith("\"") && file.endsWith("\"") || file.startsWith("'") && file.endsWith("'"));
        return quoted ? file.substring(1, file.length() - 1) : file;
    }

    private void format(String word) {
        if (word.isEmpty()) {
            printer.say("format: " + printer.format().word());
            return;
        }
        Format f = Format.of(word);
        if (f == null) {
            printer.complain("no format '" + word + "': :format text, :format latex, :format unicode or :format json");
            status = Math.max(status, BAD_INPUT);
            return;
        }
        printer.format(f);
        printer.say("format: " + f.word());
    }

    private void codegen(String word) {
        chainrule.codegen.Target target = chainrule.codegen.Target.named(word);
        if (target == null) {
            printer.complain(word.isEmpty() ? ":codegen needs a target: :codegen numpy or :codegen torch"
                    : "no target '" + word + "': :codegen numpy or :codegen torch");
            status = Math.max(status, BAD_INPUT);
            return;
        }
        if (lastDerived == null) {
            printer.complain("nothing to generate yet: ask for derivatives first (derive L wrt W), then :codegen " + target.id);
            status = Math.max(status, BAD_INPUT);
            return;
        }
        try {
            printer.result(Answering.answer(new Request.Codegen(lastDerived.source(), target.id, null, null), lastDerived));
        } catch (ChainRuleException e) {
            answer(new Reply.Failed(e));
        } catch (chainrule.diff.Unsupported e) {
            printer.complain(e.getMessage());
            status = Math.max(status, BAD_INPUT);
        }
    }

    /** The values of the session's definitions (or of the names given) at the values of a file, as 'chainrule eval' prints them. */
    private void eval(String arg) {
        if (arg.isEmpty()) {
            printer.complain(":eval needs a values file: :eval VALUES.json [NAME ...]");
            status = Math.max(status, BAD_INPUT);
            return;
        }
        List<String> words = List.of(arg.split("\\s+"));
        try {
            SourceFile at = SourceFiles.read(unquoted(words.get(0)));
            chainrule.shape.Program p = session.program();
            printer.result(Answering.answer(new Request.Eval(p.source(), at, words.subList(1, words.size())), p));
        } catch (ChainRuleException e) {
            answer(new Reply.Failed(e));
        }
    }
}
