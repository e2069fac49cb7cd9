package chainrule.serve;

import chainrule.app.Request;
import chainrule.source.SourceFile;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON request body read into an app request: {"source": "...", ...the command's options by
 * their long names}. Anything else (bad JSON, a field of the wrong type, a field the command does
 * not take) is a {@link BadBody} with a message that says what to send.
 */
final class ApiRequest {
    /** The name of the problem in messages and in the JSON error's "file". */
    static final String SOURCE_NAME = "source";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The fields each endpoint takes, in the order its message lists them. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "derive", List.of("source", "of", "wrt", "at", "check", "steps", "seed", "unicode"),
            "check", List.of("source", "claim", "seed", "unicode"),
            "shapes", List.of("source", "unicode"),
            "latex", List.of("source", "standalone", "seed", "unicode"),
            "eval", List.of("source", "at", "names", "unicode"),
            "codegen", List.of("source", "target", "of", "wrt", "unicode"),
            "run", List.of("source", "seed", "unicode"));

    static final class BadBody extends Exception {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }

    /** What was asked, and whether text in it is written with unicode (it changes the "expression" strings). */
    record Parsed(Request request, boolean unicode) {}

    private ApiRequest() {}

    static Parsed parse(String endpoint, String body) throws BadBody {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new BadBody("the request body is not valid JSON" + where + ": "
                    + chainrule.eval.JsonMistakes.describe(e.getOriginalMessage()));
        }
        List<String> allowed = FIELDS.get(endpoint);
        if (root == null || !root.isObject()) {
            throw new BadBody("send a JSON object, {\"source\": \"<problem text>\", ...}; /api/" + endpoint + " takes "
                    + String.join(", ", allowed));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new BadBody("unknown field \"" + f + "\": /api/" + endpoint + " takes " + String.join(", ", allowed));
            }
        }
        if (!root.has("source")) throw new BadBody("\"source\" is missing: send {\"source\": \"<problem text>\"}");
        SourceFile source = new SourceFile(SOURCE_NAME, text(root, "source"));
        long seed = root.has("seed") ? integer(root, "seed") : 1;
        boolean unicode = flag(root, "unicode");
        Request r = switch (endpoint) {
            case "derive" -> new Request.Derive(source, optionalText(root, "of"), names(root, "wrt"), values(root),
                    flag(root, "check"), flag(root, "steps"), seed);
            case "check" -> new Request.Check(source, optionalText(root, "claim"), seed);
            case "shapes" -> new Request.Shapes(source);
            case "run" -> new Request.Run(source, seed);
            case "latex" -> new Request.Latex(source, flag(root, "standalone"), seed);
            case "eval" -> {
                if (!root.has("at")) throw new BadBody("\"at\" is missing: /api/eval needs the inputs' values, {\"at\": {\"x\": [1, 2]}}");
                yield new Request.Eval(source, values(root), names(root, "names"));
            }
            case "codegen" -> {
                if (!root.has("target")) throw new BadBody("\"target\" is missing: /api/codegen needs \"numpy\" or \"torch\"");
                yield new Request.Codegen(source, text(root, "target"), optionalText(root, "of"), names(root, "wrt"));
            }
            default -> throw new IllegalArgumentException(endpoint);
        };
        return new Parsed(r, unicode);
    }

    static Set<String> endpoints() {
        return FIELDS.keySet();
    }

    private static String text(JsonNode root, String field) throws BadBody {
        JsonNode v = root.get(field);
        if (!v.isTextual()) throw new BadBody("\"" + field + "\" must be a string, not " + kind(v));
        return v.textValue();
    }

    private static String optionalText(JsonNode root, String field) throws BadBody {
        return root.has(field) && !root.get(field).isNull() ? text(root, field) : null;
    }

    private static boolean flag(JsonNode root, String field) throws BadBody {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw new BadBody("\"" + field + "\" must be true or false, not " + kind(v));
        return v.booleanValue();
    }

    private static long integer(JsonNode root, String field) throws BadBody {
        JsonNode v = root.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            String not = !v.isNumber() ? kind(v) : v.isIntegralNumber() ? v.asText() + ", which is too large" : v.asText();
            throw new BadBody("\"" + field + "\" must be a whole number, not " + not);
        }
        return v.longValue();
    }

    /** A list of names, or one string of names separated by commas (as --wrt W1,W2 takes them). */
    private static List<String> names(JsonNode root, String field) throws BadBody {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return null;
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            for (String s : v.textValue().split(",")) out.add(s);
            return out;
        }
        if (!v.isArray()) throw new BadBody("\"" + field + "\" must be a list of names, such as [\"W1\", \"b1\"], not " + kind(v));
        for (JsonNode n : v) {
            if (!n.isTextual()) throw new BadBody("\"" + field + "\" must be a list of names (strings), but holds " + kind(n));
            out.add(n.textValue());
        }
        return out;
    }

    /** The --at values: the object itself, handed to the eval stage as JSON text. */
    private static SourceFile values(JsonNode root) throws BadBody {
        JsonNode v = root.get("at");
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw new BadBody("\"at\" must be an object from input names to values, not " + kind(v));
        return new SourceFile("at", v.toString());
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            case BINARY, MISSING, POJO -> "something else";
        };
    }
}
