package chainrule.shape;

import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.MatMul;
import chainrule.expr.Expr.Var;
import chainrule.expr.Traverse;
import java.util.HashMap;
import java.util.Map;

/**
 * Hessian-vector products in Pearlmutter's form: hessian(L, w)*v is the gradient of
 * vec(d(L)/d(w))'*v, a scalar, so the n x n Hessian is never written, derived or evaluated;
 * v'*hessian(L, w) is its transpose (a Hessian is symmetric). Only where v does not depend on w:
 * otherwise the gradient of the product would hold v's own derivative too.
 */
final class HessianProducts {
    private final Map<String, Program.Definition> definitions;

    private HessianProducts(Map<String, Program.Definition> definitions) {
        this.definitions = definitions;
    }

    /** e with every Hessian-vector product in it rewritten; definitions: those e may use. */
    static Expr rewrite(Expr e, Map<String, Program.Definition> definitions) {
        if (!Traverse.any(e, Ex::isHessian)) return e;
        HessianProducts h = new HessianProducts(definitions);
        return Traverse.bottomUp(e, h::product);
    }

    private Expr product(Expr e) {
        if (!(e instanceof MatMul m)) return e;
        if (Ex.isHessian(m.a()) && m.b().shape().cols().isOne()) {
            Derivative hessian = (Derivative) m.a();
            if (!dependsOn(m.b(), hessian.wrt().name(), new HashMap<>())) return hvp(hessian, m.b());
        }
        if (Ex.isHessian(m.b()) && m.a().shape().rows().isOne()) {
            Derivative hessian = (Derivative) m.b();
            if (!dependsOn(m.a(), hessian.wrt().name(), new HashMap<>())) return Ex.transpose(hvp(hessian, Ex.transpose(m.a())));
        }
        return e;
    }

    /** hessian(L, w)*v = vec(d(vec(d(L)/d(w))'*v)/d(w)) */
    private static Expr hvp(Derivative hessian, Expr v) {
        Derivative gradient = (Derivative) hessian.of();
        Var w = hessian.wrt();
        Expr directional = Ex.matmul(Ex.transpose(Ex.vec(gradient)), v);
        return Ex.vec(Ex.derivative(directional, w));
    }

    private boolean dependsOn(Expr e, String w, Map<String, Boolean> seen) {
        return Traverse.any(e, x -> switch (x) {
            case Var v when v.name().equals(w) -> true;
            case Var v when definitions.get(v.name()) instanceof Program.Definition d -> {
                Boolean known = seen.get(v.name());
                if (known == null) {
                    seen.put(v.name(), false);
                    known = dependsOn(d.body(), w, seen);
                    seen.put(v.name(), known);
                }
                yield known;
            }
            default -> false;
        });
    }
}
