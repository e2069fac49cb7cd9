package chainrule.diff;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.Var;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The diff stage: gradients of scalars by reverse mode, Jacobians of anything else by forward
 * accumulation; the simplifier is passed in so that intermediate adjoints stay small.
 */
public final class Differentiator {
    private static final int MAX_NESTING = 20;

    private final Program program;
    private final UnaryOperator<Expr> simplify;
    private int nesting = 0;

    public Differentiator(Program program, UnaryOperator<Expr> simplify) {
        this.program = program;
        this.simplify = simplify;
    }

    /** How many derivations are under way, one inside another (0 between requests). */
    int nesting() {
        return nesting;
    }

    public Program program() {
        return program;
    }

    /** d(of)/d(w) for each w; with nameEveryStep, every intermediate on the way is a named step. */
    public Map<String, Derived> derive(Expr of, List<Var> wrt, boolean nameEveryStep) {
        nesting++;
        try {
            if (nesting > MAX_NESTING) {
                throw new Unsupported("derivatives nested more than " + MAX_NESTING + " deep (a definition that uses its own derivative?)");
            }
            Map<String, Derived> out = new LinkedHashMap<>();
            if (of.shape().isScalar()) {
                LinkedHashSet<String> targets = new LinkedHashSet<>();
                for (Var w : wrt) targets.add(w.name());
                Map<Derivative, Expr> inner = new LinkedHashMap<>();
                Expr written = gradientsWrittenOut(of, inner);
                out.putAll(new Reverse(program, of, written, inner, targets, simplify, nameEveryStep, this::expand).run());
            } else {
                for (Var w : wrt) out.put(w.name(), new Forward(program, w, simplify, nameEveryStep, this::expand).run(of));
            }
            return out;
        } finally {
            nesting--;
        }
    }

    /**
     * of with each gradient d(L)/d(w) in it replaced by its answer, whose named steps go into
     * inner: the sweep then treats them as nodes (Pearlmutter's Hessian-vector product, the
     * gradient of vec(d(L)/d(w))'*v, costs a few gradients, not a Hessian).
     */
    private Expr gradientsWrittenOut(Expr of, Map<Derivative, Expr> inner) {
        if (!Traverse.any(of, e -> e instanceof Derivative d && d.of().shape().isScalar())) return of;
        return Traverse.bottomUp(of, e -> {
            if (!(e instanceof Derivative d) || !d.of().shape().isScalar()) return e;
            Derived r = derive(d.of(), d.wrt(), false);
            for (Step s : r.steps()) inner.putIfAbsent(s.name(), s.value());
            return r.answer();
        });
    }

    public Derived derive(Expr of, Var wrt, boolean nameEveryStep) {
        return derive(of, List.of(wrt), nameEveryStep).get(wrt.name());
    }

    /** A derivative term worked out and written without references to steps. */
    public Expr expand(Derivative d) {
        Derived r = derive(d.of(), d.wrt(), false);
        return inline(r);
    }

    /** The answer with every step it refers to written in place. */
    public Expr inline(Derived r) {
        Expr e = r.answer();
        List<Step> steps = r.steps();
        Map<Derivative, Expr> values = new java.util.HashMap<>();
        for (Step s : steps) values.put(s.name(), s.value());
        // a step refers only to steps worked out before it; substitute until none is left
        for (int round = 0; round <= steps.size() && Traverse.any(e, values::containsKey); round++) {
            e = Traverse.bottomUp(e, x -> x instanceof Derivative d && values.containsKey(d) ? values.get(d) : x);
        }
        return simplify.apply(e);
    }

    public static String kind(Expr of, Var wrt) {
        if (Ex.isHessian(Ex.derivative(of, wrt))) return "hessian";
        return Ex.derivativeKind(of.shape(), wrt.shape());
    }
}
