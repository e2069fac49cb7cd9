package chainrule.render;

import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.diff.Step;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Shape;
import chainrule.render.LatexBlocks.*;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a derivation says, as blocks: the network (inputs and equations, each with its shape),
 * then for each derivative the chain rule through its named intermediates, one a line with its
 * shape, and the simplified answer; then each claim with its verdict and the reason.
 */
public final class LatexDerivation {
    /** About how many symbols fit on one line of a displayed equation before a sum is broken. */
    static final int LINE_WIDTH = 72;

    private LatexDerivation() {}

    public static List<Block> blocks(Program p, List<Answer> answers, List<ClaimResult> claims) {
        List<Block> out = new ArrayList<>(network(p));
        for (Answer a : answers) out.addAll(answer(a));
        for (ClaimResult c : claims) out.addAll(claim(c));
        return out;
    }

    /** The inputs, grouped by shape, and the definitions in order. */
    public static List<Block> network(Program p) {
        List<Block> out = new ArrayList<>();
        out.add(new Heading(List.of(LatexBlocks.words("The network"))));
        List<Row> rows = new ArrayList<>();
        Map<Shape, List<String>> byShape = new LinkedHashMap<>();
        for (Program.Input in : p.inputs().values()) byShape.computeIfAbsent(in.shape(), s -> new ArrayList<>()).add(Latex.name(in.name()));
        for (var e : byShape.entrySet()) rows.add(new Row(String.join(", ", e.getValue()), "\\in", List.of(Latex.space(e.getKey())), ""));
        if (!rows.isEmpty()) out.add(new Display(rows));
        List<Row> equations = new ArrayList<>();
        for (Program.Definition d : p.definitions()) {
            equations.add(new Row(Latex.name(d.name()), "=", lines(d.body()), Latex.space(d.shape())));
        }
        if (!equations.isEmpty()) out.add(new Display(equations));
        return out;
    }

    /** One derivative: the chain of named intermediates, then the simplified answer. */
    public static List<Block> answer(Answer a) {
        List<Block> out = new ArrayList<>();
        Expr.Derivative target = Ex.derivative(a.ofExpr(), a.wrt());
        String name = Latex.derivativeName(target);
        out.add(new Heading(List.of(
                LatexBlocks.math(Latex.derivativeInline(target)), LatexBlocks.words(", the " + kindWords(a.kind()) + ", "),
                LatexBlocks.math(Latex.shape(a.shape())))));
        // the chain of intermediates, less a last step that only names the answer (dy/dx = dy/dx)
        List<Step> chain = a.allSteps().stream().filter(s -> !s.value().equals(s.name())).toList();
        Set<Expr.Derivative> defined = new LinkedHashSet<>();
        String compact = Latex.render(a.expression());
        Step last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        boolean chainEndsInAnswer = last != null && last.name().equals(target);
        boolean same = chainEndsInAnswer && Latex.render(last.value()).equals(compact);
        if (chain.size() > 1 || chain.size() == 1 && !same) {
            out.add(new Sentence(List.of(LatexBlocks.words("By the chain rule, through the named intermediates:"))));
            List<Row> rows = new ArrayList<>();
            for (Step s : chain) {
                rows.add(stepRow(s.name(), s.value()));
                defined.add(s.name());
            }
            out.add(new Display(rows));
        }
        if (!same) {
            out.add(new Sentence(List.of(LatexBlocks.words(defined.isEmpty() ? "The answer:" : "Simplified:"))));
            List<Row> rows = new ArrayList<>();
            for (Step s : a.steps()) if (!defined.contains(s.name())) rows.add(stepRow(s.name(), s.value()));
            rows.add(new Row(name, "=", lines(a.expression()), Latex.space(a.shape())));
            out.add(new Display(rows));
        } else if (chain.size() == 1) {
            out.add(new Sentence(List.of(LatexBlocks.words("The answer:"))));
            out.add(new Display(List.of(new Row(name, "=", lines(a.expression()), Latex.space(a.shape())))));
        }
        return out;
    }

    private static Row stepRow(Expr.Derivative name, Expr value) {
        return new Row(Latex.derivativeName(name), "=", lines(value), Latex.space(value.shape()));
    }

    /** A claim: what it says, typeset where it type-checks, its verdict and the reason. */
    public static List<Block> claim(ClaimResult c) {
        List<Block> out = new ArrayList<>();
        out.add(new Heading(List.of(LatexBlocks.words("Claim, line " + c.line() + ": " + c.verdict().word
                + (c.firstWrongStep() != null ? " (step " + c.firstWrongStep() + ")" : "")))));
        List<String> typed = typedClaim(c.claim());
        if (typed != null && typed.size() >= 2) {
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < typed.size(); i++) rows.add(new Row(i == 1 ? typed.get(0) : "", "=", List.of(typed.get(i)), ""));
            out.add(new Display(rows));
        } else {
            out.add(new Sentence(List.of(new Code("claim " + c.text()))));
        }
        if (c.message() != null && !c.message().isBlank()) out.add(new Sentence(List.of(LatexBlocks.words(c.message()))));
        return out;
    }

    /** The LaTeX of a claim's left side and steps, or null where one of them does not type-check. */
    private static List<String> typedClaim(Program.Claim c) {
        List<String> out = new ArrayList<>();
        out.add(Latex.render(c.target()));
        for (Program.ClaimStep step : c.steps()) {
            switch (step) {
                case Program.ClaimStep.Typed t -> out.add(Latex.render(t.expr()));
                case Program.ClaimStep.Untyped u -> {
                    return null;
                }
            }
        }
        return out;
    }

    static String kindWords(String kind) {
        return switch (kind) {
            case "gradient" -> "gradient";
            case "jacobian" -> "Jacobian";
            case "vec-jacobian" -> "Jacobian of the vectorised forms";
            case "hessian" -> "Hessian";
            default -> kind;
        };
    }

    /** An expression over one line, or a long sum over several, each further line starting with its sign. */
    public static List<String> lines(Expr e) {
        String whole = Latex.render(e);
        if (!(e instanceof Expr.Add a) || width(whole) <= LINE_WIDTH) return List.of(whole);
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String[] term : Latex.terms(a)) {
            String piece = line.isEmpty() && out.isEmpty()
                    ? (term[0].equals("-") ? "-" : "") + term[1]
                    : term[0] + " " + term[1];
            if (!line.isEmpty() && width(line + " " + piece) > LINE_WIDTH) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(piece);
        }
        if (!line.isEmpty()) out.add(line.toString());
        return out;
    }

    private static final Set<String> INVISIBLE = Set.of("left", "right", "mathrm", "mathit", "mathbf", "operatorname",
            "frac", "hat", "bar", "tilde", "dot", "begin", "end", "mathbb", "sqrt", "text", "bmatrix");

    /** About how many symbols wide LaTeX is when typeset (commands that draw nothing count nothing). */
    static int width(String latex) {
        String s = latex;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
                if (!INVISIBLE.contains(s.substring(i + 1, j))) out.append('x');
                i = j - 1;
            } else if ("{}^_ &\\".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString().replace("bmatrix", "").length();
    }
}
