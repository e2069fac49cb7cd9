package chainrule.cli;

import chainrule.source.ChainRuleException;
import chainrule.app.Format;
import chainrule.app.Printing;
import chainrule.app.Result;
import chainrule.render.Json;
import chainrule.render.Listing;
import java.io.PrintWriter;
import org.apache.commons.math3.linear.RealMatrix;

/** Where answers and errors go, in the format asked for. */
public final class Output {
    private final boolean json;
    private final PrintWriter out;
    private final PrintWriter err;

    Output(boolean json, PrintWriter out, PrintWriter err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /** Errors must honour --format json even when the command line itself is wrong, so look before parsing. */
    static Output detect(String[] args, PrintWriter out, PrintWriter err) {
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            // the last --format counts, as it does for picocli
            if (args[i].regionMatches(true, 0, "--format=", 0, 9)) json = args[i].substring(9).equalsIgnoreCase("json");
            else if (args[i].equals("--format") && i + 1 < args.length) json = args[i + 1].equalsIgnoreCase("json");
        }
        return new Output(json, out, err);
    }

    public boolean json() {
        return json;
    }

    public PrintWriter err() {
        return err;
    }

    public PrintWriter out() {
        return out;
    }

    public void error(ChainRuleException e) {
        if (e.problems().isEmpty()) e = Loader.usage("bad input");
        if (json) {
            out.print(Json.write(Json.error(e)));
        } else {
            err.println(e.render());
        }
    }

    /** A result in the format asked for; its exit status. */
    public int print(Result r, Format format, boolean unicode, String valuesName) {
        out.print(Printing.print(r, format, unicode, valuesName));
        out.flush();
        return r.status();
    }

    public void usageError(String message) {
        error(Loader.usage(message));
    }

    /** An internal fault (a bug): one line, never a stack trace. */
    public void internal(Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        String where = at == null ? "" : " (at " + at.getClassName().replaceAll(".*\\.", "") + ":" + at.getLineNumber() + ")";
        String message = ("internal error: " + what + where
                + "; this is a bug in chainrule, please report it with the input that caused it").replaceAll("\\s+", " ");
        if (json) {
            out.print(Json.write(Json.error("internal", message)));
        } else {
            err.println("chainrule: " + message);
        }
    }

    /** A number as text shows it, the same in every locale (2.7, not 2.6999999999999997). */
    public static String number(double v) {
        return Listing.number(v);
    }

    /** A matrix as [a, b; c, d], a scalar as its number. */
    public static String matrix(RealMatrix m) {
        return Listing.matrix(m);
    }

    public void printJson(Object value) {
        out.print(Json.write(value));
    }
}
