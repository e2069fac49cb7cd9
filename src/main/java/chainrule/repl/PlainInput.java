package chainrule.repl;

import chainrule.parse.Parse;
import java.io.BufferedReader;
import java.io.IOException;

/** Statements from plain lines with no terminal: 'chainrule repl < session.txt', tests, scripts. */
public final class PlainInput implements Input {
    public static final String NAME = "<stdin>";

    private final BufferedReader lines;
    /** A line read ahead that begins a new statement, and its number. */
    private String pending;
    private int read, pendingLine, line;

    public PlainInput(BufferedReader lines) {
        this.lines = lines;
    }

    private String take() throws IOException {
        if (pending != null) {
            String p = pending;
            pending = null;
            line = pendingLine;
            return p;
        }
        String l = lines.readLine();
        if (l != null) line = ++read;
        return l;
    }

    @Override
    public String next() throws IOException {
        String first = take();
        if (first == null) return null;
        if (first.strip().startsWith(":")) return first.strip();
        StringBuilder statement = new StringBuilder(first);
        while (Parse.openBrackets(statement.toString()) > 0) {
            String more = lines.readLine();
            if (more == null) break; // the parser says which bracket is left open
            read++;
            if (Continuation.beginsStatement(more)) {
                pending = more;
                pendingLine = read;
                break;
            }
            statement.append('\n').append(more);
        }
        return statement.toString();
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
        return false;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
