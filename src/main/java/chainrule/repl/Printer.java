package chainrule.repl;

import chainrule.diff.Answer;
import chainrule.claim.ClaimResult;
import chainrule.diff.Step;
import chainrule.eval.CheckResult;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Shape;
import chainrule.render.Latex;
import chainrule.render.LatexBlocks;
import chainrule.render.LatexDocument;
import chainrule.render.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the session's replies in the format chosen: answers on out, bad input on err. */
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
            case Reply.Shown s -> shown(s);
            case Reply.Derived d -> derived(d);
            case Reply.Claimed c -> claimed(c.result());
            case Reply.Failed f -> {
                out.flush();
                err.println(f.error().render());
                err.flush();
            }
        }
        out.flush();
    }

    private Text text(chainrule.app.Engine engine) {
        return engine.text(format == Format.UNICODE);
    }

    public String shape(Shape s) {
        return switch (format) {
            case TEXT -> s.toString();
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

    private void shown(Reply.Shown s) {
        for (String note : s.notes()) out.println("note: " + note);
        Expr e = s.expression();
        if (format == Format.LATEX) {
            out.println(Latex.render(e) + " \\in " + shape(e.shape()));
        } else {
            out.println(line(text(s.engine()).render(e), shape(e.shape())));
        }
    }

    private void derived(Reply.Derived d) {
        for (String note : d.notes()) out.println("note: " + note);
        Text text = text(d.engine());
        for (int i = 0; i < d.answers().size(); i++) {
            Answer a = d.answers().get(i);
            Expr.Derivative name = Ex.derivative(a.ofExpr(), a.wrt());
            if (format == Format.LATEX) {
                List<LatexBlocks.Row> rows = new ArrayList<>();
                for (Step s : a.steps()) {
                    rows.add(new LatexBlocks.Row(Latex.derivativeName(s.name()), "=", List.of(Latex.render(s.value())), Latex.space(s.value().shape())));
                }
                rows.add(new LatexBlocks.Row(Latex.derivativeName(name), "=", List.of(Latex.render(a.expression())), Latex.space(a.shape())));
                out.println(LatexDocument.aligned(new LatexBlocks.Display(rows)));
                out.println("% " + a.kind() + ", " + checkLine(d.checks().get(i)));
            } else {
                for (Step s : a.steps()) {
                    out.println(line(text.derivativeName(s.name()) + " = " + text.render(s.value()), shape(s.value().shape())));
                }
                out.println(line(text.derivativeName(name) + " = " + text.render(a.expression()), shape(a.shape()) + "  " + a.kind()));
                out.println("  " + checkLine(d.checks().get(i)));
            }
        }
    }

    static String checkLine(CheckResult c) {
        return chainrule.render.Listing.checkLine(c);
    }

    private void claimed(ClaimResult r) {
        out.println(r.verdict().word + (r.firstWrongStep() != null ? " (step " + r.firstWrongStep() + ")" : "") + ": " + r.message().replace("\n", "\n  "));
    }

    /** An expression and, after some room, its shape, as 'chainrule derive' lines them up. */
    static String line(String left, String shape) {
        return chainrule.render.Listing.line(left, shape);
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
