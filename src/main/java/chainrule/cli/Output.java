package chainrule.cli;

import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where answers and errors go, in the format asked for. */
public final class Output {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
            if (args[i].equalsIgnoreCase("--format=json")
                    || (args[i].equals("--format") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json"))) {
                json = true;
            }
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

    public void printJson(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
