package chainrule.render;

import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.render.LatexBlocks.*;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A derivation written as LaTeX: the body that {@code --format latex} prints (headings, sentences
 * and aligned displays, for amsmath and amssymb), a whole document that pdflatex compiles, and
 * the display math alone, each string of which KaTeX renders.
 */
public final class LatexDocument {
    private LatexDocument() {}

    /** What {@code derive --format latex} prints: the network, then each answer step by step. */
    public static String body(Program p, List<Answer> answers) {
        return body(p, answers, List.of());
    }

    public static String body(Program p, List<Answer> answers, List<ClaimResult> claims) {
        return write(LatexDerivation.blocks(p, answers, claims));
    }

    /** A whole document (article, amsmath, amssymb) that pdflatex compiles. */
    public static String standalone(Program p, List<Answer> answers, List<ClaimResult> claims) {
        String title = "chainrule: " + LatexBlocks.escapeText(fileName(p));
        return """
                \\documentclass[11pt]{article}
                \\usepackage[a4paper,margin=2cm]{geometry}
                \\usepackage{amsmath,amssymb}
                \\allowdisplaybreaks
                \\setlength{\\parindent}{0pt}
                \\begin{document}
                \\section*{%s}
                %s\\end{document}
                """.formatted(title, body(p, answers, claims));
    }

    static String fileName(Program p) {
        String name = p.source().name();
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    /** Blocks as a LaTeX body. */
    public static String write(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        Block previous = null;
        for (Block b : blocks) {
            if (b instanceof Sentence && previous instanceof Sentence) out.append('\n'); // a paragraph of its own
            previous = b;
            switch (b) {
                case Heading h -> out.append("\n\\subsection*{").append(pieces(h.pieces())).append("}\n");
                case Sentence s -> out.append(pieces(s.pieces())).append("\n");
                case Display d -> out.append("\\[\n").append(aligned(d)).append("\n\\]\n");
            }
        }
        return out.toString();
    }

    private static String pieces(List<Piece> pieces) {
        return pieces.stream().map(p -> switch (p) {
            case Words w -> LatexBlocks.escapeText(w.text());
            case Code c -> "\\texttt{" + LatexBlocks.escapeText(c.text()) + "}";
            case LatexBlocks.Math m -> "$" + m.latex() + "$";
        }).collect(Collectors.joining());
    }

    /** An aligned environment: lhs &= value && \in shape, a long value on further lines. */
    public static String aligned(Display d) {
        List<String> lines = new ArrayList<>();
        for (Row r : d.rows()) {
            String shape = r.shape().isEmpty() ? "" : " && \\in " + r.shape();
            lines.add(r.lhs() + " &" + r.rel() + " " + r.lines().get(0) + shape);
            for (String more : r.lines().subList(1, r.lines().size())) lines.add("&\\quad " + more);
        }
        return "\\begin{aligned}\n" + String.join(" \\\\\n", lines) + "\n\\end{aligned}";
    }

    /** Every display of a body: the strings a person pastes into KaTeX or MathJax. */
    public static List<String> displays(List<Block> blocks) {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            switch (b) {
                case Display d -> out.add(aligned(d));
                case Heading h -> inline(h.pieces(), out);
                case Sentence s -> inline(s.pieces(), out);
            }
        }
        return out;
    }

    private static void inline(List<Piece> pieces, List<String> out) {
        for (Piece p : pieces) if (p instanceof LatexBlocks.Math m) out.add(m.latex());
    }

    /**
     * The whole derivation as one formula (an array of lines; headings and sentences in \text),
     * for a renderer of formulas such as JLaTeXMath.
     */
    public static String formula(List<Block> blocks) {
        List<String> lines = new ArrayList<>();
        for (Block b : blocks) {
            switch (b) {
                case Heading h -> lines.add("\\rule{0pt}{30pt}" + mathText(h.pieces(), "\\textbf"));
                case Sentence s -> {
                    for (List<Piece> line : wrap(s.pieces(), SENTENCE_WIDTH)) lines.add("\\rule{0pt}{18pt}" + mathText(line, "\\text"));
                }
                case Display d -> lines.add("\\quad " + aligned(d));
            }
        }
        return "\\begin{array}{l}\n" + String.join(" \\\\\n", lines) + "\n\\end{array}";
    }

    /** About how many characters of a sentence go on one line of a picture. */
    static final int SENTENCE_WIDTH = 110;

    /** A sentence over lines of about width characters, broken between words (a picture does not wrap by itself). */
    static List<List<Piece>> wrap(List<Piece> pieces, int width) {
        List<List<Piece>> out = new ArrayList<>();
        List<Piece> line = new ArrayList<>();
        int used = 0;
        for (Piece p : pieces) {
            if (p instanceof LatexBlocks.Math) {
                line.add(p);
                used += 4;
                continue;
            }
            boolean code = p instanceof Code;
            String text = p instanceof Words w ? w.text() : ((Code) p).text();
            StringBuilder current = new StringBuilder();
            for (String word : text.split("(?<= )")) {
                if (used + current.length() + word.length() > width && used + current.length() > 0) {
                    if (!current.isEmpty()) line.add(code ? new Code(current.toString()) : new Words(current.toString()));
                    out.add(line);
                    line = new ArrayList<>();
                    current.setLength(0);
                    used = 0;
                }
                current.append(word);
            }
            if (!current.isEmpty()) line.add(code ? new Code(current.toString()) : new Words(current.toString()));
            used += current.length();
        }
        if (!line.isEmpty()) out.add(line);
        return out;
    }

    private static String mathText(List<Piece> pieces, String textCommand) {
        return pieces.stream().map(p -> switch (p) {
            case Words w -> textCommand + "{" + LatexBlocks.escapeMathText(w.text()).replace("\\text{", textCommand + "{") + "}";
            case Code c -> "\\texttt{" + LatexBlocks.escapeMathText(c.text()).replace("\\text{", "\\texttt{") + "}";
            case LatexBlocks.Math m -> m.latex();
        }).collect(Collectors.joining());
    }
}
