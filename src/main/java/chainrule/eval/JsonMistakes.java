package chainrule.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in words a user reads (a values file, a request body), from the parser's
 * own message, which names its character codes and its configuration switches.
 */
public final class JsonMistakes {
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\): (.*)", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");

    private JsonMistakes() {}

    public static String describe(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        Matcher u = UNEXPECTED.matcher(m);
        if (u.matches()) return unexpected(u.group(1), u.group(2));
        Matcher t = TOKEN.matcher(m);
        if (t.matches()) {
            return "'" + t.group(1) + "' is not a JSON value (a number, a string in double quotes, an array, an object,"
                    + " true, false or null)";
        }
        Matcher n = NON_STANDARD.matcher(m);
        if (n.matches()) return n.group(1) + " is not a number JSON knows: every value must be a finite number";
        Matcher d = DUPLICATE.matcher(m);
        if (d.matches()) return "\"" + d.group(1) + "\" is given twice";
        if (m.startsWith("Unexpected end-of-input")) {
            String missing = m.contains("close marker for Array") ? ": a ']' is missing"
                    : m.contains("close marker for Object") ? ": a '}' is missing" : "";
            return "the text ends before the JSON does" + missing;
        }
        if (m.startsWith("Trailing token")) return "more text after the JSON value has ended";
        if (m.startsWith("Document nesting depth")) return "arrays and objects are nested more than 1000 deep";
        if (m.contains("Leading zeroes not allowed")) return "a number does not start with 0 in JSON (write 5 or 0.5)";
        // anything else: the parser's words without its character codes and switches
        int hint = m.indexOf(": enable ");
        return CODE.matcher(hint < 0 ? m : m.substring(0, hint)).replaceAll("").strip();
    }

    private static String unexpected(String c, String expecting) {
        if (c.equals("#") || c.equals("/")) return "JSON has no comments";
        if (expecting.startsWith("was expecting comma to separate Object entries")) {
            return "a ',' is missing before this entry (or a '}' where the object ends)";
        }
        if (expecting.startsWith("was expecting comma to separate Array entries")) {
            return "a ',' is missing before this value (or a ']' where the array ends)";
        }
        if (expecting.startsWith("was expecting double-quote to start field name")) {
            if (c.equals("}")) return "a ',' before '}' with no entry after it (JSON allows no trailing comma)";
            if (c.equals("'")) return "names are written in double quotes in JSON, not single ones";
            return "a name in double quotes was expected here, not '" + c + "'";
        }
        if (expecting.startsWith("expected a valid value") || expecting.startsWith("expected a value")) {
            if (c.equals("]")) return "a ',' before ']' with no value after it (JSON allows no trailing comma)";
            if (c.equals("'")) return "strings are written in double quotes in JSON, not single ones";
            return "a value was expected here, not '" + c + "'";
        }
        return "unexpected '" + c + "'";
    }
}
