package chainrule.cli;

import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/** Where answers and errors go, in the format asked for. */
public final class Output {
    /** Made on first use: Jackson takes a while to load, and text output never needs it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

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

    public PrintWriter out() {
        return out;
    }

    public void error(ChainRuleException e) {
        if (e.problems().isEmpty()) e = Loader.usage("bad input");
        if (json) {
            Problem p = e.first();
            Map<String, Object> error = problemJson(p);
            if (e.problems().size() > 1) {
                List<Map<String, Object>> all = new ArrayList<>();
                for (Problem q : e.problems()) all.add(problemJson(q));
                error.put("all", all);
            }
            printJson(Map.of("error", error));
        } else {
            err.println(e.render());
        }
    }

    /** Always the same keys, so scripts can read them: a place that is not known is null. */
    static Map<String, Object> problemJson(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean placed = p.span() != null && p.span().known();
        m.put("kind", p.kind().json());
        m.put("file", p.source() == null ? null : p.source().name());
        m.put("line", placed ? p.span().line() : null);
        m.put("col", placed ? p.span().col() : null);
        m.put("message", p.message());
        return m;
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
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("kind", "internal");
            error.put("file", null);
            error.put("line", null);
            error.put("col", null);
            error.put("message", message);
            printJson(Map.of("error", error));
        } else {
            err.println("chainrule: " + message);
        }
    }

    /**
     * A number as text shows it, the same in every locale: whole numbers as such, others to 10
     * significant digits with no trailing zeros (2.7, not 2.6999999999999997), 1.5e-12 beyond.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 15) return d.toPlainString();
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /** A matrix as [a, b; c, d], a scalar as its number. */
    public static String matrix(RealMatrix m) {
        if (m.getRowDimension() == 1 && m.getColumnDimension() == 1) return number(m.getEntry(0, 0));
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < m.getRowDimension(); i++) {
            if (i > 0) out.append("; ");
            for (int j = 0; j < m.getColumnDimension(); j++) {
                if (j > 0) out.append(", ");
                out.append(number(m.getEntry(i, j)));
            }
        }
        return out.append(']').toString();
    }

    public void printJson(Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
