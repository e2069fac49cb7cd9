package chainrule.repl;

import chainrule.app.Printing;
import chainrule.app.Result;
import chainrule.expr.Shape;
import chainrule.render.Latex;
import chainrule.render.Text;
import java.io.PrintWriter;
import java.util.Set;

/**
 * Writes the session's replies in the format chosen: answers on out, bad input on err. An answer
 * to a request is printed by {@link Printing}, as the command line prints it.
 */
public final class Printer {
    private final PrintWriter out;
    private final PrintWriter err;
    private Format format;

    public Printer(PrintWriter out, PrintWriter err, Format format) {
        this.out = out;
        this.err = err;
        this.format = format;
    }

    public Format format() {
        return format;
    }

    public void format(Format f) {
        this.format = f;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public void print(Reply r) {
        switch (r) {
            case Reply.Nothing n -> { }
            case Reply.Kept k -> kept(k);
            case Reply.Answered a -> {
                for (String note : a.notes()) out.println("note: " + note);
                result(a.result());
            }
            case Reply.Failed f -> {
                out.flush();
                err.println(f.error().render());
                err.flush();
            }
        }
        out.flush();
    }

    /** A result as the command line prints it in this format. */
    public void result(Result r) {
        out.print(Printing.print(r, format.printed(), format == Format.UNICODE, null));
        out.flush();
    }

    public String shape(Shape s) {
        return switch (format) {
            case TEXT, JSON -> s.toString();
            case UNICODE -> new Text(true, Set.of()).shape(s);
            case LATEX -> Latex.space(s);
        };
    }

    private void kept(Reply.Kept k) {
        for (Reply.Named n : k.names()) {
            String name = format == Format.LATEX ? Latex.name(n.name()) : n.name();
            if (n.shape() == null) out.println(name + " : function");
            else out.println(name + (format == Format.LATEX ? " \\in " : " : ") + shape(n.shape()));
        }
        for (String change : k.changes()) out.println("  " + change);
    }

    public void say(String message) {
        out.println(message);
        out.flush();
    }

    public void complain(String message) {
        out.flush();
        err.println(message);
        err.flush();
    }
}
