package chainrule.render;

import java.util.List;

/**
 * A derivation as a few kinds of block, so that one content can be written as a LaTeX
 * document (headings, sentences, display math) and as one JLaTeXMath formula for a picture.
 */
public final class LatexBlocks {
    private LatexBlocks() {}

    /** A run of words and inline math. */
    public sealed interface Piece {}

    /** Plain words (escaped when written). */
    public record Words(String text) implements Piece {}

    /** Input syntax, set in a typewriter font. */
    public record Code(String text) implements Piece {}

    /** Math-mode LaTeX. */
    public record Math(String latex) implements Piece {}

    public sealed interface Block {}

    public record Heading(List<Piece> pieces) implements Block {}

    public record Sentence(List<Piece> pieces) implements Block {}

    /** An aligned display: each row name &= value && shape, a long value over several lines. */
    public record Display(List<Row> rows) implements Block {}

    /** lhs rel the first line of the value, then its continuation lines; rel is = or \in; shape may be empty. */
    public record Row(String lhs, String rel, List<String> lines, String shape) {}

    public static Words words(String text) {
        return new Words(text);
    }

    public static Math math(String latex) {
        return new Math(latex);
    }

    /**
     * Text escaped for a LaTeX paragraph, as pdflatex takes it with its default fonts; the
     * operators of the input syntax written in Unicode go back to ASCII, Greek letters are set in math.
     */
    public static String escapeText(String s) {
        return escape(s, true);
    }

    /**
     * Text escaped for the inside of \text{...} in math, as KaTeX and JLaTeXMath take it: the
     * characters that have no text command there are set in math between two \text groups.
     */
    public static String escapeMathText(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean paragraph) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            String math = switch (c) {
                case '\\' -> "\\backslash";
                case '^' -> "{}^{\\wedge}";
                case '~' -> "\\sim";
                default -> c > 127 && Character.isLetter(c) && !LatexNames.escape(Character.toString(c)).startsWith("\\text")
                        ? LatexNames.escape(Character.toString(c)) : null;
            };
            if (math != null) {
                out.append(paragraph ? "$" + math + "$" : "}" + math + "\\text{");
                return;
            }
            switch (c) {
                case '{', '}', '_', '#', '%', '&', '$' -> out.append('\\').appendCodePoint(c);
                case '<' -> out.append(paragraph ? "\\textless{}" : "<");
                case '>' -> out.append(paragraph ? "\\textgreater{}" : ">");
                case '|' -> out.append(paragraph ? "\\textbar{}" : "|");
                case '\u1D40' -> out.append('\'');
                case '\u2299', '\u2218' -> out.append(".*");
                case '\u00B7' -> out.append('*');
                case '\u00D7' -> out.append('x');
                case '\u2202' -> out.append('d');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
