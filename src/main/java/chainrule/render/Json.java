package chainrule.render;

import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.diff.Step;
import chainrule.eval.CheckResult;
import chainrule.eval.Values;
import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Shape;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The JSON of SPEC §4: each object with its keys in a fixed order, written indented. The command
 * line prints it and the web server answers it, so the two are the same bytes.
 */
public final class Json {
    private Json() {}

    /** Made at the first JSON written, not when text output asks Json a question: Jackson takes a while to start. */
    private static final class Mapper {
        static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The document as printed, with its final newline. */
    public static String write(Object value) {
        try {
            return Mapper.INDENTED.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One derivative of 'derive': steps with chain, value with --at values, check with --check. */
    public static Map<String, Object> derivative(Answer a, Text text, boolean chain, CheckResult c, RealMatrix value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("of", a.of());
        m.put("wrt", a.wrt().name());
        m.put("kind", a.kind());
        // with --at values every dimension has a size: give the numbers
        m.put("shape", value != null ? List.of(value.getRowDimension(), value.getColumnDimension()) : shape(a.shape()));
        // what a long answer repeats is named once, as in the text listing (see Sharing)
        // in the order a reader meets them, so that each definition comes before its first use
        List<Step> chainSteps = chain ? a.allSteps().subList(0, a.allSteps().size() - 1) : List.of();
        List<Expr> roots = new ArrayList<>();
        for (Step s : chainSteps) roots.add(s.value());
        roots.add(a.expression());
        Sharing.Written w = Sharing.name(roots, new java.util.HashSet<>(text.fileNames()));
        if (!w.lets().isEmpty()) {
            List<Map<String, Object>> lets = new ArrayList<>();
            for (int i = 0; i < roots.size(); i++) {
                // the step (or, last, the answer) that is the first to use it, before which it is shown
                String usedBy = text.derivativeName(i < chainSteps.size() ? chainSteps.get(i).name()
                        : chainrule.expr.Ex.derivative(a.ofExpr(), a.wrt()));
                lets.addAll(definitions(w.introducedBy(i), text, usedBy));
            }
            m.put("definitions", lets);
        }
        Expr answer = w.exprs().get(chainSteps.size());
        m.put("expression", text.render(answer));
        m.put("latex", Latex.render(answer));
        m.put("latexName", Latex.derivativeName(chainrule.expr.Ex.derivative(a.ofExpr(), a.wrt())));
        if (independent(a)) m.put("note", independence(a));
        if (chain) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int i = 0; i < chainSteps.size(); i++) {
                Step s = chainSteps.get(i);
                Expr written = w.exprs().get(i);
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("name", text.derivativeName(s.name()));
                st.put("expression", text.render(written));
                st.put("shape", shape(s.value().shape()));
                st.put("latexName", Latex.derivativeName(s.name()));
                st.put("latex", Latex.render(written));
                steps.add(st);
            }
            m.put("steps", steps);
        }
        if (value != null) m.put("value", rows(value));
        if (c != null) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("passed", c.passed());
            check.put("maxRelError", c.maxRelError());
            check.put("points", c.points());
            m.put("check", check);
        }
        return m;
    }

    /** Names and what they stand for (see {@link Sharing}); usedBy: the step they come before, if any. */
    private static List<Map<String, Object>> definitions(List<Sharing.Let> lets, Text text, String usedBy) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Sharing.Let let : lets) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", let.name().name());
            d.put("expression", text.render(let.value()));
            d.put("shape", shape(let.value().shape()));
            d.put("latexName", Latex.render(let.name()));
            d.put("latex", Latex.render(let.value()));
            if (usedBy != null) d.put("firstUsedBy", usedBy);
            out.add(d);
        }
        return out;
    }

    /** "L does not depend on W"; for a Hessian, "the gradient of L does not depend on w" (L may well depend on it). */
    public static String independence(Answer a) {
        String of = a.kind().equals("hessian") ? "the gradient of " + a.of() : a.of();
        return of + " does not depend on " + a.wrt().name();
    }

    public static boolean independent(Answer a) {
        return a.expression() instanceof Expr.Zero;
    }

    public static Map<String, Object> claim(ClaimResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", r.line());
        m.put("text", r.text());
        m.put("verdict", r.verdict().word);
        m.put("message", r.message());
        m.put("expected", r.expected());
        if (r.firstWrongStep() != null) m.put("firstWrongStep", r.firstWrongStep());
        return m;
    }

    /** A bare expression of a file, simplified. */
    public static Map<String, Object> shown(int line, Expr e, Text text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", line);
        Sharing.Written w = Sharing.name(List.of(e), new java.util.HashSet<>(text.fileNames()));
        if (!w.lets().isEmpty()) m.put("definitions", definitions(w.lets(), text, null));
        m.put("expression", text.render(w.exprs().get(0)));
        m.put("shape", shape(e.shape()));
        m.put("latex", Latex.render(w.exprs().get(0)));
        return m;
    }

    public static Map<String, Object> shapes(Program p) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ShapeTable.Row r : ShapeTable.rows(p)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("shape", shape(r.shape()));
            m.put("origin", r.origin());
            m.put("line", r.line());
            list.add(m);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("shapes", list);
        top.put("dims", new ArrayList<>(p.dims()));
        top.put("notes", p.notes());
        return top;
    }

    public static Map<String, Object> values(Map<String, RealMatrix> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, rows(v)));
        return Map.of("values", out);
    }

    /** A value as an array of rows, whatever its shape (SPEC §4). */
    public static List<List<Double>> rows(RealMatrix m) {
        return Values.rows(m);
    }

    public static List<Object> shape(Shape s) {
        return List.of(dim(s.rows()), dim(s.cols()));
    }

    static Object dim(Dim d) {
        return d.isConstant() ? (Object) d.constant() : d.toString();
    }

    /** {"error": {...}}, with "all" listing every message when there are several. */
    public static Map<String, Object> error(ChainRuleException e) {
        Map<String, Object> error = problem(e.first());
        if (e.problems().size() > 1) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Problem q : e.problems()) all.add(problem(q));
            error.put("all", all);
        }
        return Map.of("error", error);
    }

    /** Always the same keys, so scripts can read them: a place that is not known is null. */
    public static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean placed = p.span() != null && p.span().known();
        m.put("kind", p.kind().json());
        m.put("file", p.source() == null ? null : p.source().name());
        m.put("line", placed ? p.span().line() : null);
        m.put("col", placed ? p.span().col() : null);
        m.put("message", p.message());
        return m;
    }

    /** An error with no place and no file: an internal fault, or work stopped. */
    public static Map<String, Object> error(String kind, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("kind", kind);
        error.put("file", null);
        error.put("line", null);
        error.put("col", null);
        error.put("message", message);
        return Map.of("error", error);
    }
}
