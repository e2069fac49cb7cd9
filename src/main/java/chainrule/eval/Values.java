package chainrule.eval;

import chainrule.expr.Dim;
import chainrule.expr.Shape;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Values for {@code --at} (SPEC §4): a JSON object from input names to values, a number for
 * a scalar, a flat array for a column vector, an array of rows for a matrix, and optionally
 * {@code "dims": {"n": 3}}. A size the dims leave open is read off the values where an input's
 * dimension is a symbol (or a symbol plus a number). Every mistake is bad input, naming the input.
 */
public final class Values {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Values() {}

    /** The values of a file: every message names it (VALUES.json:LINE:COL where JSON has a place). */
    public static Point read(Path file, Program program) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChainRuleException(new Problem(ErrorKind.USAGE, new SourceFile(name, ""), Span.NONE, "no such file"));
        } catch (IOException e) {
            throw new ChainRuleException(new Problem(ErrorKind.USAGE, new SourceFile(name, ""), Span.NONE,
                    "cannot read it" + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        return read(new SourceFile(name, text), program);
    }

    /** The values of a values file already read: every message names it (VALUES.json:LINE:COL where JSON has a place). */
    public static Point read(SourceFile source, Program program) {
        String text = source.text();
        try {
            return parse(text, program, source);
        } catch (ChainRuleException e) {
            List<Problem> named = new ArrayList<>();
            for (Problem q : e.problems()) named.add(q.source() != null ? q : new Problem(q.kind(), source, Span.NONE, q.message()));
            throw new ChainRuleException(named);
        }
    }

    public static Point parse(String json, Program program) {
        return parse(json, program, null);
    }

    /** source: the values file, where a JSON syntax error is pointed at; null for none. */
    private static Point parse(String json, Program program, SourceFile source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            if (source != null && at != null && at.getLineNr() > 0 && at.getColumnNr() > 0) {
                throw ChainRuleException.at(ErrorKind.VALUE, source, span(json, at.getLineNr(), at.getColumnNr()),
                        "the values are not valid JSON: " + JsonMistakes.describe(e.getOriginalMessage()));
            }
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw bad("the values are not valid JSON" + where + ": " + JsonMistakes.describe(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) throw bad("the values must be a JSON object from input names to values");

        Map<String, Long> sizes = new TreeMap<>();
        Map<String, RealMatrix> given = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals("dims") && field.getValue().isObject() && !program.inputs().containsKey("dims")) {
                readDims(field.getValue(), program, sizes);
            } else if (program.inputs().containsKey(name)) {
                given.put(name, matrix(name, field.getValue()));
            } else if (program.byName().containsKey(name)) {
                throw bad(name + " is a definition, not an input: its value follows from the inputs");
            } else {
                throw bad("the values name " + name + ", which is not an input of the file");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Program.Input in : program.inputs().values()) {
            if (!given.containsKey(in.name())) missing.add(in.name() + " (" + in.shape() + ")");
        }
        if (!missing.isEmpty()) throw bad("no value for the input" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));

        inferSizes(program, given, sizes);
        for (Program.Input in : program.inputs().values()) checkShape(in, given.get(in.name()), sizes);
        Limits.check(program, sizes);
        return new Point(sizes, given);
    }

    private static Span span(String text, int line, int col) {
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) start = text.indexOf('\n', start) + 1;
        int at = Math.max(0, Math.min(text.length(), start + col - 1));
        return new Span(line, col, at, Math.min(text.length(), at + 1));
    }

    /** A JSON array of rows for each matrix, so a column vector is [[1], [2]] and a scalar [[5]]. */
    public static List<List<Double>> rows(RealMatrix m) {
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < m.getRowDimension(); i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < m.getColumnDimension(); j++) {
                double v = m.getEntry(i, j);
                row.add(Double.isFinite(v) ? v : null); // JSON has no NaN or infinity
            }
            out.add(row);
        }
        return out;
    }

    private static void readDims(JsonNode dims, Program program, Map<String, Long> sizes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = dims.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> d = it.next();
            if (!symbols(program).contains(d.getKey())) throw bad("dims: " + d.getKey() + " is not a dimension of the file");
            JsonNode v = d.getValue();
            if (!v.canConvertToExactIntegral() || !v.isNumber() || v.asLong() < 1) {
                throw bad("dims: " + d.getKey() + " must be a whole number of at least 1, not " + v);
            }
            sizes.put(d.getKey(), v.asLong());
        }
    }

    private static TreeSet<String> symbols(Program program) {
        TreeSet<String> all = new TreeSet<>(program.dims());
        for (Program.Input in : program.inputs().values()) {
            all.addAll(in.shape().rows().symbols());
            all.addAll(in.shape().cols().symbols());
        }
        return all;
    }

    /** Fixes sizes from the values where a dimension is a*s + c with one open symbol s. */
    private static void inferSizes(Program program, Map<String, RealMatrix> given, Map<String, Long> sizes) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Program.Input in : program.inputs().values()) {
                RealMatrix m = given.get(in.name());
                progress |= solve(in.shape().rows(), m.getRowDimension(), sizes);
                progress |= solve(in.shape().cols(), m.getColumnDimension(), sizes);
            }
        }
        List<String> open = symbols(program).stream().filter(s -> !sizes.containsKey(s)).toList();
        if (!open.isEmpty()) {
            throw bad("the values leave the size of " + String.join(", ", open) + " open: add \"dims\": {\""
                    + open.get(0) + "\": ...}");
        }
    }

    private static boolean solve(Dim d, long actual, Map<String, Long> sizes) {
        List<String> open = d.symbols().stream().filter(s -> !sizes.containsKey(s)).toList();
        if (open.size() != 1) return false;
        String s = open.get(0);
        Long a = d.terms().get(List.of(s));
        if (a == null || d.terms().keySet().stream().anyMatch(m -> m.contains(s) && !m.equals(List.of(s)))) return false;
        // d = a*s + rest, where rest is known
        Map<List<String>, Long> rest = new LinkedHashMap<>(d.terms());
        rest.remove(List.of(s));
        long value = actual - new Dim(rest).evaluate(sizes);
        if (value % a != 0 || value / a < 1) return false; // the shape check says what is wrong
        sizes.put(s, value / a);
        return true;
    }

    private static void checkShape(Program.Input in, RealMatrix m, Map<String, Long> sizes) {
        Shape s = in.shape();
        if (Matrices.hasShape(m, s, sizes)) return;
        String declared = s.toString();
        String here = Matrices.rows(s, sizes) + " x " + Matrices.cols(s, sizes);
        StringBuilder msg = new StringBuilder(in.name()).append(" is ").append(declared).append(" in the file");
        if (!declared.equals(here)) {
            msg.append(" (").append(here).append(" with ");
            List<String> assignments = new ArrayList<>();
            for (String sym : new TreeSet<>(s.rows().symbols())) assignments.add(sym + " = " + sizes.get(sym));
            for (String sym : new TreeSet<>(s.cols().symbols())) {
                if (!s.rows().symbols().contains(sym)) assignments.add(sym + " = " + sizes.get(sym));
            }
            msg.append(String.join(", ", assignments)).append(')');
        }
        msg.append(" but the values give ").append(Matrices.dims(m));
        if (Matrices.rows(s, sizes) == 1 && m.getColumnDimension() == 1 && m.getRowDimension() == Matrices.cols(s, sizes)) {
            msg.append(" (a row vector is written as an array of one row, [[...]])");
        }
        throw bad(msg.toString());
    }

    private static RealMatrix matrix(String name, JsonNode v) {
        if (v.isNumber()) return Matrices.scalar(v.asDouble());
        if (!v.isArray() || v.isEmpty()) throw bad(notAValue(name, v));
        if (allNumbers(v)) {
            double[][] column = new double[v.size()][1];
            for (int i = 0; i < v.size(); i++) column[i][0] = v.get(i).asDouble();
            return new Array2DRowRealMatrix(column, false);
        }
        int cols = -1;
        double[][] rows = new double[v.size()][];
        for (int i = 0; i < v.size(); i++) {
            JsonNode row = v.get(i);
            if (!row.isArray() || row.isEmpty() || !allNumbers(row)) throw bad(notAValue(name, v));
            if (cols >= 0 && row.size() != cols) {
                throw bad(name + ": the rows of a matrix must be equally long, but row 1 has " + cols
                        + " entries and row " + (i + 1) + " has " + row.size());
            }
            cols = row.size();
            rows[i] = new double[cols];
            for (int j = 0; j < cols; j++) rows[i][j] = row.get(j).asDouble();
        }
        return new Array2DRowRealMatrix(rows, false);
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode e : array) if (!e.isNumber()) return false;
        return true;
    }

    private static String notAValue(String name, JsonNode v) {
        String shown = v.toString();
        if (shown.length() > 60) shown = shown.substring(0, 57) + "...";
        return name + ": " + shown + " is not a value (a number, an array of numbers for a column vector, "
                + "or an array of rows for a matrix)";
    }

    private static ChainRuleException bad(String message) {
        return new ChainRuleException(new Problem(ErrorKind.VALUE, null, null, message));
    }
}
