package chainrule.codegen;

import chainrule.diff.Unsupported;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Fn;
import chainrule.expr.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a typed expression in NumPy or torch, its subexpressions already spelled by the
 * caller (which computes a shared one once). Values are 2-D arrays throughout, a column n x 1
 * and a scalar 1 x 1, so every shape is the one chainrule printed.
 */
final class Spell {
    /** What spelling a node needs from the block it is written into. */
    interface Context {
        /** A subexpression, or the name that already holds its value. */
        Code sub(Expr e);

        String variable(String name);

        String derivative(Derivative d);

        /** A size symbol's Python name (the block reads its size from the inputs). */
        String symbol(String name);

        String opaque(String name, int order);

        /** The body of a definition of the problem, null for any other name. */
        Expr definition(String name);
    }

    private final Target target;
    private final Context ctx;

    Spell(Target target, Context ctx) {
        this.target = target;
        this.ctx = ctx;
    }

    private boolean numpy() {
        return switch (target) {
            case NUMPY -> true;
            case TORCH -> false;
        };
    }

    private String lib() {
        return numpy() ? "np" : "torch";
    }

    /** ", dtype=torch.float64" for torch's constructors; NumPy's are float64 already. */
    private String dtype() {
        return numpy() ? "" : ", dtype=torch.float64";
    }

    Code spell(Expr e) {
        return switch (e) {
            case Var v -> Code.atom(ctx.variable(v.name()));
            case Num n -> number(n.value());
            case Size s -> {
                String d = dim(s.dim());
                yield new Code(d, Code.precedence(d), false);
            }
            case Zero z -> Code.atom(lib() + ".zeros((" + shape(z.shape()) + ")" + dtype() + ")");
            case Identity i -> Code.atom(lib() + ".eye(" + dim(i.n()) + dtype() + ")");
            case Ones o -> Code.atom(lib() + ".ones((" + shape(o.shape()) + ")" + dtype() + ")");
            case Commutation k -> Code.atom("_commutation(" + dim(k.m()) + ", " + dim(k.n()) + ")");
            case Add a -> add(a);
            case Neg n -> {
                Code x = ctx.sub(n.a());
                yield new Code("-" + x.at(Code.UNARY), Code.UNARY, x.array());
            }
            case MatMul m -> binary(array(ctx.sub(m.a())), " @ ", array(ctx.sub(m.b())));
            case Scale s -> binary(ctx.sub(s.s()), " * ", ctx.sub(s.a()));
            case Hadamard h -> {
                Code a = operand(h.a(), full(h.b())), b = operand(h.b(), full(h.a()));
                // a .* b .* c needs no parentheses either way: elementwise products associate
                boolean product = b.prec() == Code.MUL && Code.operators(b.text()).equals(Set.of("*"));
                yield new Code(a.at(Code.MUL) + " * " + (product ? b.text() : b.at(Code.MUL + 1)), Code.MUL, a.array() || b.array());
            }
            case Divide d -> elementwise(d.a(), " / ", d.b());
            case Power p -> {
                Code x = ctx.sub(p.a());
                Code exponent = number(p.p());
                yield new Code(x.at(Code.ATOM) + " ** " + exponent.text(), Code.POW, x.array());
            }
            case PowerBy p -> {
                Code x = ctx.sub(p.a()), exponent = ctx.sub(p.p());
                yield new Code(x.at(Code.ATOM) + " ** " + exponent.at(Code.ATOM), Code.POW, x.array() || exponent.array());
            }
            case Extremum x -> extremum(x);
            case Transpose t -> {
                Code x = ctx.sub(t.a());
                yield x.array() ? Code.atom(x.at(Code.ATOM) + ".T") : x;
            }
            case Apply a -> apply(a);
            case OpaqueScalar o -> opaqueScalar(o);
            case Softmax s -> softmax(s);
            case Reduce r -> reduce(r);
            case Broadcast b -> broadcast(b);
            case MatFn m -> matFn(m);
            case DiagMatrix d -> Code.atom(lib() + ".diagflat(" + array(ctx.sub(d.v())).text() + ")");
            case DiagPart d -> Code.atom((numpy() ? "np.diag(" : "torch.diagonal(") + array(ctx.sub(d.m())).text() + ").reshape(-1, 1)");
            case Kron k -> Code.atom((numpy() ? "np.kron(" : "_kron(") + array(ctx.sub(k.a())).text() + ", " + array(ctx.sub(k.b())).text() + ")");
            case Reshape r -> reshape(r);
            case Slice s -> slice(s);
            case Concat c -> concat(c);
            case Derivative d -> Code.atom(ctx.derivative(d));
        };
    }

    static Code number(double v) {
        String text;
        if (Double.isNaN(v)) text = "float(\"nan\")";
        else if (Double.isInfinite(v)) text = v > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        else if (v == Math.rint(v) && Math.abs(v) < 1e15) text = Long.toString((long) v);
        else text = Double.toString(v).replace("E", "e");
        return new Code(text, v < 0 ? Code.UNARY : Code.ATOM, false);
    }

    /** A Python number where an array must stand (a matrix product, a function of torch): a 1 x 1 array. */
    Code array(Code x) {
        if (x.array()) return x;
        if (x.text().equals("1")) return Code.atom(lib() + ".ones((1, 1)" + dtype() + ")");
        // a float, so the array is float64 whatever the expression gives (a size is an int)
        String value = x.text().matches("-?[0-9]+") ? x.text() + ".0"
                : x.text().matches("-?[0-9.]+(e-?[0-9]+)?") ? x.text() : "float(" + x.text() + ")";
        return Code.atom(numpy() ? "np.full((1, 1), " + value + ")" : "torch.full((1, 1), " + value + ", dtype=torch.float64)");
    }

    private static Code binary(Code a, String op, Code b) {
        return new Code(a.at(Code.MUL) + op + b.at(Code.MUL + 1), Code.MUL, a.array() || b.array());
    }

    /**
     * An elementwise operand: where a sibling has the full shape, a broadcast of a column, a row or
     * a scalar is left to the library's own broadcasting, and ones or zeros are the numbers 1 and 0.
     */
    private Code operand(Expr e, boolean fullSibling) {
        if (fullSibling && e instanceof Broadcast b) return ctx.sub(b.a());
        if (fullSibling && e instanceof Ones) return number(1);
        if (fullSibling && e instanceof Zero) return number(0);
        return ctx.sub(e);
    }

    private static boolean full(Expr e) {
        return !(e instanceof Broadcast || e instanceof Ones || e instanceof Zero);
    }

    private Code elementwise(Expr a, String op, Expr b) {
        return binary(operand(a, full(b)), op, operand(b, full(a)));
    }

    private Code add(Add a) {
        StringBuilder out = new StringBuilder();
        boolean array = false;
        for (int i = 0; i < a.terms().size(); i++) {
            Expr t = a.terms().get(i);
            boolean fullSibling = false;
            for (int j = 0; j < a.terms().size(); j++) fullSibling |= j != i && full(a.terms().get(j));
            boolean minus = i > 0 && t instanceof Neg;
            Code c = operand(minus ? ((Neg) t).a() : t, fullSibling);
            array |= c.array();
            if (i == 0) {
                out.append(c.at(Code.ADD));
            } else if (minus) {
                out.append(" - ").append(c.at(Code.ADD + 1));
            } else if (c.text().startsWith("-") && c.prec() >= Code.UNARY) {
                out.append(" - ").append(c.text().substring(1)); // a + -b reads a - b
            } else {
                out.append(" + ").append(c.at(Code.ADD));
            }
        }
        return new Code(out.toString(), Code.ADD, array);
    }

    private Code apply(Apply a) {
        if (a.order() == 0 && a.fn() == chainrule.expr.Builtin.LOG) {
            Code stable = logOf(a.a());
            if (stable != null) return stable;
        }
        Code x = ctx.sub(a.a());
        if (!numpy()) x = array(x);
        return switch (a.fn()) {
            case Fn.Opaque o -> Code.atom(ctx.opaque(o.name(), a.order()) + "(" + x.text() + ")");
            case chainrule.expr.Builtin b -> {
                String template = Elementwise.template(target, b.fname(), a.order());
                if (template == null) {
                    throw new Unsupported("code generation: no " + target.title + " spelling for "
                            + (a.order() <= 3 ? b.fname() + "'".repeat(a.order()) : "the derivative of order " + a.order() + " of " + b.fname()));
                }
                yield Elementwise.fill(template, x);
            }
        };
    }

    /**
     * The log of a softmax or a sigmoid, written so that it does not underflow (as the evaluator
     * takes it): log(softmax(z)) as log_softmax(z), log(sigmoid(u)) as -softplus(-u), also through
     * a name defined as one and through transposes. With logits 1000 apart the softmax of the
     * smaller is 0 in doubles and its log -inf, where log_softmax is -1000. Null for anything else.
     */
    private Code logOf(Expr e) {
        if (e instanceof Softmax s && s.kind() == SoftKind.SOFTMAX) return softmax(SoftKind.LOG_SOFTMAX, s.a());
        if (e instanceof Apply f && f.order() == 0 && f.fn() == chainrule.expr.Builtin.SIGMOID) {
            Code u = array(ctx.sub(f.a()));
            return numpy() ? new Code("-np.logaddexp(0.0, -" + u.at(Code.UNARY) + ")", Code.UNARY, true)
                    : Code.atom("torch.nn.functional.logsigmoid(" + u.text() + ")");
        }
        if (e instanceof Add a && a.terms().size() == 2 && one(a.terms().get(0)) && a.terms().get(1) instanceof Neg n) {
            // log(1 - sigmoid(u)) = log(sigmoid(-u)) = -softplus(u): the other half of a binary cross-entropy
            Expr u = sigmoidArgument(n.a());
            if (u != null) {
                Code x = array(ctx.sub(u));
                return numpy() ? new Code("-np.logaddexp(0.0, " + x.text() + ")", Code.UNARY, true)
                        : Code.atom("torch.nn.functional.logsigmoid(-" + x.at(Code.UNARY) + ")");
            }
        }
        if (e instanceof Transpose t) {
            Code inner = logOf(t.a());
            return inner == null ? null : Code.atom(inner.at(Code.ATOM) + ".T");
        }
        if (e instanceof Var v) {
            Expr body = ctx.definition(v.name());
            return body == null ? null : logOf(body);
        }
        return null;
    }

    /** u where e is sigmoid(u), or a name defined as one; else null. */
    private Expr sigmoidArgument(Expr e) {
        if (e instanceof Apply f && f.order() == 0 && f.fn() == chainrule.expr.Builtin.SIGMOID) return f.a();
        Expr body = e instanceof Var v ? ctx.definition(v.name()) : null;
        return body == null ? null : sigmoidArgument(body);
    }

    /** 1, as a number or a broadcast of it. */
    private static boolean one(Expr e) {
        return e instanceof Num n && n.value() == 1 || e instanceof Broadcast b && one(b.a()) || e instanceof Ones;
    }

    private Code opaqueScalar(OpaqueScalar o) {
        Code x = array(ctx.sub(o.a()));
        String call = ctx.opaque(o.name(), o.order()) + "(" + x.text() + ")";
        if (o.order() == 0) {
            // the caller's function may give a float or an array: either way a 1 x 1 array here
            return Code.atom(numpy() ? "np.reshape(" + call + ", (1, 1))"
                    : "torch.as_tensor(" + call + ", dtype=torch.float64).reshape(1, 1)");
        }
        return Code.atom(call);
    }

    /** The axis softmax and its kin work along: every entry of a vector, each column of a matrix. */
    private static int axis(Shape s) {
        return !Ex.columnwise(s) && s.isRow() && !s.isScalar() ? 1 : 0;
    }

    private Code softmax(Softmax s) {
        return softmax(s.kind(), s.a());
    }

    private Code softmax(SoftKind kind, Expr a) {
        Code x = array(ctx.sub(a));
        int axis = axis(a.shape());
        if (numpy()) return Code.atom("_" + kind.fname + "(" + x.text() + ", " + axis + ")");
        return switch (kind) {
            case SOFTMAX -> Code.atom("torch.softmax(" + x.text() + ", dim=" + axis + ")");
            case LOG_SOFTMAX -> Code.atom("torch.log_softmax(" + x.text() + ", dim=" + axis + ")");
            case LOGSUMEXP -> Code.atom("torch.logsumexp(" + x.text() + ", dim=" + axis + ", keepdim=True)");
        };
    }

    private Code reduce(Reduce r) {
        Code x = array(ctx.sub(r.a()));
        return switch (r.axis()) {
            case ALL -> Code.atom(numpy() ? "np.sum(" + x.text() + ", keepdims=True)" : "torch.sum(" + x.text() + ").reshape(1, 1)");
            case COLUMNS -> Code.atom(lib() + ".sum(" + x.text() + (numpy() ? ", axis=0, keepdims=True)" : ", dim=0, keepdim=True)"));
            case ROWS -> Code.atom(lib() + ".sum(" + x.text() + (numpy() ? ", axis=1, keepdims=True)" : ", dim=1, keepdim=True)"));
            case VERTICAL, HORIZONTAL -> throw new IllegalStateException("internal: a sum along " + r.axis());
        };
    }

    /** max(X), max(X, [], 1), max(X, [], 2) and min alike, kept 2-D. */
    private Code extremum(Extremum e) {
        String x = array(ctx.sub(e.a())).text();
        String f = numpy() ? (e.max() ? "np.max(" : "np.min(") : (e.max() ? "torch.amax(" : "torch.amin(");
        return switch (e.axis()) {
            case ALL -> Code.atom(f + x + ").reshape(1, 1)");
            case COLUMNS -> Code.atom(f + x + (numpy() ? ", axis=0, keepdims=True)" : ", dim=0, keepdim=True)"));
            case ROWS -> Code.atom(f + x + (numpy() ? ", axis=1, keepdims=True)" : ", dim=1, keepdim=True)"));
            case VERTICAL, HORIZONTAL -> throw new IllegalStateException("internal: an extremum along " + e.axis());
        };
    }

    private Code broadcast(Broadcast b) {
        Code x = ctx.sub(b.a());
        if (!x.array()) {
            return Code.atom(numpy() ? "np.full((" + shape(b.shape()) + "), " + x.text() + ")"
                    : "torch.full((" + shape(b.shape()) + "), " + x.text() + ", dtype=torch.float64)");
        }
        return Code.atom(numpy() ? "np.broadcast_to(" + x.text() + ", (" + shape(b.shape()) + "))"
                : x.at(Code.ATOM) + ".expand(" + shape(b.shape()) + ")");
    }

    private Code matFn(MatFn m) {
        Code x = array(ctx.sub(m.a()));
        String t = x.text();
        return switch (m.op()) {
            case NORM -> Code.atom(numpy() ? "np.linalg.norm(" + t + ", keepdims=True)" : "torch.linalg.norm(" + t + ").reshape(1, 1)");
            case TRACE -> Code.atom(lib() + ".trace(" + t + ").reshape(1, 1)");
            case DET -> Code.atom(lib() + ".linalg.det(" + t + ").reshape(1, 1)");
            case LOGDET -> Code.atom(numpy() ? "_logdet(" + t + ")" : "torch.logdet(" + t + ").reshape(1, 1)");
            case INV -> Code.atom(lib() + ".linalg.inv(" + t + ")");
        };
    }

    /** Column-major, as vec and reshape are: NumPy's order="F"; torch has only row-major, so through transposes. */
    private Code reshape(Reshape r) {
        Code x = array(ctx.sub(r.a()));
        Shape s = r.shape();
        if (numpy()) return Code.atom("np.reshape(" + x.text() + ", (" + shape(s) + "), order=\"F\")");
        return Code.atom(x.at(Code.ATOM) + ".T.reshape(" + dim(s.cols()) + ", " + dim(s.rows()) + ").T");
    }

    /** 1-based inclusive ranges to Python's 0-based half-open ones. */
    private Code slice(Slice s) {
        Code x = array(ctx.sub(s.a()));
        Shape whole = s.a().shape();
        return Code.atom(x.at(Code.ATOM) + "[" + range(s.rows(), whole.rows()) + ", " + range(s.cols(), whole.cols()) + "]");
    }

    private String range(Range r, Dim size) {
        String from = r.from().isOne() ? "" : dim(r.from().minus(Dim.ONE));
        String to = r.to().equals(size) ? "" : dim(r.to());
        return from + ":" + to;
    }

    private Code concat(Concat c) {
        List<String> parts = new ArrayList<>();
        for (Expr p : c.parts()) parts.add(array(ctx.sub(p)).text());
        boolean vertical = switch (c.axis()) {
            case VERTICAL -> true;
            case HORIZONTAL -> false;
            case ALL, COLUMNS, ROWS -> throw new IllegalStateException("internal: concatenation along " + c.axis());
        };
        String list = "[" + String.join(", ", parts) + "]";
        if (numpy()) return Code.atom((vertical ? "np.vstack(" : "np.hstack(") + list + ")");
        return Code.atom("torch.cat(" + list + ", dim=" + (vertical ? 0 : 1) + ")");
    }

    String shape(Shape s) {
        return dim(s.rows()) + ", " + dim(s.cols());
    }

    /** A dimension as Python arithmetic over the size symbols. */
    String dim(Dim d) {
        if (d.isConstant()) return Long.toString(d.constant());
        StringBuilder out = new StringBuilder();
        List<Map.Entry<List<String>, Long>> terms = new ArrayList<>(d.terms().entrySet());
        terms.sort((x, y) -> Boolean.compare(x.getKey().isEmpty(), y.getKey().isEmpty())); // n + 1, not 1 + n
        for (Map.Entry<List<String>, Long> t : terms) {
            long c = t.getValue();
            out.append(out.isEmpty() ? (c < 0 ? "-" : "") : (c < 0 ? " - " : " + "));
            List<String> factors = new ArrayList<>();
            if (Math.abs(c) != 1 || t.getKey().isEmpty()) factors.add(Long.toString(Math.abs(c)));
            for (String s : t.getKey()) factors.add(ctx.symbol(s));
            out.append(String.join(" * ", factors));
        }
        return out.toString();
    }
}
