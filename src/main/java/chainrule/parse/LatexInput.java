package chainrule.parse;

import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LaTeX front end (SPEC §1, "LaTeX input"): a .tex file, or the lines of a .nn file (or of
 * the REPL) wholly inside $...$, $$...$$ or \[...\], written out in the plain syntax line for
 * line, so the plain parser makes the same syntax tree; {@link SpanMap} then points every place
 * back into the LaTeX. In a .tex file, derive, claim and fun lines stay plain, and % starts a comment.
 */
final class LatexInput {
    /** Compiled on the first file that may hold LaTeX, not at every start. */
    private static final class Patterns {
        static final Pattern DELIMITED = Pattern.compile("^(\\s*)(\\$\\$|\\$|\\\\\\[)(.*?)(\\$\\$|\\$|\\\\\\])\\s*$");
        static final Pattern PLAIN_IN_TEX = Pattern.compile("^\\s*(derive|claim|fun)\\s.*|^\\s*#.*|^\\s*$");
        static final Pattern ENVIRONMENT = Pattern.compile("^\\s*\\\\(begin|end)\\{(align|equation|gather|eqnarray)\\*?}\\s*$");
        static final Pattern FUN = Pattern.compile("^\\s*fun\\s+([\\p{L}_][\\p{L}\\p{N}_]*)");
        static final Pattern PLAIN_NAMES = Pattern.compile("^\\s*([\\p{L}_][\\p{L}\\p{N}_]*(\\s*,\\s*[\\p{L}_][\\p{L}\\p{N}_]*)*)\\s*[:=]");
    }

    /** The plain text, the LaTeX problems found while writing it, and where each plain character came from. */
    record Translation(SourceFile plain, SpanMap map, List<Problem> problems) {}

    private LatexInput() {}

    /** The file written in the plain syntax, or null where it holds no LaTeX. */
    static Translation translate(SourceFile source) {
        String text = source.text();
        boolean tex = source.name().endsWith(".tex");
        // a math line opens with $ or \[: a plain file without either is not even matched (nor its patterns compiled)
        if (!tex && text.indexOf('$') < 0 && !text.contains("\\[")) return null;
        List<int[]> lines = lines(text);
        List<int[]> math = new ArrayList<>();
        for (int[] l : lines) math.add(mathOf(text, l, tex));
        if (math.stream().allMatch(m -> m == null)) return null;

        Set<String> known = new HashSet<>();
        Set<String> functions = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] m = math.get(i);
            if (m != null) {
                LatexLine.collectNames(text, m[0], m[1], known);
            } else {
                String line = text.substring(lines.get(i)[0], lines.get(i)[1]);
                Matcher pm = Patterns.PLAIN_NAMES.matcher(line);
                if (pm.find()) for (String n : pm.group(1).split(",")) known.add(n.strip());
                Matcher fm = Patterns.FUN.matcher(line);
                if (fm.find()) functions.add(fm.group(1));
            }
        }

        LatexLine.Out out = new LatexLine.Out();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] l = lines.get(i), m = math.get(i);
            if (m == null) {
                for (int k = l[0]; k < l[1]; k++) out.put(String.valueOf(text.charAt(k)), k, k + 1);
            } else if (m[0] < m[1]) {
                try {
                    LatexLine.Out one = LatexLine.translate(text, m[0], m[1], known, functions);
                    out.text.append(one.text);
                    out.from.addAll(one.from);
                } catch (LatexLine.Mistake e) {
                    problems.add(new Problem(ErrorKind.SYNTAX, source, SpanMap.spanOf(text, e.start, Math.max(e.start, e.end)),
                            e.getMessage()));
                } catch (StackOverflowError e) {
                    problems.add(new Problem(ErrorKind.SYNTAX, source, SpanMap.spanOf(text, m[0], m[1]),
                            "this LaTeX is nested too deeply to read"));
                }
            }
            // the line break itself, so plain lines are the LaTeX lines
            for (int k = l[1]; k < l[2]; k++) out.put(String.valueOf(text.charAt(k)), k, k + 1);
        }
        SourceFile plain = new SourceFile(source.name(), out.text.toString());
        return new Translation(plain, new SpanMap(source, out.from), problems);
    }

    /** [start, end of text, end with the line break] of each line. */
    private static List<int[]> lines(String text) {
        List<int[]> out = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0; // a byte-order mark, as Windows editors write one
        while (start <= text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            int next = end;
            if (next < text.length()) next += text.startsWith("\r\n", next) ? 2 : 1;
            out.add(new int[] {start, end, next});
            if (next >= text.length()) break;
            start = next;
        }
        return out;
    }

    /** The math of a line, [from, to), or null for a plain line; an empty range for a line that holds nothing to read. */
    private static int[] mathOf(String text, int[] line, boolean tex) {
        String s = text.substring(line[0], line[1]);
        Matcher d = Patterns.DELIMITED.matcher(s);
        if (d.matches() && closes(d.group(2), d.group(4))) {
            return new int[] {line[0] + d.start(3), line[0] + d.end(3)};
        }
        if (!tex) return null;
        if (Patterns.PLAIN_IN_TEX.matcher(s).matches()) return null;
        if (Patterns.ENVIRONMENT.matcher(s).matches()) return new int[] {line[0], line[0]};
        int comment = comment(s);
        return new int[] {line[0], line[0] + comment};
    }

    private static boolean closes(String open, String close) {
        return open.equals("\\[") ? close.equals("\\]") : open.equals(close);
    }

    /** Where an unescaped % starts a comment, or the length of the line. */
    private static int comment(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%' && (i == 0 || s.charAt(i - 1) != '\\')) return i;
        }
        return s.length();
    }
}
