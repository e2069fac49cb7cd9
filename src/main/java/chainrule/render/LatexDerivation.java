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
        List<Plan> plans = answers.stream().map(LatexDerivation::plan).toList();
        Named named = Named.of(p, plans);
        for (Plan plan : plans) out.addAll(answer(plan, named));
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

    /**
     * What one derivative shows: the chain of named intermediates (empty where it says no more
     * than the answer), then under "Simplified:" or "The answer:" the steps the answer uses
     * that the chain did not define, and the answer (empty where the chain's last line is it).
     */
    record Plan(Answer answer, List<Step> chain, List<Step> simplified, boolean answered) {
        /** Every expression shown, in order. */
        List<Expr> shown() {
            List<Expr> out = new ArrayList<>();
            for (Step s : chain) out.add(s.value());
            for (Step s : simplified) out.add(s.value());
            if (answered) out.add(answer.expression());
            return out;
        }
    }

    static Plan plan(Answer a) {
        Expr.Derivative target = Ex.derivative(a.ofExpr(), a.wrt());
        // the chain of intermediates, less a last step that only names the answer (dy/dx = dy/dx)
        List<Step> chain = a.allSteps().stream().filter(s -> !s.value().equals(s.name())).toList();
        String compact = Latex.render(a.expression());
        Step last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        boolean chainEndsInAnswer = last != null && last.name().equals(target);
        boolean same = chainEndsInAnswer && Latex.render(last.value()).equals(compact);
        boolean showChain = chain.size() > 1 || chain.size() == 1 && !same;
        if (!showChain) chain = List.of();
        Set<Expr.Derivative> defined = new LinkedHashSet<>();
        for (Step s : chain) defined.add(s.name());
        List<Step> simplified = new ArrayList<>();
        if (!same) for (Step s : a.steps()) if (!defined.contains(s.name())) simplified.add(s);
        return new Plan(a, chain, simplified, !same || !showChain);
    }

    /**
     * The names (see {@link Sharing}) for what the shown expressions of a document repeat, as the
     * text listing gives them: each definition t_{1} = ... a row of its own, just before the
     * first row that uses it.
     */
    record Named(Map<Expr, List<Sharing.Let>> introduced, Map<Expr, Expr> written) {
        static Named of(Program p, List<Plan> plans) {
            List<Expr> roots = new ArrayList<>();
            for (Plan plan : plans) roots.addAll(plan.shown());
            Set<String> taken = new java.util.HashSet<>(p.inputs().keySet());
            taken.addAll(p.byName().keySet());
            taken.addAll(p.functions().keySet());
            Sharing.Written w = Sharing.name(roots, taken);
            Map<Expr, List<Sharing.Let>> introduced = new java.util.IdentityHashMap<>();
            Map<Expr, Expr> written = new java.util.IdentityHashMap<>();
            for (int i = 0; i < roots.size(); i++) {
                if (!w.introducedBy(i).isEmpty()) introduced.put(roots.get(i), w.introducedBy(i));
                if (w.exprs().get(i) != roots.get(i)) written.put(roots.get(i), w.exprs().get(i));
            }
            return new Named(introduced, written);
        }

        /** The row of name = value, after the rows of the definitions it is the first to use. */
        void rows(String name, Expr value, Shape shape, List<Row> out) {
            List<Sharing.Let> lets = introduced.remove(value);
            if (lets != null) for (Sharing.Let let : lets) out.add(new Row(Latex.render(let.name()), "=", lines(let.value()), Latex.space(let.value().shape())));
            out.add(new Row(name, "=", lines(written.getOrDefault(value, value)), Latex.space(shape)));
        }
    }

    /** One derivative: the chain of named intermediates, then the simplified answer. */
    private static List<Block> answer(Plan plan, Named named) {
        Answer a = plan.answer();
        List<Block> out = new ArrayList<>();
        Expr.Derivative target = Ex.derivative(a.ofExpr(), a.wrt());
        String name = Latex.derivativeName(target);
        out.add(new Heading(List.of(
                LatexBlocks.math(Latex.derivativeInline(target)), LatexBlocks.words(", the " + kindWords(a.kind()) + ", "),
                LatexBlocks.math(Latex.shape(a.shape())))));
        if (!plan.chain().isEmpty()) {
            out.add(new Sentence(List.of(LatexBlocks.words("By the chain rule, through the named intermediates:"))));
            List<Row> rows = new ArrayList<>();
            for (Step s : plan.chain()) named.rows(Latex.derivativeName(s.name()), s.value(), s.value().shape(), rows);
            out.add(new Display(rows));
        }
        if (plan.answered()) {
            out.add(new Sentence(List.of(LatexBlocks.words(plan.chain().isEmpty() ? "The answer:" : "Simplified:"))));
            List<Row> rows = new ArrayList<>();
            for (Step s : plan.simplified()) named.rows(Latex.derivativeName(s.name()), s.value(), s.value().shape(), rows);
            named.rows(name, a.expression(), a.shape(), rows);
            out.add(new Display(rows));
        }
        return out;
    }

    /** A bare expression as a display; a long one after an aligned display of the names for what it repeats. */
    public static String shown(Program p, Expr e) {
        Set<String> taken = new java.util.HashSet<>(p.inputs().keySet());
        taken.addAll(p.byName().keySet());
        taken.addAll(p.functions().keySet());
        Sharing.Written w = Sharing.name(List.of(e), taken);
        StringBuilder out = new StringBuilder();
        if (!w.lets().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            for (Sharing.Let let : w.lets()) rows.add(new Row(Latex.render(let.name()), "=", lines(let.value()), Latex.space(let.value().shape())));
            out.append("\\[\n").append(LatexDocument.aligned(new Display(rows))).append("\n\\]\n");
        }
        return out.append("\\[\n").append(Latex.render(w.exprs().get(0))).append(" \\in ")
                .append(Latex.space(e.shape())).append("\n\\]\n").toString();
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
        if (c.message() != null && !c.message().isBlank()) {
            // the first line in words; the values and the derivation under it, a line each, as input syntax
            List<String> lines = c.message().lines().toList();
            out.add(new Sentence(List.of(LatexBlocks.words(lines.get(0)))));
            for (String line : lines.subList(1, lines.size())) {
                String l = line.strip();
                out.add(new Sentence(List.of(l.startsWith("At ") ? LatexBlocks.words(l) : new Code(l))));
            }
        }
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
