package chainrule.app;

import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.render.Json;
import chainrule.render.Latex;
import chainrule.render.LatexDocument;
import chainrule.render.Listing;
import chainrule.render.ShapeTable;
import chainrule.render.Text;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A result as the command line prints it and the web server answers it, in each format. */
public final class Printing {
    private Printing() {}

    /** valuesName: how the --at values are named in text ("value at VALUES.json: ..."). */
    public static String print(Result result, Format format, boolean unicode, String valuesName) {
        Program p = result.program();
        Text text = text(p, unicode);
        Listing listing = new Listing(text);
        return switch (result) {
            case Result.Derived d -> switch (format) {
                case LATEX -> LatexDocument.body(p, answers(d.derivatives()));
                case JSON -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (Result.Derivative x : d.derivatives()) list.add(Json.derivative(x.answer(), text, d.steps(), x.check(), x.value()));
                    yield Json.write(Map.of("results", list));
                }
                case TEXT -> {
                    List<chainrule.diff.Step> steps = d.steps() ? List.of() : Engine.stepsOf(answers(d.derivatives()));
                    listing.name(steps, answers(d.derivatives()), d.steps());
                    listing.steps(steps);
                    for (Result.Derivative x : d.derivatives()) listing.answer(x.answer(), d.steps(), x.check(), x.value(), valuesName);
                    yield listing.toString();
                }
            };
            case Result.Checked c -> switch (format) {
                case LATEX -> LatexDocument.body(p, List.of(), c.claims());
                case JSON -> Json.write(Map.of("claims", c.claims().stream().map(Json::claim).toList()));
                case TEXT -> {
                    for (ClaimResult r : c.claims()) listing.claim(r);
                    yield listing.toString();
                }
            };
            case Result.Shapes s -> switch (format) {
                case LATEX -> {
                    StringBuilder out = new StringBuilder("\\begin{aligned}\n");
                    for (ShapeTable.Row r : ShapeTable.rows(p)) {
                        out.append("  ").append(Latex.name(r.name())).append(" &\\in ").append(Latex.space(r.shape())).append(" \\\\\n");
                    }
                    yield out.append("\\end{aligned}\n").toString();
                }
                case JSON -> Json.write(Json.shapes(p));
                case TEXT -> {
                    listing.shapes(p);
                    yield listing.toString();
                }
            };
            case Result.Evaluated e -> switch (format) {
                case JSON -> Json.write(Json.values(e.values()));
                case LATEX -> {
                    StringBuilder out = new StringBuilder("\\begin{aligned}\n");
                    e.values().forEach((k, v) -> out.append("  ").append(Latex.name(k)).append(" &= ").append(latexMatrix(v)).append(" \\\\\n"));
                    yield out.append("\\end{aligned}\n").toString();
                }
                case TEXT -> {
                    e.values().forEach((k, v) -> listing.say(k + " = " + Listing.matrix(v)));
                    yield listing.toString();
                }
            };
            case Result.Latex l -> {
                String latex = l.standalone() ? LatexDocument.standalone(p, l.answers(), l.claims())
                        : LatexDocument.body(p, l.answers(), l.claims());
                yield format == Format.JSON ? Json.write(Map.of("latex", latex)) : latex;
            }
            case Result.Code c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("target", c.target());
                m.put("code", c.code());
                yield format == Format.JSON ? Json.write(m) : c.code();
            }
            case Result.Ran r -> ran(r, format, text, listing);
        };
    }

    /** Each item is written only in the format asked for (the JSON of a derivative renders its LaTeX too). */
    private static String ran(Result.Ran r, Format format, Text text, Listing listing) {
        Program p = r.program();
        List<Answer> answers = new ArrayList<>();
        List<ClaimResult> claims = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>(), claimJson = new ArrayList<>(), shown = new ArrayList<>();
        StringBuilder shownLatex = new StringBuilder();
        for (Result.Item item : r.items()) {
            switch (item) {
                case Result.Item.Derivatives d -> {
                    switch (format) {
                        case LATEX -> answers.addAll(answers(d.derivatives()));
                        case JSON -> {
                            for (Result.Derivative x : d.derivatives()) results.add(Json.derivative(x.answer(), text, false, x.check(), null));
                        }
                        case TEXT -> {
                            List<chainrule.diff.Step> steps = Engine.stepsOf(answers(d.derivatives()));
                            listing.name(steps, answers(d.derivatives()), false);
                            listing.steps(steps);
                            for (Result.Derivative x : d.derivatives()) listing.answer(x.answer(), false, x.check(), null, null);
                        }
                    }
                }
                case Result.Item.Claim c -> {
                    switch (format) {
                        case LATEX -> claims.add(c.result());
                        case JSON -> claimJson.add(Json.claim(c.result()));
                        case TEXT -> listing.claim(c.result());
                    }
                }
                case Result.Item.Shown s -> {
                    switch (format) {
                        case LATEX -> shownLatex.append(chainrule.render.LatexDerivation.shown(p, s.expression()));
                        case JSON -> shown.add(Json.shown(s.line(), s.expression(), text));
                        case TEXT -> listing.shown(s.expression());
                    }
                }
            }
        }
        return switch (format) {
            case LATEX -> LatexDocument.body(p, answers, claims) + shownLatex;
            case JSON -> {
                Map<String, Object> top = new LinkedHashMap<>();
                top.put("results", results);
                top.put("claims", claimJson);
                if (!shown.isEmpty()) top.put("expressions", shown);
                yield Json.write(top);
            }
            case TEXT -> {
                if (r.items().isEmpty()) {
                    listing.say(p.source().name() + ": shapes check; no requests (add 'derive L wrt W' or 'claim d(L)/d(W) = ...')");
                }
                yield listing.toString();
            }
        };
    }

    private static List<Answer> answers(List<Result.Derivative> ds) {
        List<Answer> out = new ArrayList<>(ds.size());
        for (Result.Derivative d : ds) out.add(d.answer());
        return java.util.Collections.unmodifiableList(out);
    }

    public static Text text(Program p, boolean unicode) {
        return Engine.text(p, unicode);
    }

    /** A value as LaTeX: a number, or a bmatrix; 1.5e-12 as 1.5 \times 10^{-12}. */
    private static String latexMatrix(org.apache.commons.math3.linear.RealMatrix m) {
        if (m.getRowDimension() == 1 && m.getColumnDimension() == 1) return latexNumber(m.getEntry(0, 0));
        StringBuilder out = new StringBuilder("\\begin{bmatrix} ");
        for (int i = 0; i < m.getRowDimension(); i++) {
            if (i > 0) out.append(" \\\\ ");
            for (int j = 0; j < m.getColumnDimension(); j++) out.append(j > 0 ? " & " : "").append(latexNumber(m.getEntry(i, j)));
        }
        return out.append(" \\end{bmatrix}").toString();
    }

    private static String latexNumber(double v) {
        String n = Listing.number(v);
        int e = n.indexOf('e');
        if (n.equals("NaN")) return "\\mathrm{NaN}";
        if (n.endsWith("Inf")) return n.startsWith("-") ? "-\\infty" : "\\infty";
        return e < 0 ? n : n.substring(0, e) + " \\times 10^{" + n.substring(e + 1) + "}";
    }
}
