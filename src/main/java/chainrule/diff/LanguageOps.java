package chainrule.diff;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Extremum;
import chainrule.expr.Expr.PowerBy;

/**
 * The derivatives of the operations issue 10 added, one method each, called from one case in
 * {@link Reverse} and one in {@link Forward}, so they can move beside their operations when the
 * derivative rules become local linear maps.
 */
final class LanguageOps {
    private LanguageOps() {}

    /** d(a.^p) = p*a.^(p - 1) .* da: the adjoint reaching a. */
    static Expr powerByBase(PowerBy e, Expr g) {
        Expr p = e.p();
        return Ex.hadamard(g, Ex.scale(p, Ex.powerBy(e.a(), Ex.sub(p, Ex.num(1)))));
    }

    /** d(a.^p) = a.^p .* log(a) dp: the adjoint reaching the scalar exponent, <g, a.^p .* log(a)>. */
    static Expr powerByExponent(PowerBy e, Expr g) {
        return Rules.inner(g, logFactor(e));
    }

    /** The Jacobian of a.^p, given those of a and p. */
    static Expr powerByJacobian(PowerBy e, Expr jacA, Expr jacP) {
        Expr local = Ex.scale(e.p(), Ex.powerBy(e.a(), Ex.sub(e.p(), Ex.num(1))));
        return Ex.add(Ex.matmul(Ex.diagMatrix(Ex.vec(local)), jacA), Ex.matmul(Ex.vec(logFactor(e)), jacP));
    }

    private static Expr logFactor(PowerBy e) {
        return Ex.hadamard(e, Ex.apply(Builtin.LOG, e.a()));
    }

    /**
     * max(X) differentiates as sum(ind .* X) along its axis, where ind is 1 at the arg-max and 0
     * elsewhere, written 1 - sign(max(X) - X) (sign of 0 is 0): ind depends on X only through a
     * sign, whose derivative is 0, so both sweeps may differentiate this sum as it stands.
     */
    static Expr asIndicatorSum(Extremum e) {
        Expr x = e.a();
        Expr best = Ex.broadcast(e, x.shape());
        Expr gap = e.max() ? Ex.sub(best, x) : Ex.sub(x, best);
        Expr indicator = Ex.sub(Ex.ones(x.shape()), Ex.apply(Builtin.SIGN, gap));
        return Ex.reduce(e.axis(), Ex.hadamard(indicator, x));
    }

    /** Z where e is softmax(Z, 2), that is softmax(Z')', or names a definition that is; else null. */
    static Expr rowSoftmaxOf(Expr e, chainrule.shape.Program program) {
        Expr body = e instanceof Expr.Var v && program.byName().get(v.name()) instanceof chainrule.shape.Program.Definition d
                ? d.body() : e;
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
