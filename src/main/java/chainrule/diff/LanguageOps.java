package chainrule.diff;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Extremum;

/**
 * What issue 10's operations need beyond their linear maps in {@link Linearize}: the arg-max
 * indicator of max(X), and log(softmax(Z, 2)) differentiated as a log_softmax over rows, which
 * reverse mode asks for before it linearizes (as {@link Linearize#differentiable} does for columns).
 */
final class LanguageOps {
    private LanguageOps() {}

    /** 1 at the largest (smallest) entry of each group of max(X) (min(X)), 0 elsewhere: 1 - sign(max(X) - X). */
    static Expr indicator(Extremum e) {
        Expr x = e.a();
        Expr best = Ex.broadcast(e, x.shape());
        Expr gap = e.max() ? Ex.sub(best, x) : Ex.sub(x, best);
        return Ex.sub(Ex.ones(x.shape()), Ex.apply(Builtin.SIGN, gap));
    }

    /**
     * Z where e is log(P) and P is softmax(Z, 2), that is softmax(Z')', or names a definition that
     * is (and is not among the derivative's {@code variables}); else null.
     */
    static Expr rowSoftmaxUnderLog(Expr e, chainrule.shape.Program program, java.util.Set<String> variables) {
        if (!(e instanceof Expr.Apply a) || a.order() != 0 || a.fn() != Builtin.LOG) return null;
        Expr p = a.a();
        Expr body = p instanceof Expr.Var v && !variables.contains(v.name())
                && program.byName().get(v.name()) instanceof chainrule.shape.Program.Definition d ? d.body() : p;
        if (body instanceof Expr.Transpose t && t.a() instanceof Expr.Softmax s && s.kind() == Expr.SoftKind.SOFTMAX) {
            return Ex.transpose(s.a());
        }
        return null;
    }

    /** The adjoint of log(P) for P = softmax(Z, 2), reaching Z: g - P .* sum(g, 2), row by row as log_softmax's. */
    static Expr rowLogSoftmaxAdjoint(Expr g, Expr p) {
        return Ex.sub(g, Ex.hadamard(p, Ex.broadcast(Ex.reduce(Expr.Axis.ROWS, g), g.shape())));
    }
}
