package chainrule.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

/** Runs a REPL session over plain lines, as a pipe would feed it, and keeps what it printed. */
record ReplSessions(String out, String err, int status) {

    static ReplSessions run(String lines) {
        return run(null, lines);
    }

    static ReplSessions run(String file, String lines) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        try {
            int status = Repl.run(file, new BufferedReader(new StringReader(lines)), Format.TEXT, 1,
                    new PrintWriter(out, true), new PrintWriter(err, true));
            return new ReplSessions(out.toString(), err.toString(), status);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
