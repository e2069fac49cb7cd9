package chainrule.render;

import chainrule.app.Answer;
import chainrule.claim.ClaimResult;
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
        for (Block b : blocks) {
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
                case Heading h -> lines.add("\\textbf{" + mathText(h.pieces()) + "}");
                case Sentence s -> lines.add(mathText(s.pieces()));
                case Display d -> lines.add("\\quad " + aligned(d));
            }
        }
        return "\\begin{array}{l}\n" + String.join(" \\\\[6pt]\n", lines) + "\n\\end{array}";
    }

    private static String mathText(List<Piece> pieces) {
        return pieces.stream().map(p -> switch (p) {
            case Words w -> "\\text{" + LatexBlocks.escapeMathText(w.text()) + "}";
            case LatexBlocks.Math m -> m.latex();
        }).collect(Collectors.joining());
    }
}
