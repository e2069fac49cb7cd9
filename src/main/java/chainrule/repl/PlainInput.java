package chainrule.repl;

import chainrule.parse.Parse;
import java.io.BufferedReader;
import java.io.IOException;

/** Statements from plain lines with no terminal: 'chainrule repl < session.txt', tests, scripts. */
public final class PlainInput implements Input {
    private final BufferedReader lines;

    public PlainInput(BufferedReader lines) {
        this.lines = lines;
    }

    @Override
    public String next() throws IOException {
        String first = lines.readLine();
        if (first == null) return null;
        if (first.strip().startsWith(":")) return first.strip();
        StringBuilder statement = new StringBuilder(first);
        while (Parse.openBrackets(statement.toString()) > 0) {
            String more = lines.readLine();
            if (more == null) break; // the parser says which bracket is left open
            statement.append('\n').append(more);
        }
        return statement.toString();
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
