package chainrule.diff;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Shape;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Forward accumulation: J(e) = d vec(e) / d vec(x) for every definition on the way from x to the
 * output, each worked out once. Vectors give textbook Jacobians (diag(relu'(z))*W); matrices the
 * kron forms of SPEC §2.
 */
final class Forward {
    private static final int SMALL = 7;
    private static final int INLINE_ONCE = 60;

    private final Program program;
    private final Var x;
    private final UnaryOperator<Expr> simplify;
    private final boolean nameEveryStep;
    private final Expander expander;
    private final Map<String, Expr> memo = new HashMap<>();
    /** By node identity: a derivative worked out inside a definition is a graph whose parts are shared. */
    private final Map<Expr, Expr> jacobians = new java.util.IdentityHashMap<>();
    private final Map<String, Integer> useCount = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Dim n;
    private final Dependence dependence;

    Forward(Program program, Var x, UnaryOperator<Expr> simplify, boolean nameEveryStep, Expander expander) {
        this.program = program;
        this.x = x;
        this.simplify = simplify;
        this.nameEveryStep = nameEveryStep;
        this.expander = expander;
        this.n = x.shape().size();
        this.dependence = new Dependence(program, Set.of(x.name()));
        for (Program.Definition d : program.definitions()) countUses(d.body());
    }

    private void countUses(Expr e) {
        if (e instanceof Var v) useCount.merge(v.name(), 1, Integer::sum);
        for (Expr c : Traverse.children(e)) countUses(c);
    }

    Derived run(Expr of) {
        // the answer itself is never a step: d(y)/d(x) = d(y)/d(x) would name nothing (and a
        // definition J = d(y)/d(x) would take that name, then need its own value)
        Program.Definition top = of instanceof Var v && !v.name().equals(x.name()) ? program.byName().get(v.name()) : null;
        Expr j = simplify.apply(top != null ? jac(top.body()) : jac(of));
        return new Derived(j, new StepGraph(steps));
    }

    private Expr zero(Expr e) {
        return Ex.zero(new Shape(e.shape().size(), n));
    }

    /** d vec(e)/d vec(x), by pushing the operands' Jacobians through e's linear map; once for a node shared by many parents. */
    Expr jac(Expr e) {
        Expr known = jacobians.get(e);
        if (known != null) return known;
        Expr j = jacobian(e);
        jacobians.put(e, j);
        return j;
    }

    private Expr jacobian(Expr e) {
        chainrule.source.Cancelled.check();
        if (!depends(e)) return zero(e);
        Expr at = Linearize.differentiable(e, program, java.util.Set.of(x.name()));
        if (at instanceof Var v) return v.name().equals(x.name()) ? Ex.identity(n) : definition(v);
        if (at instanceof Derivative d) return jac(expander.expand(d));
        List<Expr> operands = Traverse.children(at);
        Expr[] jacobians = new Expr[operands.size()];
        for (int i = 0; i < jacobians.length; i++) {
            if (depends(operands.get(i))) jacobians[i] = jac(operands.get(i));
        }
        Expr j = Pushforward.apply(Linearize.of(at), jacobians, n);
        return j == null ? zero(e) : j;
    }

    private Expr definition(Var v) {
        Expr done = memo.get(v.name());
        if (done != null) return done;
        Program.Definition d = program.byName().get(v.name());
        Expr j = simplify.apply(jac(d.body()));
        Expr ref = j;
        int size = Traverse.size(j);
        boolean name = nameEveryStep || (size > SMALL && (useCount.getOrDefault(v.name(), 0) > 1 || size > INLINE_ONCE));
        if (name && !Ex.isZero(j)) {
            Derivative step = Ex.derivative(v, x);
            if (step.shape().equals(j.shape())) {
                steps.add(new Step(step, j));
                ref = step;
            } else {
                // a scalar's derivative is its gradient, shaped like x (SPEC §2), where the Jacobian
                // here is the row vec(gradient)': the step is written as the gradient, used as that row
                steps.add(new Step(step, simplify.apply(Ex.reshape(Ex.transpose(j), x.shape()))));
                ref = Ex.transpose(Ex.vec(step));
            }
        }
        memo.put(v.name(), ref);
        return ref;
    }

    private boolean depends(Expr e) {
        return dependence.on(e);
    }
}
