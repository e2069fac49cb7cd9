package chainrule.shape;

import chainrule.parse.Ast;
import chainrule.parse.Ast.BinOp;
import chainrule.source.Span;
import java.util.List;

/**
 * Functions that are other expressions of the language, written as those: their derivatives
 * then come from the rules that exist, and print the way a textbook writes them
 * (max(0, m) is relu(m), whose derivative is step(m)). Every node made here carries the
 * call's place, so a message about it quotes what the user wrote.
 */
final class Sugar {
    private final Ast.Call call;
    private final Span at;

    private Sugar(Ast.Call call) {
        this.call = call;
        this.at = call.span();
    }

    /** The expression the call stands for, or null where it is no sugar (or the arguments do not fit one). */
    static Ast expand(Ast.Call c) {
        return c.primes() > 0 ? null : new Sugar(c).expand();
    }

    private static final java.util.Set<String> SOFT = java.util.Set.of("softmax", "log_softmax", "logsumexp");

    private Ast expand() {
        List<Ast> a = call.args();
        int n = a.size();
        return switch (call.name()) {
            // max(a, b) = b + relu(a - b); with a 0 on either side, a relu
            case String f when f.equals("max") && n == 2 -> isZero(a.get(0)) ? fn("relu", a.get(1)) : isZero(a.get(1)) ? fn("relu", a.get(0))
                    : add(a.get(1), fn("relu", sub(a.get(0), a.get(1))));
            // min(a, b) = a - relu(a - b)
            case String f when f.equals("min") && n == 2 -> isZero(a.get(0)) ? neg(fn("relu", neg(a.get(1))))
                    : isZero(a.get(1)) ? neg(fn("relu", neg(a.get(0)))) : sub(a.get(0), fn("relu", sub(a.get(0), a.get(1))));
            // clip(x, lo, hi) = lo + relu(x - lo) - relu(x - hi), for lo <= hi
            case String f when f.equals("clip") && n == 3 -> sub(add(a.get(1), fn("relu", sub(a.get(0), a.get(1)))), fn("relu", sub(a.get(0), a.get(2))));
            // leaky_relu(x, a) = relu(x) - a .* relu(-x): a may be learned (PReLU)
            case String f when f.equals("leaky_relu") && n == 2 -> sub(fn("relu", a.get(0)), bin(BinOp.HADAMARD, a.get(1), fn("relu", neg(a.get(0)))));
            case String f when f.equals("norm") && n == 2 && isNumber(a.get(1), 1) -> fn("sum", fn("abs", a.get(0)));
            case String f when f.equals("norm") && n == 2 && isNumber(a.get(1), 2) -> fn("norm", a.get(0));
            // var divides by the count, as NumPy and batch normalisation do
            case String f when f.equals("var") && (n == 1 || n == 2) -> variance(a);
            case String f when f.equals("std") && (n == 1 || n == 2) -> fn("sqrt", variance(a));
            // along each row is along each column of the transpose
            case String f when SOFT.contains(f) && n == 2 && isNumber(a.get(1), 1) -> fn(call.name(), a.get(0));
            case String f when SOFT.contains(f) && n == 2 && isNumber(a.get(1), 2) ->
                    new Ast.Transpose(fn(call.name(), new Ast.Transpose(a.get(0), at)), at);
            // hessian(L, w) is the Jacobian of the gradient, d(d(L)/d(w))/d(w) (SPEC §2)
            case String f when f.equals("hessian") && n == 2 -> new Ast.Derivative(new Ast.Derivative(a.get(0), a.get(1), null, at), a.get(1), null, at);
            case String f -> null;
        };
    }

    private Ast variance(List<Ast> a) {
        Ast x = a.get(0);
        List<Ast> axis = a.subList(1, a.size());
        Ast centred = sub(x, fn("mean", x, axis));
        return fn("mean", bin(BinOp.EPOW, centred, new Ast.Number(2, "2", at)), axis);
    }

    private static boolean isZero(Ast a) {
        Double v = Inference.numberValue(a);
        return v != null && v == 0;
    }

    private static boolean isNumber(Ast a, double k) {
        Double v = Inference.numberValue(a);
        return v != null && v == k;
    }

    private Ast fn(String name, Ast arg) {
        return new Ast.Call(name, 0, List.of(arg), call.nameSpan(), at);
    }

    private Ast fn(String name, Ast arg, List<Ast> more) {
        List<Ast> args = new java.util.ArrayList<>();
        args.add(arg);
        args.addAll(more);
        return new Ast.Call(name, 0, List.copyOf(args), call.nameSpan(), at);
    }

    private Ast bin(BinOp op, Ast l, Ast r) {
        return new Ast.Binary(op, l, r, call.nameSpan(), at);
    }

    private Ast add(Ast l, Ast r) {
        return bin(BinOp.ADD, l, r);
    }

    /** l - r, and l + 1 for l - (-1), so that clip(r, -1, 1) differentiates to step(r + 1) - step(r - 1). */
    private Ast sub(Ast l, Ast r) {
        Double v = Inference.numberValue(r);
        if (v != null && v < 0) return add(l, new Ast.Number(-v, -v == Math.rint(-v) ? Long.toString((long) -v) : Double.toString(-v), r.span()));
        return bin(BinOp.SUB, l, r);
    }

    private Ast neg(Ast a) {
        return new Ast.Negate(a, at);
    }
}
