package chainrule.repl;

import chainrule.shape.Program;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Statements typed in a terminal, with JLine: line editing, history across sessions, tab completion. */
public final class TerminalInput implements Input {
    static final String PROMPT = "chainrule> ";
    static final String MORE = "       ...> ";

    public static final String NAME = "repl";

    private final Terminal terminal;
    private final LineReader reader;
    /** A line typed after a statement left open, which began a new statement. */
    private String pending;
    private int read, line;
    /** JLine's failures in a row (see next()). */
    private int failures;

    private TerminalInput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /**
     * A terminal on the process's own; JLine's 'exec' provider (stty), which needs no native
     * access and so brings no JVM warnings. history: where to keep it, or null for none.
     */
    public static TerminalInput open(Supplier<Program> program, Path history) throws IOException {
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        Terminal terminal = TerminalBuilder.builder().system(true).provider("exec").name("chainrule").build();
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("chainrule")
                .parser(new StatementParser())
                .completer(new Completion(program))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, MORE)
                .variable(LineReader.HISTORY_SIZE, 2000)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_BRACKET, false);
        if (history != null) builder.variable(LineReader.HISTORY_FILE, history);
        return new TerminalInput(terminal, builder.build());
    }

    public PrintWriter writer() {
        return terminal.writer();
    }

    @Override
    public String next() {
        if (pending != null) {
            String p = pending;
            pending = null;
            line = read;
            return p;
        }
        String typed;
        try {
            typed = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
            read += 1 + (int) e.getPartialLine().chars().filter(c -> c == '\n').count();
            // Ctrl-C drops the line being typed; one pressed just after Enter may land before JLine
            // has taken the line, and the statement would then vanish without a word
            if (!e.getPartialLine().isBlank()) {
                terminal.writer().println("interrupted");
                terminal.writer().flush();
            }
            return "";
        } catch (EndOfFileException e) {
            return null; // Ctrl-D
        } catch (java.io.IOError e) {
            // the 'exec' provider runs stty around each line; Ctrl-C then (just after Enter) kills
            // stty too, and JLine fails: the line is lost, not the session. A terminal that fails
            // again and again is gone, and ends the session.
            if (++failures > 3) throw e;
            terminal.writer().println("interrupted");
            terminal.writer().flush();
            return "";
        }
        failures = 0;
        line = read + 1;
        read += 1 + (int) typed.chars().filter(c -> c == '\n').count();
        int last = typed.lastIndexOf('\n');
        if (!typed.strip().startsWith(":") && StatementParser.endsWithNewStatement(typed)
                && chainrule.parse.Parse.openBrackets(typed.substring(0, last)) > 0) {
            pending = typed.substring(last + 1);
            return typed.substring(0, last);
        }
        return typed;
    }

    /** What Ctrl-C does while no line is being read (while a statement is worked on). */
    public void onInterrupt(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }
}
