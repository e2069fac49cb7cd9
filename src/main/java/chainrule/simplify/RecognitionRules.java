package chainrule.simplify;

import chainrule.expr.Builtin;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.List;
import java.util.Optional;

/** Library functions written out by the chain rule, recognised again: softmax, the trace, the sigmoid. */
final class RecognitionRules {
    private RecognitionRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(Scale.class, "exp(x) / sum(exp(x)) is softmax(x)", RecognitionRules::softmax),
                Rule.on(Reduce.class, "sum(eye(n) .* A) is tr(A)", RecognitionRules::trace),
                Rule.on(Divide.class, "exp(u) ./ (1 + exp(u)) is sigmoid(u)", RecognitionRules::sigmoid));
    }

    /** exp(x) / sum(exp(x)) is softmax(x) for a vector x. Lowers the number of nodes. */
    static Optional<Expr> softmax(Scale s) {
        if (s.s() instanceof Divide d && Ex.isOne(d.a()) && d.b() instanceof Reduce r && r.axis() == Axis.ALL
                && r.a().equals(s.a()) && s.a() instanceof Apply f && f.fn() == Builtin.EXP && f.order() == 0
                && f.a().shape().isVector()) {
            return Optional.of(Ex.softmax(SoftKind.SOFTMAX, f.a()));
        }
        return Optional.empty();
    }

    /** sum(eye(n) .* A) and sum(diag(A)) are tr(A). Lowers the number of nodes. */
    static Optional<Expr> trace(Reduce r) {
        if (r.axis() != Axis.ALL) return Optional.empty();
        if (r.a() instanceof DiagPart d) return Optional.of(Ex.matfn(MatOp.TRACE, d.m()));
        if (r.a() instanceof Hadamard h) {
            if (h.a() instanceof Identity) return Optional.of(Ex.matfn(MatOp.TRACE, h.b()));
            if (h.b() instanceof Identity) return Optional.of(Ex.matfn(MatOp.TRACE, h.a()));
        }
        return Optional.empty();
    }

    /**
     * exp(u) ./ (1 + exp(u)) is sigmoid(u): the derivative of log(1 + exp(u)), the softplus of a
     * logistic loss written with its margin. Lowers the number of nodes.
     */
    static Optional<Expr> sigmoid(Divide d) {
        if (d.a() instanceof Apply e && e.fn() == Builtin.EXP && e.order() == 0 && d.b() instanceof Add sum
                && sum.terms().size() == 2 && d.a().shape().equals(d.shape())) {
            Expr one = sum.terms().get(0), other = sum.terms().get(1);
            if (!isOne(one)) {
                Expr t = one;
                one = other;
                other = t;
            }
            if (isOne(one) && other.equals(e)) return Optional.of(Ex.apply(Builtin.SIGMOID, e.a()));
        }
        return Optional.empty();
    }

    /** 1, or a matrix of ones (as 1 + x is written for a vector x). */
    private static boolean isOne(Expr e) {
        return Ex.isOne(e) || e instanceof Ones;
    }
}
