package chainrule.simplify;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Numbers, like terms, common factors and the order of terms. */
final class AlgebraRules {
    private AlgebraRules() {}

    static List<Rule.Named> all() {
        return List.of(
                new Rule.Named("numbers first and folded", AlgebraRules::foldNumbers),
                new Rule.Named("like terms", AlgebraRules::likeTerms),
                new Rule.Named("common factor", AlgebraRules::commonFactor),
                new Rule.Named("positive terms first", AlgebraRules::orderTerms),
                new Rule.Named("x .* x is x.^2", AlgebraRules::squares),
                new Rule.Named("A*kron(r, I) is kron(r, A)", AlgebraRules::kronMixedProduct),
                new Rule.Named("kron(A, B)*kron(C, D) is kron(A*C, B*D)", AlgebraRules::kronProduct),
                new Rule.Named("s*(X / s) is X", AlgebraRules::cancelScalar),
                new Rule.Named("numbers come out of products", AlgebraRules::numbersOut),
                new Rule.Named("a sum of matching concatenations is a concatenation of sums", AlgebraRules::concatSum),
                new Rule.Named("exp(x) / sum(exp(x)) is softmax(x)", AlgebraRules::softmaxForm),
                new Rule.Named("inv(A)*A is the identity", AlgebraRules::inversePairs),
                new Rule.Named("A'*inv(A*X)' is inv(X)'", AlgebraRules::inverseOfProduct),
                new Rule.Named("diag(v)*w is v .* w", AlgebraRules::diagTimesVector));
    }

    /** 2*(3*X) = 6*X; s*(2*X) = 2*s*X; a number times a number is a number. */
    static Optional<Expr> foldNumbers(Expr e) {
        if (e instanceof Scale s) {
            if (s.s() instanceof Num a && s.a() instanceof Num b) return Optional.of(Ex.num(a.value() * b.value()));
            if (s.s() instanceof Num a && s.a() instanceof Scale t && t.s() instanceof Num b) {
                return Optional.of(Ex.scale(Ex.num(a.value() * b.value()), t.a()));
            }
            if (!(s.s() instanceof Num) && s.a() instanceof Scale t && t.s() instanceof Num b && !s.a().shape().isScalar()) {
                return Optional.of(Ex.scale(b, Ex.scale(s.s(), t.a())));
            }
        }
        if (e instanceof Power p && p.a() instanceof Num n) return Optional.of(Ex.num(Math.pow(n.value(), p.p())));
        return Optional.empty();
    }

    /** A term as coefficient times the rest: -X is (-1, X), 3*X is (3, X). */
    private record Term(double coefficient, Expr rest) {}

    private static Term term(Expr e) {
        return switch (e) {
            case Neg n -> {
                Term t = term(n.a());
                yield new Term(-t.coefficient, t.rest);
            }
            case Scale s when s.s() instanceof Num c -> {
                Term t = term(s.a());
                yield new Term(c.value() * t.coefficient, t.rest);
            }
            default -> new Term(1, e);
        };
    }

    private static Expr build(double c, Expr rest) {
        if (c == 1) return rest;
        if (c == -1) return Ex.neg(rest);
        if (c < 0) return Ex.neg(Ex.scale(Ex.num(-c), rest));
        return Ex.scale(Ex.num(c), rest);
    }

    /** X + X = 2*X, X - X = 0. */
    static Optional<Expr> likeTerms(Expr e) {
        if (!(e instanceof Add a)) return Optional.empty();
        Map<Expr, Double> coefficients = new LinkedHashMap<>();
        for (Expr t : a.terms()) {
            Term term = term(t);
            coefficients.merge(term.rest, term.coefficient, Double::sum);
        }
        if (coefficients.size() == a.terms().size()) return Optional.empty();
        List<Expr> out = new ArrayList<>();
        coefficients.forEach((rest, c) -> {
            if (c != 0) out.add(build(c, rest));
        });
        return Optional.of(out.isEmpty() ? Ex.zero(a.shape()) : Ex.add(out));
    }

    /** The factors of a product, left to right (a scalar factor keeps its place). */
    static List<Expr> factors(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        switch (e) {
            case MatMul m -> {
                collect(m.a(), out);
                collect(m.b(), out);
            }
            case Scale s when !(s.s() instanceof Num) -> {
                collect(s.s(), out);
                collect(s.a(), out);
            }
            default -> out.add(e);
        }
    }

    static Expr product(List<Expr> fs, Dim identityDim) {
        if (fs.isEmpty()) return Ex.identity(identityDim);
        Expr out = fs.get(0);
        for (int i = 1; i < fs.size(); i++) out = Ex.matmul(out, fs.get(i));
        return out;
    }

    /** A*B + A*C = A*(B + C) and B*A + C*A = (B + C)*A, for a factor every term shares. */
    static Optional<Expr> commonFactor(Expr e) {
        if (!(e instanceof Add a)) return Optional.empty();
        List<Double> signs = new ArrayList<>();
        List<List<Expr>> lists = new ArrayList<>();
        for (Expr t : a.terms()) {
            Term term = term(t);
            signs.add(term.coefficient);
            lists.add(factors(term.rest));
        }
        int prefix = commonLength(lists, false);
        int suffix = commonLength(lists, true);
        if (prefix == 0 && suffix == 0) return Optional.empty();
        boolean left = prefix >= suffix;
        int k = left ? prefix : suffix;
        List<Expr> shared = left ? lists.get(0).subList(0, k) : lists.get(0).subList(lists.get(0).size() - k, lists.get(0).size());
        if (!chainable(shared)) return Optional.empty();
        // a scalar factor shared on the left of scalar terms reads as a factor in front
        List<Expr> rests = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            List<Expr> fs = lists.get(i);
            List<Expr> rest = left ? fs.subList(k, fs.size()) : fs.subList(0, fs.size() - k);
            // the factors of c*X are c and X: what is left of a term need not be a product of matrices
            if (!chainable(rest)) return Optional.empty();
            Dim dim = left ? product(shared, null).shape().cols() : product(shared, null).shape().rows();
            rests.add(build(signs.get(i), product(rest, dim)));
        }
        if (rests.stream().anyMatch(r -> !r.shape().equals(rests.get(0).shape()))) return Optional.empty();
        Expr inner = Ex.add(rests);
        Expr sharedProduct = product(shared, null);
        return Optional.of(left ? Ex.matmul(sharedProduct, inner) : Ex.matmul(inner, sharedProduct));
    }

    /** Whether the factors multiply in this order (a 1 x 1 factor scales whatever it meets). */
    private static boolean chainable(List<Expr> fs) {
        chainrule.expr.Shape prev = null;
        for (Expr f : fs) {
            if (f.shape().isScalar()) continue;
            if (prev != null && !prev.cols().equals(f.shape().rows())) return false;
            prev = f.shape();
        }
        return true;
    }

    private static int commonLength(List<List<Expr>> lists, boolean fromEnd) {
        int min = lists.stream().mapToInt(List::size).min().orElse(0);
        int k = 0;
        while (k < min) {
            Expr first = at(lists.get(0), k, fromEnd);
            final int kk = k;
            if (!lists.stream().allMatch(l -> at(l, kk, fromEnd).equals(first))) break;
            k++;
        }
        // never take every factor of every term: something must be left to add
        if (k == min && lists.stream().allMatch(l -> l.size() == min)) k = 0;
        return k;
    }

    private static Expr at(List<Expr> l, int k, boolean fromEnd) {
        return fromEnd ? l.get(l.size() - 1 - k) : l.get(k);
    }

    /** yhat - y, not -y + yhat; A + A', not A' + A. */
    static Optional<Expr> orderTerms(Expr e) {
        if (!(e instanceof Add a)) return Optional.empty();
        List<Expr> sorted = new ArrayList<>(a.terms());
        sorted.sort(Comparator.comparingInt(AlgebraRules::rank));
        if (sorted.equals(a.terms())) return Optional.empty();
        return Optional.of(Ex.add(sorted));
    }

    private static int rank(Expr t) {
        if (t instanceof Neg || (t instanceof Num n && n.value() < 0)) return 3;
        if (t instanceof Num) return 2;
        if (t instanceof Transpose x && x.a() instanceof Var) return 1;
        return 0;
    }

    /** The mixed product (1 ⊗ A)(r ⊗ I) = r ⊗ A, for a row r. */
    static Optional<Expr> kronMixedProduct(Expr e) {
        if (e instanceof MatMul m && m.b() instanceof Kron k && k.b() instanceof Identity && k.a().shape().isRow()) {
            return Optional.of(Ex.kron(k.a(), m.a()));
        }
        return Optional.empty();
    }

    static Optional<Expr> kronProduct(Expr e) {
        if (e instanceof MatMul m && m.a() instanceof Kron x && m.b() instanceof Kron y
                && x.a().shape().cols().equals(y.a().shape().rows()) && x.b().shape().cols().equals(y.b().shape().rows())) {
            return Optional.of(Ex.kron(Ex.matmul(x.a(), y.a()), Ex.matmul(x.b(), y.b())));
        }
        return Optional.empty();
    }

    /** s*(X / s) = X and s^-1*(s*X) = X: a scale and its inverse cancel. */
    static Optional<Expr> cancelScalar(Expr e) {
        if (!(e instanceof Scale s)) return Optional.empty();
        if (s.a() instanceof Divide d && d.b() instanceof Broadcast b && b.a().equals(s.s())) return Optional.of(d.a());
        if (s.a() instanceof Divide d && d.b().equals(s.s())) return Optional.of(d.a());
        if (s.a() instanceof Scale t) {
            if (s.s() instanceof Power p && p.p() == -1 && p.a().equals(t.s())) return Optional.of(t.a());
            if (t.s() instanceof Power p && p.p() == -1 && p.a().equals(s.s())) return Optional.of(t.a());
        }
        return Optional.empty();
    }

    /** A*(2*B) = 2*A*B and A*(s*B) = s*A*B: numbers and scalars go to the front of a matrix product. */
    static Optional<Expr> numbersOut(Expr e) {
        if (e instanceof MatMul m) {
            if (m.b() instanceof Scale s) return Optional.of(Ex.scale(s.s(), Ex.matmul(m.a(), s.a())));
            if (m.a() instanceof Scale s) return Optional.of(Ex.scale(s.s(), Ex.matmul(s.a(), m.b())));
        }
        // (a*b)*X = a*(b*X) for scalars a and b, so that a factor and its inverse meet
        if (e instanceof Scale s && s.s() instanceof Scale t && !s.a().shape().isScalar()) {
            return Optional.of(Ex.scale(t.s(), Ex.scale(t.a(), s.a())));
        }
        if (e instanceof Hadamard h) {
            if (h.b() instanceof Scale s && s.s() instanceof Num n) return Optional.of(Ex.scale(n, Ex.hadamard(h.a(), s.a())));
            if (h.a() instanceof Scale s && s.s() instanceof Num n) return Optional.of(Ex.scale(n, Ex.hadamard(s.a(), h.b())));
        }
        if (e instanceof Scale s && !(s.s() instanceof Num) && s.a() instanceof Scale t && t.s() instanceof Num n) {
            return Optional.of(Ex.scale(n, Ex.scale(s.s(), t.a())));
        }
        return Optional.empty();
    }

    /** [a; 0] + [0; b] = [a; b]: concatenations split alike add part by part. */
    static Optional<Expr> concatSum(Expr e) {
        if (!(e instanceof Add a) || a.terms().size() != 2) return Optional.empty();
        if (!(a.terms().get(0) instanceof Concat x) || !(a.terms().get(1) instanceof Concat y)) return Optional.empty();
        if (x.axis() != y.axis() || x.parts().size() != y.parts().size()) return Optional.empty();
        List<Expr> parts = new ArrayList<>();
        for (int i = 0; i < x.parts().size(); i++) {
            if (!x.parts().get(i).shape().equals(y.parts().get(i).shape())) return Optional.empty();
            parts.add(Ex.add(x.parts().get(i), y.parts().get(i)));
        }
        return Optional.of(Ex.concat(x.axis(), parts));
    }

    /** inv(A)*A = A*inv(A) = I, and inv(A)'*A' = I, anywhere along a product. */
    static Optional<Expr> inversePairs(Expr e) {
        if (!(e instanceof MatMul)) return Optional.empty();
        List<Expr> fs = factors(e);
        for (int i = 0; i + 1 < fs.size(); i++) {
            if (inverses(fs.get(i), fs.get(i + 1)) || inverses(fs.get(i + 1), fs.get(i))) {
                List<Expr> rest = new ArrayList<>(fs.subList(0, i));
                rest.addAll(fs.subList(i + 2, fs.size()));
                Dim n = fs.get(i).shape().rows();
                return Optional.of(product(rest, n));
            }
        }
        return Optional.empty();
    }

    /**
     * A neighbour that cancels an end of an inverted product of square matrices:
     * A'*inv(A*X*B)'*B' = inv(X)', since inv(A*X*B) = inv(B)*inv(X)*inv(A).
     */
    static Optional<Expr> inverseOfProduct(Expr e) {
        if (!(e instanceof MatMul)) return Optional.empty();
        List<Expr> fs = factors(e);
        for (int i = 0; i < fs.size(); i++) {
            boolean transposed = fs.get(i) instanceof Transpose t && t.a() instanceof MatFn;
            Expr inner = transposed ? ((Transpose) fs.get(i)).a() : fs.get(i);
            if (!(inner instanceof MatFn m) || m.op() != MatOp.INV || !(m.a() instanceof MatMul)) continue;
            List<Expr> p = factors(m.a());
            if (p.size() < 2 || !p.stream().allMatch(f -> f.shape().isSquare())) continue;
            // the product as the neighbours see it: transposed, its factors reverse and transpose
            List<Expr> q = new ArrayList<>();
            for (Expr f : p) q.add(transposed ? Ex.transpose(f) : f);
            if (transposed) java.util.Collections.reverse(q);
            boolean left = i > 0 && fs.get(i - 1).equals(q.get(q.size() - 1));
            boolean right = i + 1 < fs.size() && fs.get(i + 1).equals(q.get(0));
            if (!left && !right) continue;
            List<Expr> rest = new ArrayList<>(q);
            if (left) rest.remove(rest.size() - 1);
            if (right && !rest.isEmpty()) rest.remove(0);
            Expr remaining;
            if (rest.isEmpty()) {
                remaining = Ex.identity(fs.get(i).shape().rows());
            } else if (transposed) {
                List<Expr> back = new ArrayList<>();
                for (Expr f : rest) back.add(Ex.transpose(f));
                java.util.Collections.reverse(back);
                remaining = Ex.transpose(Ex.matfn(MatOp.INV, product(back, null)));
            } else {
                remaining = Ex.matfn(MatOp.INV, product(rest, null));
            }
            List<Expr> out = new ArrayList<>(fs.subList(0, left ? i - 1 : i));
            out.add(remaining);
            out.addAll(fs.subList(right ? i + 2 : i + 1, fs.size()));
            return Optional.of(product(out, e.shape().rows()));
        }
        return Optional.empty();
    }

    private static boolean inverses(Expr a, Expr b) {
        if (a instanceof MatFn m && m.op() == MatOp.INV && m.a().equals(b)) return true;
        return a instanceof Transpose t && t.a() instanceof MatFn m && m.op() == MatOp.INV
                && b instanceof Transpose u && m.a().equals(u.a());
    }

    /** diag(v)*w = v .* w for a column w: the elementwise product reads better than a diagonal matrix. */
    static Optional<Expr> diagTimesVector(Expr e) {
        if (e instanceof MatMul m && m.a() instanceof DiagMatrix d && d.v().shape().isColumn() && m.b().shape().isColumn()) {
            return Optional.of(Ex.hadamard(d.v(), m.b()));
        }
        return Optional.empty();
    }

    static Optional<Expr> softmaxForm(Expr e) {
        if (e instanceof Scale s && s.s() instanceof Power p && p.p() == -1 && p.a() instanceof Reduce r
                && r.axis() == Axis.ALL && r.a().equals(s.a()) && s.a() instanceof Apply f
                && f.fn() == chainrule.expr.Builtin.EXP && f.order() == 0 && f.a().shape().isVector()) {
            return Optional.of(Ex.softmax(SoftKind.SOFTMAX, f.a()));
        }
        return Optional.empty();
    }

    static Optional<Expr> squares(Expr e) {
        if (e instanceof Hadamard h && h.a().equals(h.b())) return Optional.of(Ex.power(h.a(), 2));
        return Optional.empty();
    }
}
