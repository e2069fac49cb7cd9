package chainrule.app;

import chainrule.claim.ClaimChecker;
import chainrule.claim.ClaimResult;
import chainrule.diff.Answer;
import chainrule.diff.Derived;
import chainrule.diff.Differentiator;
import chainrule.diff.Expansion;
import chainrule.diff.Step;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import chainrule.render.Text;
import chainrule.shape.Program;
import chainrule.simplify.Simplifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The stages put together for one program: what the command line and the REPL both call. */
public final class Engine {
    private final Program program;
    private final Simplifier simplifier;
    private final Differentiator differentiator;

    public Engine(Program program) {
        this(program, r -> {});
    }

    /** An engine that hands every rewrite of the simplifier, with its rule's name, to {@code trace}. */
    public Engine(Program program, java.util.function.Consumer<chainrule.simplify.Rewrite> trace) {
        this.program = program;
        this.simplifier = new Simplifier(program).traced(trace);
        this.differentiator = new Differentiator(program, simplifier::simplify);
    }

    public Program program() {
        return program;
    }

    public Differentiator differentiator() {
        return differentiator;
    }

    public Expr simplify(Expr e) {
        return simplifier.simplify(e);
    }

    public Text text(boolean unicode) {
        return text(program, unicode);
    }

    /** The text spelling of a program's expressions: dL/dW where dL is not a name of the program. */
    public static Text text(Program program, boolean unicode) {
        Set<String> names = new HashSet<>(program.inputs().keySet());
        names.addAll(program.byName().keySet());
        return new Text(unicode, names);
    }

    /** How evaluation works out a derivative term: a step of an answer by its value, any other by differentiating. */
    public java.util.function.Function<Expr.Derivative, Expr> expander(List<Step> steps) {
        return Expansion.of(differentiator, steps);
    }

    /** The verdict on a typed claim (SPEC §3). */
    public ClaimResult check(Program.Claim claim, long seed) {
        return new ClaimChecker(differentiator, text(false), seed).check(claim);
    }

    /** The numeric check of an answer against finite differences of the network (SPEC §3). */
    public chainrule.eval.CheckResult check(Answer a, long seed) {
        chainrule.eval.Progress progress = chainrule.eval.TerminalProgress.of("d" + a.of() + "/d" + a.wrt().name());
        chainrule.eval.CheckResult c;
        try {
            c = chainrule.eval.Verifier.check(program, a.ofExpr(), a.wrt(), a.expression(), expander(a.steps()), seed,
                    chainrule.eval.Verifier.DEFAULT_POINTS, progress);
        } finally {
            progress.done(); // also when Ctrl-C stops the check: the line must not tick on under the REPL's prompt
        }
        if (!a.kind().equals("hessian") || !(a.ofExpr() instanceof Expr.Derivative gradient)) return c;
        // a Hessian is checked against differences of its gradient; on a small variable, also of the function itself
        chainrule.eval.CheckResult second = chainrule.eval.SecondDifferences.check(program, gradient.of(), a.wrt(), a.expression(),
                expander(a.steps()), seed, chainrule.eval.Verifier.DEFAULT_POINTS);
        if (second == null) return c;
        chainrule.eval.CheckResult worse = second.maxRelError() > c.maxRelError() || Double.isNaN(second.maxRelError()) ? second : c;
        return new chainrule.eval.CheckResult(c.passed() && second.passed(), worse.maxRelError(), c.points(), worse.expected(),
                worse.got(), worse.worstPoint());
    }

    /** The derivatives a file's request asks for; one chainrule cannot form is reported at the request. */
    public List<Answer> derive(Program.Derive request) {
        try {
            if (request.hessian()) {
                List<Answer> out = new ArrayList<>();
                for (Expr.Var w : request.wrt()) out.add(hessian(request.of(), request.ofText(), w));
                return out;
            }
            return derive(request.of(), request.ofText(), request.wrt());
        } catch (chainrule.diff.Unsupported e) {
            throw chainrule.source.ChainRuleException.at(chainrule.source.ErrorKind.UNSUPPORTED, program.source(),
                    request.span(), e.getMessage());
        }
    }

    /** Every derivative of a derive request: the compact answer, and (on demand) the chain of every intermediate. */
    public List<Answer> derive(Expr of, String ofText, List<Expr.Var> wrt) {
        Map<String, Derived> compact = differentiator.derive(of, wrt, false);
        Supplier<Map<String, Derived>> chained = memo(() -> differentiator.derive(of, wrt, true));
        List<Answer> out = new ArrayList<>();
        for (Expr.Var w : wrt) {
            Derived d = compact.get(w.name());
            Supplier<List<Step>> chain = memo(() -> withAnswer(chained.get().get(w.name()), of, w));
            out.add(new Answer(ofText, of, w, Differentiator.kind(of, w), Ex.derivativeShape(of.shape(), w.shape()),
                    d.answer(), d, chain));
        }
        return out;
    }

    /**
     * The Hessian of the scalar of by w: the Jacobian of its gradient d(of)/d(w) (SPEC §2). Its
     * chain is the gradient's steps, the gradient itself, then the steps of its derivative.
     */
    public Answer hessian(Expr of, String ofText, Expr.Var w) {
        Answer h = derive(Ex.derivative(of, w), ofText, List.of(w)).get(0);
        Supplier<List<Step>> chain = memo(() -> {
            Set<Expr.Derivative> seen = new HashSet<>();
            List<Step> steps = new ArrayList<>();
            for (Step s : derive(of, ofText, List.of(w)).get(0).allSteps()) if (seen.add(s.name())) steps.add(s);
            for (Step s : h.allSteps()) if (seen.add(s.name())) steps.add(s);
            return steps;
        });
        return new Answer(h.of(), h.ofExpr(), w, h.kind(), h.shape(), h.expression(), h.derived(), chain);
    }

    /**
     * A bare expression worked out: each derivative term in it by its value (a Hessian-vector
     * product, already in Pearlmutter's form, as the gradient of a scalar), then simplified.
     */
    public Expr show(Expr e) {
        return simplifier.simplify(expandDerivatives(e));
    }

    private Expr expandDerivatives(Expr e) {
        if (e instanceof Expr.Derivative d) {
            try {
                return differentiator.expand(d);
            } catch (chainrule.diff.Unsupported unsupported) {
                return e;
            }
        }
        List<Expr> kids = Traverse.children(e);
        if (kids.isEmpty()) return e;
        List<Expr> next = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr n = expandDerivatives(k);
            changed |= n != k;
            next.add(n);
        }
        return changed ? Traverse.withChildren(e, next) : e;
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }

    /** The steps any of these answers refers to, each once, in the order worked out: what a listing prints. */
    public static List<Step> stepsOf(List<Answer> answers) {
        Map<chainrule.diff.StepGraph, List<Expr>> byGraph = new java.util.LinkedHashMap<>();
        for (Answer a : answers) byGraph.computeIfAbsent(a.derived().graph(), g -> new ArrayList<>()).add(a.expression());
        List<Step> out = new ArrayList<>();
        Set<Expr.Derivative> seen = new HashSet<>();
        byGraph.forEach((graph, exprs) -> {
            for (Step s : graph.needed(exprs)) if (seen.add(s.name())) out.add(s);
        });
        return out;
    }

    /** The chain of steps ending with the answer itself, as --steps prints it. */
    private static List<Step> withAnswer(Derived all, Expr of, Expr.Var w) {
        List<Step> steps = new ArrayList<>(all.steps());
        steps.add(new Step(Ex.derivative(of, w), all.answer()));
        return steps;
    }
}
