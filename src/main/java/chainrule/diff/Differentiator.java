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
    private final Map<Derivative, Expr> expanded = new java.util.HashMap<>();

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

    /**
     * A derivative term worked out and written without references to steps; worked out once per
     * term (a second derivative asks for the same first one at every use).
     */
    public Expr expand(Derivative d) {
        Expr known = expanded.get(d);
        if (known != null) return known;
        Derived r = derive(d.of(), d.wrt(), false);
        Expr e = inline(r);
        expanded.put(d, e);
        return e;
    }

    /**
     * The answer with every step it refers to written in place. Each step is written out once and
     * the one object put wherever it is referred to, so the result is a graph as large as the
     * steps together, not a tree that copies a shared step once per path to it.
     */
    public Expr inline(Derived r) {
        Map<Derivative, Expr> values = new java.util.HashMap<>();
        for (Step s : r.steps()) values.put(s.name(), s.value());
        Map<Derivative, Expr> written = new java.util.HashMap<>();
        return simplify.apply(substitute(r.answer(), values, written));
    }

    private static Expr substitute(Expr e, Map<Derivative, Expr> values, Map<Derivative, Expr> written) {
        return Traverse.bottomUp(e, x -> {
            if (!(x instanceof Derivative d) || !values.containsKey(d)) return x;
            Expr done = written.get(d);
            if (done == null) {
                // a step refers only to steps worked out before it
                done = substitute(values.get(d), values, written);
                written.put(d, done);
            }
            return done;
        });
    }

    public static String kind(Expr of, Var wrt) {
        if (Ex.isHessian(Ex.derivative(of, wrt))) return "hessian";
        return Ex.derivativeKind(of.shape(), wrt.shape());
    }
}
