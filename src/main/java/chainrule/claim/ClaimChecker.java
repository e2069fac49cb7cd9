package chainrule.claim;

import chainrule.diff.Derived;
import chainrule.diff.Differentiator;
import chainrule.diff.Expansion;
import chainrule.diff.Step;
import chainrule.eval.Evaluator;
import chainrule.eval.Limits;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import chainrule.expr.Traverse;
import chainrule.expr.Spelling;
import chainrule.shape.Program;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Checks a claimed derivative (SPEC §3): types each step of the claim, compares it with the
 * derivative at random points, and where it is wrong says which usual mistake it is.
 */
public final class ClaimChecker {
    /** Enough points that a claim right on one side of a kink only is seen on both sides. */
    static final int POINTS = 12;

    private final Differentiator differentiator;
    private final Program program;
    private final long seed;
    private final Spelling text;

    /** text: how messages write expressions (render.Text, passed in by app). */
    public ClaimChecker(Differentiator differentiator, Spelling text, long seed) {
        this.differentiator = differentiator;
        this.program = differentiator.program();
        this.seed = seed;
        this.text = text;
    }

    /** A claim typed by the shape stage: its steps are typed already, or kept with their shape problem. */
    public ClaimResult check(Program.Claim claim) {
        Derivative target = claim.target();
        SourceFile source = claim.source();
        Derived derived = differentiator.derive(target.of(), target.wrt(), false);
        Function<Derivative, Expr> expand = expander(derived.steps());
        String expected = describe(derived);
        String name = text.derivativeName(target);

        // the steps are typed first: those before a shape error are then checked numerically, if any
        List<Expr> steps = new ArrayList<>();
        ClaimResult shapeError = null;
        for (int k = 0; k < claim.steps().size(); k++) {
            Integer first = claim.steps().size() > 1 ? k + 1 : null;
            String where = claim.steps().size() > 1 ? "step " + (k + 1) + ": " : "";
            Expr step = switch (claim.steps().get(k)) {
                case Program.ClaimStep.Typed t -> t.expr();
                case Program.ClaimStep.Untyped u -> {
                    Problem p = u.problem();
                    String at = p.span() != null && p.span().known() ? " (line " + p.span().line() + ", column " + p.span().col() + ")" : "";
                    shapeError = new ClaimResult(claim, Verdict.SHAPE_ERROR,
                            where + "the claim does not type-check" + at + ": " + p.message(), expected, first);
                    yield null;
                }
            };
            if (step == null) break;
            if (!step.shape().equals(target.shape())) {
                shapeError = new ClaimResult(claim, Verdict.SHAPE_ERROR,
                        where + shapeMessage(step.shape(), target, derived), expected, first);
                break;
            }
            steps.add(step);
        }
        if (steps.isEmpty()) return shapeError;

        Sampler sampler = new Sampler(program, seed, expand);
        List<Map<String, RealMatrix>> points = new ArrayList<>();
        List<Point> raw = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            Point p = sampler.draw();
            Limits.check(source, claim.span(), "the claim", derived.answer(), p.sizes());
            for (Expr step : steps) Limits.check(source, claim.span(), "the claim", step, p.sizes());
            raw.add(p);
            points.add(Sampler.evaluateDefinitions(program, p, expand));
        }
        List<RealMatrix> truth = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) truth.add(eval(derived.answer(), raw.get(i), points.get(i), expand));

        for (int k = 0; k < steps.size(); k++) {
            Expr step = steps.get(k);
            Integer first = steps.size() > 1 ? k + 1 : null;
            String where = steps.size() > 1 ? "step " + (k + 1) + ": " : "";
            List<Boolean> agree = new ArrayList<>();
            List<RealMatrix> got = new ArrayList<>();
            for (int i = 0; i < POINTS; i++) {
                RealMatrix v = evalOrNull(step, raw.get(i), points.get(i), expand);
                got.add(v);
                agree.add(v != null && Numbers.agree(truth.get(i), v));
            }
            long agreeing = agree.stream().filter(b -> b).count();
            if (agreeing == POINTS) continue;
            Points at = new Points(raw, points, truth, expand);
            String diagnosis = diagnose(step, derived, at, got, expected);
            String condition = Conditions.find(program, derived.answer(), raw, points, agree, expand, text);
            // without a kink to explain it, agreement at a few points is a coincidence (e.g. a vanishing term, one size)
            if (agreeing == 0 || condition == null) {
                int worst = worst(truth, got);
                RealMatrix g = got.get(worst);
                String differs = agreeing == 0 ? "at every point drawn" : "at " + (POINTS - agreeing) + " of " + POINTS + " points drawn";
                StringBuilder message = new StringBuilder(where + "it differs from " + name + " " + differs + diagnosis + ".");
                if (g == null) {
                    message.append("\nAt one of them the claim has no value there (0/0, log(0) and the like equal nothing).");
                } else {
                    message.append("\nAt one of them (").append(sizes(raw.get(worst))).append("relative error ")
                            .append(String.format(java.util.Locale.ROOT, "%.3g", Numbers.relativeError(truth.get(worst), g))).append("):");
                    for (String line : Numbers.compare(truth.get(worst), g)) message.append("\n  ").append(line);
                }
                return new ClaimResult(claim, Verdict.INCORRECT,
                        message.append("\n").append(derivation(name, derived)).toString(), expected, first);
            }
            return new ClaimResult(claim, Verdict.PARTLY_CORRECT,
                    where + "it agrees with " + name + " at " + agreeing + " of " + POINTS + " points"
                    + ", " + condition + diagnosis + ".\n" + derivation(name, derived),
                    expected, first);
        }
        if (shapeError != null) return shapeError;
        String derivation = derivation(name, derived);
        return new ClaimResult(claim, Verdict.CORRECT,
                "it agrees with " + name + " at all " + POINTS + " points drawn" + whyEqual(claim) + "."
                        + (derivation.contains("\n") ? "\n" : " ") + derivation, expected, null);
    }

    /** The sizes of a point's dimension symbols, where the problem has any: "n = 3, "; else "". */
    private static String sizes(Point p) {
        if (p.sizes().isEmpty()) return "";
        List<String> out = new ArrayList<>();
        p.sizes().forEach((k, v) -> out.add(k + " = " + v));
        return String.join(", ", out) + "; ";
    }

    /** The answer, then each named step it uses ("where dL/dz = ..."), one a line, in the order they are used. */
    private String derivation(String name, Derived d) {
        return name + " = " + describe(d);
    }

    /**
     * The expected answer as a derivation: the answer first, then "where" each step it uses, one a
     * line. A long answer is written with names for what it repeats, as the listing writes it,
     * and then the "where" lines define them too, in the order of the listing, each before its
     * first use.
     */
    private String describe(Derived d) {
        List<Expr> roots = new ArrayList<>();
        for (Step s : d.steps()) roots.add(s.value());
        roots.add(d.answer());
        Spelling.Shared shared = text.shared(roots);
        List<String> where = new ArrayList<>();
        boolean named = shared.definitions().stream().anyMatch(l -> !l.isEmpty());
        if (named) {
            for (int i = 0; i < roots.size(); i++) {
                where.addAll(shared.definitions().get(i));
                if (i < d.steps().size()) where.add(text.derivativeName(d.steps().get(i).name()) + " = " + shared.exprs().get(i));
            }
        } else {
            for (int i = d.steps().size() - 1; i >= 0; i--) where.add(text.derivativeName(d.steps().get(i).name()) + " = " + shared.exprs().get(i));
        }
        StringBuilder out = new StringBuilder(shared.exprs().get(roots.size() - 1));
        for (int i = 0; i < where.size(); i++) out.append(i == 0 ? "\n  where " : "\n        ").append(where.get(i));
        return out.toString();
    }

    private String shapeMessage(Shape got, Derivative target, Derived derived) {
        String var = target.wrt().name();
        String kind = Ex.derivativeKind(target.of().shape(), target.wrt().shape());
        String what = switch (kind) {
            case "gradient" -> text.derivativeName(target) + " is a gradient: it has " + var + "'s shape, " + text.shape(target.shape());
            case "jacobian" -> text.derivativeName(target) + " is a Jacobian, " + text.shape(target.shape());
            default -> text.derivativeName(target) + " is the Jacobian of the vectorised forms, " + text.shape(target.shape());
        };
        String hint = "";
        if (got.equals(target.shape().transpose())) {
            hint = "; your answer is its transpose (numerator layout): transpose it";
        } else if (kind.equals("gradient") && target.wrt().shape().isColumn() && got.rows().equals(target.shape().rows())) {
            hint = "; a bias added to every column of a batch gets the sum of its gradient over the batch, as in sum(G, 2)";
        }
        return "your answer is " + text.shape(got) + "; " + what + hint;
    }

    /** The values a claim is compared at: each point, its definitions, the derivative there. */
    record Points(List<Point> raw, List<Map<String, RealMatrix>> values, List<RealMatrix> truth, Function<Derivative, Expr> expand) {
        /** The candidate agrees with the derivative at every point (the first point first, where most fail). */
        boolean correct(Expr candidate) {
            for (int i = 0; i < raw.size(); i++) {
                RealMatrix v = evalOrNull(candidate, raw.get(i), values.get(i), expand);
                if (v == null || !Numbers.agree(truth.get(i), v)) return false;
            }
            return true;
        }
    }

    /**
     * Which usual mistake the claim is, said only where the correction it implies has been
     * checked: a constant factor, a variant of the answer, a matrix taken as symmetric, a missing
     * kink factor. "" when none is found.
     */
    private String diagnose(Expr claim, Derived derived, Points at, List<RealMatrix> got, String expected) {
        Double c = Factors.constant(at.truth(), got);
        if (c != null && at.correct(Ex.scale(Ex.num(1 / c), claim))) return ": " + Factors.words(c);
        Expr full = differentiator.inline(derived);
        for (Variants.Variant v : Variants.of(full, text, program)) {
            boolean all = true;
            for (int i = 0; i < POINTS && all; i++) {
                RealMatrix value = evalOrNull(v.value(), at.raw().get(i), at.values().get(i), at.expand());
                all = value != null && got.get(i) != null && Numbers.agree(value, got.get(i));
            }
            if (all && v.fixes().apply(claim).stream().anyMatch(at::correct)) return ": " + v.mistake();
        }
        String symmetric = Symmetric.find(program, claim, derived.answer(), at, text);
        if (symmetric != null) return ": " + symmetric + ": " + text.render(derived.answer());
        String missing = Conditions.missingKinkFactor(program, full, at.raw(), at.values(), at.truth(), got, at.expand(), text);
        return missing == null ? "" : ": " + missing;
    }

    private static int worst(List<RealMatrix> truth, List<RealMatrix> got) {
        int best = 0;
        double err = -1;
        for (int i = 0; i < truth.size(); i++) {
            if (got.get(i) == null) return i;
            double e = Numbers.relativeError(truth.get(i), got.get(i));
            if (e > err) {
                err = e;
                best = i;
            }
        }
        return best;
    }

    /** relu'(h) and relu'(z) agree where h = relu(z): say so, since students ask. */
    private String whyEqual(Program.Claim claim) {
        Set<String> notes = new LinkedHashSet<>();
        for (Program.ClaimStep step : claim.steps()) {
            if (!(step instanceof Program.ClaimStep.Typed t)) continue;
            Expr e = t.expr();
            Traverse.any(e, x -> {
                if (x instanceof Apply f && f.order() == 1 && f.a() instanceof Var h
                        && program.byName().get(h.name()) instanceof Program.Definition d
                        && d.body() instanceof Apply g && g.order() == 0 && g.fn() == f.fn()
                        && (f.fn() == Builtin.RELU || f.fn() == Builtin.STEP)) {
                    String z = text.render(g.a());
                    notes.add(f.fn().fname() + "'(" + h.name() + ") equals " + f.fn().fname() + "'(" + z + "): "
                            + h.name() + " = " + f.fn().fname() + "(" + z + ") is positive exactly where " + z + " is");
                }
                return false;
            });
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    private Function<Derivative, Expr> expander(List<Step> steps) {
        return Expansion.of(differentiator, steps);
    }

    static RealMatrix eval(Expr e, Point p, Map<String, RealMatrix> values, Function<Derivative, Expr> expand) {
        return new Evaluator(p.sizes(), values, expand).eval(e);
    }

    static RealMatrix evalOrNull(Expr e, Point p, Map<String, RealMatrix> values, Function<Derivative, Expr> expand) {
        try {
            RealMatrix m = eval(e, p, values, expand);
            for (double[] row : m.getData()) for (double v : row) if (!Double.isFinite(v)) return null;
            return m;
        } catch (chainrule.source.Cancelled stop) {
            throw stop; // Ctrl-C, not a value outside the domain
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
