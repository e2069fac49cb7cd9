package chainrule.shape;

import chainrule.expr.Functions;
import chainrule.expr.Builtin;
import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Ex;
import chainrule.expr.Shape;
import chainrule.parse.Ast;
import chainrule.parse.Ast.IndexArg;
import chainrule.parse.Stmt;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shape inference for expressions: every node gets a shape whose dimensions may still hold
 * unknowns; the {@link Unifier} solves them across the whole file. A conflict is reported at
 * the node where the two shapes meet, naming both.
 */
final class Inference {
    final Unifier u;
    final SourceFile source;
    final Map<Ast, Shape> shapes = new IdentityHashMap<>();
    final Map<Ast, Expr.Range[]> ranges = new IdentityHashMap<>();
    /** Calls that stand for other expressions (see {@link Sugar}), with what they stand for. */
    final Map<Ast.Call, Ast> sugared = new IdentityHashMap<>();
    private final List<Deferred> deferred = new ArrayList<>();

    /** A product where one side's shape is still blank: a scaling or a matrix product, decided at the end. */
    private record Deferred(Ast.Binary node, Shape left, Shape right, Shape result) {}

    Inference(Unifier u, SourceFile source) {
        this.u = u;
        this.source = source;
    }

    Shape shape(Ast a) {
        return u.resolve(shapes.get(a));
    }

    Shape infer(Ast a, Scope scope) {
        Object outer = u.where;
        u.where = a;
        try {
            Shape s = inferHere(a, scope);
            shapes.put(a, s);
            return s;
        } finally {
            u.where = outer;
        }
    }

    private Shape inferHere(Ast a, Scope scope) {
        return switch (a) {
            case Ast.Number n -> Shape.SCALAR;
            case Ast.Name n -> name(n, scope);
            case Ast.Negate n -> infer(n.operand(), scope);
            case Ast.Transpose t -> infer(t.operand(), scope).transpose();
            case Ast.Binary b -> binary(b, scope);
            case Ast.Call c -> call(c, scope);
            case Ast.Matrix m -> matrix(m, scope);
            case Ast.Index i -> index(i, scope);
            case Ast.Derivative d -> derivative(d, scope);
        };
    }

    private Shape name(Ast.Name n, Scope scope) {
        return switch (scope.lookup(n)) {
            case Scope.Meaning.Value v -> v.shape();
            case Scope.Meaning.Size s -> Shape.SCALAR;
            case Scope.Meaning.Eye e -> {
                Dim d = u.fresh();
                yield new Shape(d, d);
            }
        };
    }

    // ---- operators

    private Shape binary(Ast.Binary b, Scope scope) {
        Shape l = infer(b.left(), scope);
        Shape r = infer(b.right(), scope);
        return switch (b.op()) {
            case ADD, SUB, HADAMARD, EDIV -> combine(b, l, r);
            case MUL -> multiply(b, l, r);
            case DIV -> {
                if (u.blank(r)) u.unify(r, Shape.SCALAR);
                if (!u.isScalar(r)) {
                    throw error(b.right().span(), "'/' divides by a scalar, but " + describe(b.right(), r)
                            + " is not one; use './' to divide elementwise");
                }
                yield l;
            }
            case POW -> {
                if (u.blank(l)) u.unify(l, Shape.SCALAR);
                if (!u.isScalar(l)) {
                    yield matrixPower(b, l);
                }
                exponent(b, r);
                yield l;
            }
            case EPOW -> {
                exponent(b, r);
                yield l;
            }
        };
    }

    /** An exponent is a number or a scalar expression (x.^gamma, s^(1/3)). */
    private void exponent(Ast.Binary b, Shape p) {
        if (numberValue(b.right()) != null) return;
        if (u.blank(p)) u.unify(p, Shape.SCALAR);
        if (!u.isScalar(p)) {
            throw error(b.right().span(), "an exponent must be a scalar: a number such as 2, or a scalar expression such as"
                    + " gamma, but " + describe(b.right(), p) + " is not one");
        }
    }

    /** A^k: a square matrix to a whole power k >= 0, the product of k copies of A (A^0 is the identity). */
    private Shape matrixPower(Ast.Binary b, Shape l) {
        Double k = numberValue(b.right());
        if (k == null || k < 0 || k != Math.rint(k) || k > 64) {
            throw error(b.opSpan(), "'^' raises a scalar to a power, or a square matrix to a whole power such as 3, but "
                    + describe(b.left(), l) + " is not a scalar and " + describe(b.right(), null)
                    + " is not a whole number from 0 to 64; use '.^' for an elementwise power");
        }
        if (!u.unify(l.rows(), l.cols())) {
            throw error(b.opSpan(), "a matrix power A^k needs a square matrix, but " + describe(b.left(), l)
                    + " is not square; use '.^' for an elementwise power");
        }
        return l;
    }

    /** The value of a number written as arithmetic of numbers (2, -1, 1/3, 2*0.5), or null. */
    static Double numberValue(Ast a) {
        return switch (a) {
            case Ast.Number n -> n.value();
            case Ast.Negate n -> {
                Double v = numberValue(n.operand());
                yield v == null ? null : -v;
            }
            case Ast.Binary b when b.op() != Ast.BinOp.POW && b.op() != Ast.BinOp.EPOW -> {
                Double l = numberValue(b.left()), r = numberValue(b.right());
                if (l == null || r == null) yield null;
                yield switch (b.op()) {
                    case ADD -> l + r;
                    case SUB -> l - r;
                    case MUL, HADAMARD -> l * r;
                    case DIV, EDIV -> r == 0 ? null : l / r;
                    case POW, EPOW -> null;
                };
            }
            default -> null;
        };
    }

    /** "cannot add a (3 x 1) and b (2 x 1)", "cannot subtract b (2 x 1) from a (3 x 1)", ... */
    private String cannot(Ast.Binary b) {
        String l = describe(b.left(), shapes.get(b.left())), r = describe(b.right(), shapes.get(b.right()));
        return switch (b.op()) {
            case SUB -> "cannot subtract " + r + " from " + l;
            case HADAMARD -> "cannot multiply " + l + " and " + r + " elementwise";
            case EDIV -> "cannot divide " + l + " by " + r + " elementwise";
            default -> "cannot add " + l + " and " + r;
        };
    }

    /** Same shapes, or a scalar, a column or a row broadcast across the other (SPEC §1). */
    private Shape combine(Ast.Binary b, Shape l, Shape r) {
        if (u.blank(l)) {
            u.unify(l, r);
            return r;
        }
        if (u.blank(r)) {
            u.unify(r, l);
            return l;
        }
        if (u.isScalar(l)) return r;
        if (u.isScalar(r)) return l;
        Shape a = u.resolve(l), c = u.resolve(r);
        if (u.isOne(a.cols()) && definitelyNotOne(c.cols())) return broadcast(b, l, r, true);
        if (u.isOne(c.cols()) && definitelyNotOne(a.cols())) return broadcast(b, r, l, true);
        if (u.isOne(a.rows()) && definitelyNotOne(c.rows())) return broadcast(b, l, r, false);
        if (u.isOne(c.rows()) && definitelyNotOne(a.rows())) return broadcast(b, r, l, false);
        if (!u.unify(l, r)) throw error(b.opSpan(), cannot(b) + ": the shapes differ");
        return l;
    }

    private boolean definitelyNotOne(Dim d) {
        Dim r = u.resolve(d);
        return u.known(r) && !r.isOne();
    }

    /** A column to each column of a matrix with as many rows, a row to each row of one with as many columns. */
    private Shape broadcast(Ast.Binary b, Shape small, Shape big, boolean column) {
        boolean ok = column ? u.unify(small.rows(), big.rows()) : u.unify(small.cols(), big.cols());
        if (!ok) {
            Shape s = u.resolve(small), m = u.resolve(big);
            String met = rowMeetsColumn(b, s, m, column);
            if (met != null) throw error(b.opSpan(), met);
            String why = column
                    ? "a column goes with each column of a matrix with as many rows, but it has " + show(s.rows())
                            + " rows and the matrix " + show(m.rows())
                    : "a row goes with each row of a matrix with as many columns, but it has " + show(s.cols())
                            + " columns and the matrix " + show(m.cols());
            throw error(b.opSpan(), cannot(b) + ": " + why);
        }
        return big;
    }

    /**
     * "cannot subtract a 1 x 3 row (r) from a 3 x 1 column (c)", with what to write for the table
     * of every pair (what NumPy's broadcasting would give), or null when the two are not a row and a column.
     */
    private String rowMeetsColumn(Ast.Binary b, Shape small, Shape big, boolean column) {
        Shape col = column ? small : big, row = column ? big : small;
        if (!(u.isOne(col.cols()) && u.isOne(row.rows()) && definitelyNotOne(col.rows()) && definitelyNotOne(row.cols()))) return null;
        Shape left = u.resolve(shapes.get(b.left()));
        boolean leftIsRow = u.isOne(left.rows()) && definitelyNotOne(left.cols());
        Ast rowAst = leftIsRow ? b.left() : b.right(), colAst = leftIsRow ? b.right() : b.left();
        String l = side(b.left(), leftIsRow ? row : col), r = side(b.right(), leftIsRow ? col : row);
        String head = switch (b.op()) {
            case SUB -> "cannot subtract " + r + " from " + l;
            case HADAMARD -> "cannot multiply " + l + " by " + r + " elementwise";
            case EDIV -> "cannot divide " + l + " by " + r + " elementwise";
            default -> "cannot add " + l + " to " + r;
        };
        String why = ": a column goes with each column of a matrix, a row with each row, but a row never meets a column";
        String rowText = operand(rowAst), colText = operand(colAst);
        if (rowText == null || colText == null) return head + why;
        String expanded = "ones(" + show(col.rows()) + ", 1)*" + rowText;
        String table = switch (b.op()) {
            case HADAMARD -> colText + "*" + rowText;
            default -> leftIsRow ? expanded + " " + b.op().symbol + " " + colText : colText + " " + b.op().symbol + " " + (b.op() == Ast.BinOp.EDIV ? "(" + expanded + ")" : expanded);
        };
        return head + why + "; for the " + show(col.rows()) + " x " + show(row.cols()) + " table of every pair, write " + table;
    }

    /** "a 1 x 3 row (r)". */
    private String side(Ast a, Shape s) {
        String what = u.isOne(s.rows()) ? " row" : " column";
        return article(show(s)) + " " + show(s) + what + (operand(a) == null ? "" : " (" + source.slice(a.span()).strip() + ")");
    }

    /** "an" before what is said with a vowel first ("an n x 1 column", "an 8 x 1 column"), else "a". */
    private static String article(String said) {
        boolean vowel = said.matches("(8|11 |18 |[aefhilmnorsxAEFHILMNORSX][^a-zA-Z]).*");
        return vowel ? "an" : "a";
    }

    /** The operand as written, in parentheses where it is not a name or a call; null where it is too long to quote. */
    private String operand(Ast a) {
        String text = source.slice(a.span()).strip();
        if (text.isEmpty() || text.length() > 40 || text.contains("\n")) return null;
        return text.matches("[\\p{L}\\p{N}_']+(\\(.*\\))?") ? text : "(" + text + ")";
    }

    private Shape multiply(Ast.Binary b, Shape l, Shape r) {
        if (u.isScalar(l)) return r;
        if (u.isScalar(r)) return l;
        if (u.blank(l) || u.blank(r)) {
            Shape result = u.freshShape();
            deferred.add(new Deferred(b, l, r, result));
            return result;
        }
        return product(b, l, r);
    }

    private Shape product(Ast.Binary b, Shape l, Shape r) {
        if (!u.unify(l.cols(), r.rows())) {
            Shape a = u.resolve(l), c = u.resolve(r);
            throw error(b.opSpan(), "cannot multiply " + describe(b.left(), l) + " by " + describe(b.right(), r)
                    + ": inner dimensions " + show(a.cols()) + " and " + show(c.rows()) + " differ" + rearranged(b, a, c));
        }
        return new Shape(l.rows(), r.cols());
    }

    /** "; did you mean W*x?" for two names where exactly one of R*L, L'*R and L*R' multiplies (a row mixed up with a column). */
    private String rearranged(Ast.Binary b, Shape l, Shape r) {
        String left = source.slice(b.left().span()).strip(), right = source.slice(b.right().span()).strip();
        if (!left.matches("[\\p{L}_][\\p{L}\\p{N}_]*") || !right.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) return "";
        List<String> fits = new ArrayList<>();
        if (r.cols().equals(l.rows())) fits.add(right + "*" + left);
        if (l.rows().equals(r.rows())) fits.add(left + "'*" + right);
        if (l.cols().equals(r.cols())) fits.add(left + "*" + right + "'");
        return fits.size() == 1 ? "; did you mean " + fits.get(0) + "?" : "";
    }

    /** Every unknown still open becomes 1 (what nothing constrains is a scalar); each distinct dimension once. */
    void settle() {
        java.util.Set<Dim> open = new java.util.LinkedHashSet<>();
        for (Shape s : shapes.values()) {
            open.add(s.rows());
            open.add(s.cols());
        }
        for (Dim d : open) u.defaultToOne(d);
        Unifier.Pending p = u.broken();
        if (p != null && p.where() instanceof Ast at) throw unsolvable(at, p);
        Ast empty = null;
        long size = 0;
        for (var e : shapes.entrySet()) {
            Shape s = u.resolve(e.getValue());
            for (Dim d : List.of(s.rows(), s.cols())) {
                if (d.isConstant() && d.constant() < 1 && (empty == null || before(e.getKey(), empty))) {
                    empty = e.getKey();
                    size = d.constant();
                }
            }
        }
        if (empty != null) {
            throw error(empty.span(), "cannot work out the shapes of " + expression(empty) + ": a dimension would be " + size);
        }
    }

    ChainRuleException unsolvable(Ast at, Unifier.Pending p) {
        return error(at.span(), "cannot work out the shapes of " + expression(at) + ": a dimension would have to be"
                + " both " + show(u.resolve(p.a())) + " and " + show(u.resolve(p.b())));
    }

    /** Leftmost, then innermost: the first place a reader would look. */
    private static boolean before(Ast a, Ast b) {
        Span x = a.span(), y = b.span();
        return x.start() != y.start() ? x.start() < y.start() : x.stop() - x.start() < y.stop() - y.start();
    }

    private String expression(Ast a) {
        String d = describe(a, null);
        return d.equals("the operand") ? "this expression" : d;
    }

    /** Decides the products left open: a blank side is a scalar unless the result's shape says otherwise. */
    void resolveDeferred() {
        for (Deferred d : deferred) {
            u.where = d.node();
            Shape l = d.left(), r = d.right(), res = d.result();
            if (!u.blank(l) && !u.blank(r)) {
                if (u.isScalar(l)) unifyResult(d, r);
                else if (u.isScalar(r)) unifyResult(d, l);
                else unifyResult(d, product(d.node(), l, r));
                continue;
            }
            boolean leftBlank = u.blank(l);
            Shape blank = leftBlank ? l : r, known = leftBlank ? r : l;
            if (u.isScalar(known) || u.blank(known)) {
                u.unify(blank, known);
                unifyResult(d, known);
            } else if (couldEqual(res, known)) {
                u.unify(blank, Shape.SCALAR);
                unifyResult(d, known);
            } else if (leftBlank) {
                u.unify(blank, new Shape(res.rows(), known.rows()));
                unifyResult(d, new Shape(res.rows(), known.cols()));
            } else {
                u.unify(blank, new Shape(known.cols(), res.cols()));
                unifyResult(d, new Shape(known.rows(), res.cols()));
            }
        }
        deferred.clear();
        u.where = null;
    }

    private void unifyResult(Deferred d, Shape s) {
        if (!u.unify(d.result(), s)) {
            throw error(d.node().opSpan(), "the product " + describe(d.node(), null) + " works out to " + show(u.resolve(s))
                    + ", but it is used as " + show(u.resolve(d.result())));
        }
    }

    private boolean couldEqual(Shape a, Shape b) {
        return couldEqual(a.rows(), b.rows()) && couldEqual(a.cols(), b.cols());
    }

    private boolean couldEqual(Dim a, Dim b) {
        Dim x = u.resolve(a), y = u.resolve(b);
        return x.equals(y) || !u.known(x) || !u.known(y);
    }

    // ---- calls

    private Shape call(Ast.Call c, Scope scope) {
        String name = c.name();
        Stmt.FunKind user = scope.function(name);
        if (user != null) {
            arity(c, 1, 1);
            Shape arg = infer(c.args().get(0), scope);
            if (user == Stmt.FunKind.ELEMENTWISE) return arg;
            if (c.primes() > 1) {
                throw error(c.nameSpan(), name + " is a scalar function: " + name + "' is its gradient; "
                        + name + "'' (a Hessian) is not supported");
            }
            return c.primes() == 0 ? Shape.SCALAR : arg;
        }
        axisArgument(c);
        if (name.equals("hessian") && c.primes() == 0 && c.args().size() == 2) hessianOfScalar(c, scope);
        Ast sugar = Sugar.expand(c);
        if (sugar != null) {
            sugared.put(c, sugar);
            Shape s = infer(sugar, scope);
            groupOfOne(c);
            return s;
        }
        var builtin = Builtin.named(name);
        if (builtin.isPresent()) {
            arity(c, 1, name.equals("leaky_relu") ? 2 : 1);
            return infer(c.args().get(0), scope);
        }
        Functions f = Functions.named(name).orElseThrow(() -> unknownFunction(c, scope));
        if (c.primes() > 0) {
            throw error(c.nameSpan(), name + "' is not defined: a prime follows an elementwise function"
                    + " (relu', sigmoid', ...) or an opaque one; write d(" + name + "(...))/d(x) for a derivative");
        }
        arity(c, f.minArgs, f.maxArgs);
        return switch (f) {
            case EYE -> {
                Dim n = dimArg(c.args().get(0), scope);
                yield new Shape(n, n);
            }
            case ONES, ZEROS -> {
                Dim m = dimArg(c.args().get(0), scope);
                Dim n = c.args().size() > 1 ? dimArg(c.args().get(1), scope) : m;
                yield new Shape(m, n);
            }
            case HESSIAN -> throw new IllegalStateException("internal: hessian(L, w) is read as d(d(L)/d(w))/d(w)");
            case COMMUTATION -> {
                Dim size = dimArg(c.args().get(0), scope).times(dimArg(c.args().get(1), scope));
                yield new Shape(size, size);
            }
            case RESHAPE -> {
                Ast argAst = c.args().get(0);
                Shape arg = u.resolve(infer(argAst, scope));
                Dim m = dimArg(c.args().get(1), scope), n = dimArg(c.args().get(2), scope);
                if (u.known(arg) && !arg.size().equals(m.times(n))) {
                    throw error(c.span(), "cannot reshape " + describe(argAst, arg) + " to " + show(new Shape(m, n))
                            + ": the numbers of entries differ");
                }
                yield new Shape(m, n);
            }
            default -> matrixFunction(c, f, scope);
        };
    }

    private static final java.util.Set<String> AXES = java.util.Set.of("softmax", "log_softmax", "logsumexp", "var", "std");

    /** The k of softmax(Z, k), var(X, k), max(X, [], k): 1 (each column) or 2 (each row). */
    private void axisArgument(Ast.Call c) {
        List<Ast> a = c.args();
        boolean extremum = (c.name().equals("max") || c.name().equals("min")) && a.size() == 3;
        if (!(AXES.contains(c.name()) && a.size() == 2) && !extremum) return;
        if (extremum && !(a.get(1) instanceof Ast.Matrix m && m.rows().isEmpty())) {
            throw error(a.get(1).span(), c.name() + "(X, [], k) takes [] as its second argument, as in MATLAB: "
                    + c.name() + "(X, [], 1) per column, " + c.name() + "(X, [], 2) per row");
        }
        Ast k = a.get(a.size() - 1);
        Double v = numberValue(k);
        shapes.put(k, Shape.SCALAR);
        if (v == null || (v != 1 && v != 2)) {
            throw error(k.span(), c.name() + (extremum ? "(X, [], k)" : "(X, k)") + " takes k = 1 (over each column)"
                    + " or k = 2 (over each row)");
        }
    }

    /** softmax(z, 2) of a column, softmax(z, 1) of a row: each group holds one entry, so it is a slip. */
    private void groupOfOne(Ast.Call c) {
        if (!c.name().contains("softmax") && !c.name().equals("logsumexp") || c.args().size() != 2) return;
        Shape s = u.resolve(shapes.get(c.args().get(0)));
        boolean rows = numberValue(c.args().get(1)) == 2;
        Dim across = rows ? s.cols() : s.rows();
        if (u.isOne(across) && !u.isOne(rows ? s.rows() : s.cols())) {
            throw error(c.span(), c.name() + "(" + (rows ? "Z, 2" : "Z, 1") + ") works over each " + (rows ? "row" : "column")
                    + ", but " + describe(c.args().get(0), s) + " has one entry in each; write " + c.name() + "("
                    + source.slice(c.args().get(0).span()).strip() + ") for all of its entries");
        }
    }

    private Shape matrixFunction(Ast.Call c, Functions f, Scope scope) {
        Ast argAst = c.args().get(0);
        Shape arg = infer(argAst, scope);
        Shape a = u.resolve(arg);
        return switch (f) {
            case SOFTMAX, LOG_SOFTMAX -> arg;
            case LOGSUMEXP -> {
                // one number for a vector, a row of column results for a matrix
                if (u.isOne(a.rows()) || u.isOne(a.cols())) yield Shape.SCALAR;
                if (!u.known(a.rows())) {
                    throw error(argAst.span(), "the shape of " + describe(argAst, null) + " must be known here (logsumexp"
                            + " gives one number for a vector, a row for a matrix); declare the names it uses");
                }
                yield new Shape(Dim.ONE, arg.cols());
            }
            case SUM, MEAN -> {
                if (c.args().size() == 1) yield Shape.SCALAR;
                Double k = numberValue(c.args().get(1));
                shapes.put(c.args().get(1), Shape.SCALAR);
                if (k == null || (k != 1 && k != 2)) {
                    throw error(c.args().get(1).span(), f.fname + "(X, k) takes k = 1 (down each column, giving a row)"
                            + " or k = 2 (along each row, giving a column)");
                }
                yield k == 1 ? new Shape(Dim.ONE, arg.cols()) : new Shape(arg.rows(), Dim.ONE);
            }
            case NORM -> {
                if (c.args().size() == 2) {
                    throw error(c.args().get(1).span(), "norm(x, p) takes p = 1 (the sum of absolute values) or p = 2");
                }
                yield Shape.SCALAR;
            }
            case MAX, MIN -> {
                if (c.args().size() == 2) throw new IllegalStateException("max(a, b) is sugar");
                if (c.args().size() == 1) yield Shape.SCALAR;
                yield numberValue(c.args().get(2)) == 1 ? new Shape(Dim.ONE, arg.cols()) : new Shape(arg.rows(), Dim.ONE);
            }
            case CLIP, VAR, STD, HESSIAN -> throw new IllegalStateException(f.fname + " is sugar");
            case TR, DET, LOGDET -> {
                square(c, argAst, arg);
                yield Shape.SCALAR;
            }
            case INV -> {
                square(c, argAst, arg);
                yield arg;
            }
            case DOT -> {
                Shape b = infer(c.args().get(1), scope);
                if (!u.unify(arg, b)) {
                    throw error(c.span(), "dot(a, b) needs two arguments of the same shape, not "
                            + describe(argAst, arg) + " and " + describe(c.args().get(1), b));
                }
                yield Shape.SCALAR;
            }
            case DIAG -> {
                if (u.blank(arg)) u.unify(arg.cols(), Dim.ONE);
                Shape s = u.resolve(arg);
                if (u.isOne(s.cols())) yield new Shape(s.rows(), s.rows());
                if (u.isOne(s.rows())) yield new Shape(s.cols(), s.cols());
                square(c, argAst, arg);
                yield new Shape(s.rows(), Dim.ONE);
            }
            case KRON -> {
                Shape b = infer(c.args().get(1), scope);
                yield new Shape(arg.rows().times(b.rows()), arg.cols().times(b.cols()));
            }
            case VEC -> new Shape(arg.rows().times(arg.cols()), Dim.ONE);
            case EYE, ONES, ZEROS, COMMUTATION, RESHAPE -> throw new IllegalStateException("handled by call()");
        };
    }

    private void square(Ast.Call c, Ast argAst, Shape arg) {
        if (!u.unify(arg.rows(), arg.cols())) {
            throw error(argAst.span(), c.name() + " needs a square matrix, but " + describe(argAst, arg) + " is not square");
        }
    }

    /** A dimension given as an argument: a whole number, a size symbol, or sums and products of them. */
    Dim dimArg(Ast a, Scope scope) {
        shapes.put(a, Shape.SCALAR);
        return switch (a) {
            case Ast.Number n when n.value() >= 1 && n.value() == Math.rint(n.value()) -> Dim.of((long) n.value());
            case Ast.Name n when !scope.isName(n.name()) -> Dim.symbol(n.name());
            case Ast.Binary b when b.op() == Ast.BinOp.ADD -> dimArg(b.left(), scope).plus(dimArg(b.right(), scope));
            case Ast.Binary b when b.op() == Ast.BinOp.SUB -> dimArg(b.left(), scope).minus(dimArg(b.right(), scope));
            case Ast.Binary b when b.op() == Ast.BinOp.MUL -> dimArg(b.left(), scope).times(dimArg(b.right(), scope));
            case Ast.Name n -> throw error(a.span(), n.name() + " is a value, not a dimension; a dimension is a whole"
                    + " number or a size symbol such as n");
            default -> throw error(a.span(), "expected a dimension here: a whole number or a size symbol such as n");
        };
    }

    private void arity(Ast.Call c, int min, int max) {
        int n = c.args().size();
        if (n < min || n > max) {
            String want = min == max ? (min == 1 ? "one argument" : min + " arguments") : min + " or " + max + " arguments";
            throw error(c.span(), c.name() + " takes " + want + ", not " + n);
        }
    }

    private ChainRuleException unknownFunction(Ast.Call c, Scope scope) {
        if (scope.isName(c.name())) {
            return error(c.nameSpan(), c.name() + " is a value, not a function: write " + c.name() + "[i] to index it, or "
                    + c.name() + "*(...) for a product");
        }
        List<String> near = Functions.near(c.name(), Functions.allNames());
        String hint = near.isEmpty() ? "; declare an opaque one with 'fun " + c.name() + " : scalar' or 'fun "
                + c.name() + " : elementwise'" : "; did you mean " + String.join(", ", near) + "?";
        return ChainRuleException.at(ErrorKind.NAME, source, c.nameSpan(), "unknown function '" + c.name() + "'" + hint);
    }

    // ---- brackets

    private Shape matrix(Ast.Matrix m, Scope scope) {
        if (m.rows().isEmpty()) {
            throw error(m.span(), "an empty matrix [] has no shape; write zeros(m, n) for a matrix of zeros");
        }
        Dim height = Dim.of(0);
        Dim width = null;
        for (List<Ast> row : m.rows()) {
            Dim rowHeight = null;
            Dim rowWidth = Dim.of(0);
            Ast first = null;
            for (Ast part : row) {
                Shape s = infer(part, scope);
                if (rowHeight == null) {
                    rowHeight = s.rows();
                    first = part;
                } else if (!u.unify(rowHeight, s.rows())) {
                    throw error(part.span(), "cannot join side by side " + describe(first, shapes.get(first)) + " and "
                            + describe(part, s) + ": they have " + show(u.resolve(rowHeight)) + " and "
                            + show(u.resolve(s.rows())) + " rows");
                }
                rowWidth = rowWidth.plus(s.cols());
            }
            if (width == null) {
                width = rowWidth;
            } else if (!u.unify(width, rowWidth)) {
                throw error(row.get(0).span(), "cannot stack the rows of [ ; ]: the first is " + show(u.resolve(width))
                        + " columns wide, this one " + show(u.resolve(rowWidth)));
            }
            height = height.plus(rowHeight);
        }
        return new Shape(height, width);
    }

    private Shape index(Ast.Index i, Scope scope) {
        List<IndexArg> args = i.args();
        for (IndexArg arg : args) freeIndex(i, arg, scope);
        Shape t = u.resolve(infer(i.target(), scope));
        if (!u.known(t)) {
            throw error(i.span(), "the shape of " + describe(i.target(), null) + " must be known to index it; declare it,"
                    + " as in v : n or A : m x n");
        }
        Expr.Range rows, cols;
        Dim one = Dim.ONE;
        if (args.size() == 1) {
            if (!t.isVector()) {
                throw error(i.span(), describe(i.target(), t) + " is a matrix: index it with a row and a column, as A[i, j]");
            }
            Expr.Range r = range(args.get(0), t.isColumn() ? t.rows() : t.cols(), i.target(), "positions");
            rows = t.isColumn() ? r : new Expr.Range(one, one);
            cols = t.isColumn() ? new Expr.Range(one, one) : r;
        } else {
            rows = range(args.get(0), t.rows(), i.target(), "rows");
            cols = range(args.get(1), t.cols(), i.target(), "columns");
        }
        ranges.put(i, new Expr.Range[] {rows, cols});
        return new Shape(rows.length(), cols.length());
    }

    /** W[i, j] with an i that is no size of the file: index notation, which the language writes as matrix products. */
    private void freeIndex(Ast.Index i, IndexArg arg, Scope scope) {
        List<Ast.IndexExpr> at = switch (arg) {
            case IndexArg.All a -> List.of();
            case IndexArg.At a -> List.of(a.at());
            case IndexArg.Between b -> List.of(b.from(), b.to());
        };
        for (Ast.IndexExpr e : at) {
            for (Ast.IndexTerm t : e.terms()) for (String symbol : t.symbols()) {
                if (symbol.equals("end") || scope.isDim(symbol)) continue;
                String target = source.slice(i.target().span()).strip();
                if (target.isEmpty() || target.length() > 20) target = "W";
                throw ChainRuleException.at(ErrorKind.UNSUPPORTED, source, arg.span(), "index notation is not supported: '"
                        + symbol + "' is neither a number nor a size symbol of the file; an index is a whole number,"
                        + " end, a size symbol or a range (" + target + "[2, :], " + target + "[1:end-1, 1]); write the"
                        + " matrix form instead, e.g. " + target + "*x for the sum over j of " + target + "[i, j]*x[j]");
            }
        }
    }

    private Expr.Range range(IndexArg arg, Dim size, Ast target, String what) {
        Expr.Range r = switch (arg) {
            case IndexArg.All a -> new Expr.Range(Dim.ONE, size);
            case IndexArg.At a -> {
                Dim at = position(a.at(), size);
                yield new Expr.Range(at, at);
            }
            case IndexArg.Between b -> new Expr.Range(position(b.from(), size), position(b.to(), size));
        };
        checkWithin(r.from(), size, arg.span(), target, what);
        checkWithin(r.to(), size, arg.span(), target, what);
        Dim len = r.length();
        if (len.isConstant() && len.constant() < 1) {
            throw error(arg.span(), "the range " + r.from() + ":" + r.to() + " is empty");
        }
        return r;
    }

    private void checkWithin(Dim at, Dim size, Span span, Ast target, String what) {
        Dim below = at.minus(Dim.ONE), above = size.minus(at);
        if ((below.isConstant() && below.constant() < 0) || (above.isConstant() && above.constant() < 0)) {
            throw error(span, "index " + at + " is out of range: " + describe(target, shapes.get(target))
                    + " has " + what + " 1 to " + show(size));
        }
    }

    private static Dim position(Ast.IndexExpr e, Dim size) {
        Dim total = Dim.of(0);
        for (Ast.IndexTerm t : e.terms()) {
            Dim term = Dim.of(t.number());
            for (String symbol : t.symbols()) term = term.times(symbol.equals("end") ? size : Dim.symbol(symbol));
            total = t.sign() < 0 ? total.minus(term) : total.plus(term);
        }
        return total;
    }

    // ---- derivatives written in expressions

    /** hessian(L, w): L must be a scalar (a vector's second derivative is no matrix). */
    private void hessianOfScalar(Ast.Call c, Scope scope) {
        Ast of = c.args().get(0);
        Shape s = u.resolve(infer(of, scope));
        if (u.known(s) && !s.isScalar()) {
            throw error(of.span(), "hessian(L, w) is the Hessian of a scalar L, but " + describe(of, s)
                    + " is not a scalar; for the derivative of its Jacobian write d(d(F)/d(w))/d(w)");
        }
    }

    private Shape derivative(Ast.Derivative d, Scope scope) {
        if (d.asDivision() instanceof Ast.Binary div && div.left() instanceof Ast.Name n && scope.isName(n.name())) {
            return infer(div, scope);
        }
        if (!(d.wrt() instanceof Ast.Name w)) {
            throw error(d.wrt().span(), "a derivative is taken with respect to a name, as in d(L)/d(W)");
        }
        if (!scope.isName(w.name())) {
            throw ChainRuleException.at(ErrorKind.NAME, source, w.span(), "unknown name '" + w.name()
                    + "': a derivative is taken with respect to an input or a definition of the file");
        }
        if (scope.isDim(w.name()) || scope.function(w.name()) != null || !(scope.lookup(w) instanceof Scope.Meaning.Value)) {
            throw ChainRuleException.at(ErrorKind.NAME, source, w.span(), w.name() + " is not a value of the file"
                    + " (a dimension, a function or the identity); a derivative is taken with respect to an input or a definition");
        }
        Shape wrt = infer(w, scope);
        Shape of = infer(d.of(), scope);
        // the kind of derivative (gradient, Jacobian, vec form) follows from the shapes, so they must be settled
        for (Ast part : List.of(d.of(), w)) {
            if (!u.known(shapes.get(part))) {
                throw error(part.span(), "the shape of " + describe(part, null) + " must be known to take this derivative;"
                        + " declare the names it uses");
            }
        }
        return Ex.derivativeShape(u.resolve(of), u.resolve(wrt));
    }

    // ---- messages

    ChainRuleException error(Span span, String message) {
        return ChainRuleException.at(ErrorKind.SHAPE, source, span, message);
    }

    /** "W2 (3 x 3)": the operand as written (when short) and its shape. */
    String describe(Ast a, Shape s) {
        String text = source.slice(a.span()).strip();
        String shape = s == null ? "" : " (" + show(u.resolve(s)) + ")";
        if (text.isEmpty() || text.length() > 40 || text.contains("\n")) return "the operand" + shape;
        return text + shape;
    }

    static String show(Shape s) {
        return show(s.rows()) + " x " + show(s.cols());
    }

    static String show(Dim d) {
        return d.toString().replaceAll("\\?\\d+", "?");
    }
}
