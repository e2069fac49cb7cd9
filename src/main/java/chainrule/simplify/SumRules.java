package chainrule.simplify;

import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Traverse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sums: like terms collected, common factors taken out, a minus carried once, one order of terms. */
final class SumRules {
    private SumRules() {}

    static List<Rule> all() {
        return List.of(
                Rule.on(Add.class, "a negated sum inside a sum is one sum", SumRules::flattenNegatedSum),
                Rule.on(Add.class, "like terms", SumRules::likeTerms),
                Rule.on(Add.class, "common number", SumRules::commonNumber),
                Rule.on(Add.class, "common factor", SumRules::commonFactor),
                Rule.on(Add.class, "common elementwise factor", SumRules::commonElementwiseFactor),
                Rule.on(Add.class, "common scalar factor", SumRules::commonScalarFactor),
                Rule.on(Add.class, "a sum of negatives is a negated sum", SumRules::minusOnce),
                Rule.on(Add.class, "positive terms first", SumRules::orderTerms),
                Rule.on(Add.class, "a sum of matching concatenations is a concatenation of sums", SumRules::concatSum));
    }

    /** A term as coefficient times the rest: -X is (-1, X), -3*s*X is (-3, s*X). */
    record Term(double coefficient, Expr rest) {}

    static Term term(Expr e) {
        if (e instanceof Neg n) {
            Term t = term(n.a());
            return new Term(-t.coefficient, t.rest);
        }
        if (e instanceof Broadcast b && b.a() instanceof Num c) return new Term(c.value(), Ex.ones(e.shape()));
        if (e.shape().isScalar()) {
            Monomial m = Monomial.of(e);
            return new Term(m.c(), new Monomial(1, m.powers()).build());
        }
        if (e instanceof Scale s) {
            Monomial m = Monomial.of(s.s());
            Expr x = s.a();
            while (x instanceof Scale t) {
                m = m.times(Monomial.of(t.s()));
                x = t.a();
            }
            return new Term(m.c(), new Monomial(1, m.powers()).scaling(x));
        }
        return new Term(1, e);
    }

    static Expr build(double c, Expr rest) {
        if (c == 1) return rest;
        if (c == -1) return Ex.neg(rest);
        if (c < 0) return Ex.neg(Ex.scale(Ex.num(-c), rest));
        return Ex.scale(Ex.num(c), rest);
    }

    /** a - (b + c) is a - b - c. Lowers the number of sums. */
    static Optional<Expr> flattenNegatedSum(Add a) {
        boolean any = false;
        for (Expr t : a.terms()) any |= t instanceof Neg n && n.a() instanceof Add;
        if (!any) return Optional.empty();
        List<Expr> out = new ArrayList<>();
        for (Expr t : a.terms()) {
            if (t instanceof Neg n && n.a() instanceof Add inner) {
                for (Expr u : inner.terms()) out.add(Ex.neg(u));
            } else {
                out.add(t);
            }
        }
        return Optional.of(Ex.add(out));
    }

    /** X + X is 2*X, X - X is 0. Lowers the number of terms. */
    static Optional<Expr> likeTerms(Add a) {
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

    /**
     * -Y / 4 + P / 4 is (P - Y) / 4: a number every term carries, once. Lowers the number of
     * numbers; a whole number shared by two terms stays with them (2*a + 2*b is no longer than 2*(a + b)).
     */
    static Optional<Expr> commonNumber(Add a) {
        List<Term> terms = a.terms().stream().map(SumRules::term).toList();
        double k = Math.abs(terms.get(0).coefficient);
        if (k == 1 || k == 0 || terms.stream().anyMatch(t -> Math.abs(t.coefficient) != k)) return Optional.empty();
        if (k == Math.rint(k) && terms.size() == 2) return Optional.empty();
        List<Expr> out = new ArrayList<>();
        for (Term t : terms) out.add(t.coefficient < 0 ? Ex.neg(t.rest) : t.rest);
        return Optional.of(Ex.scale(Ex.num(k), Ex.add(out)));
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

    /** A*B + A*C is A*(B + C), B*A + C*A is (B + C)*A, for a factor every term shares. Lowers the number of factors. */
    static Optional<Expr> commonFactor(Add a) {
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
        List<Expr> first = lists.get(0);
        List<Expr> shared = left ? first.subList(0, k) : first.subList(first.size() - k, first.size());
        if (!chainable(shared)) return Optional.empty();
        Expr sharedProduct = product(shared, null);
        Dim dim = left ? sharedProduct.shape().cols() : sharedProduct.shape().rows();
        List<Expr> rests = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            List<Expr> fs = lists.get(i);
            List<Expr> rest = left ? fs.subList(k, fs.size()) : fs.subList(0, fs.size() - k);
            // the factors of c*X are c and X: what is left of a term need not be a product of matrices
            if (!chainable(rest)) return Optional.empty();
            rests.add(build(signs.get(i), product(rest, dim)));
        }
        if (rests.stream().anyMatch(r -> !r.shape().equals(rests.get(0).shape()))) return Optional.empty();
        Expr inner = Ex.add(rests);
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

    private static boolean inEvery(List<Collection<Expr>> sets, Expr f) {
        for (Collection<Expr> set : sets) if (!set.contains(f)) return false;
        return true;
    }

    /** a .* c - b .* c is (a - b) .* c, where that is shorter. Lowers the number of nodes. */
    static Optional<Expr> commonElementwiseFactor(Add a) {
        // loops, not streams: this rule runs on every sum, at every start
        List<Term> terms = new ArrayList<>(a.terms().size());
        List<List<Expr>> lists = new ArrayList<>(a.terms().size());
        int factors = 0;
        boolean allSingle = true;
        for (Expr t : a.terms()) {
            Term term = term(t);
            List<Expr> fs = ProductRules.elementwiseFactors(term.rest);
            terms.add(term);
            lists.add(fs);
            factors += fs.size();
            allSingle &= fs.size() == 1;
        }
        // many factors are looked up in sets (n factors in each of n terms were n^2 comparisons a
        // term); a few in the lists themselves, where a factor is most often the same node
        boolean many = factors > 4 * Ex.FLAT;
        List<Collection<Expr>> sets = new ArrayList<>(lists.size());
        for (List<Expr> l : lists) sets.add(many ? new HashSet<>(l) : l);
        for (Expr f : many ? new LinkedHashSet<>(lists.get(0)) : lists.get(0)) {
            if (f.shape().isScalar() || !inEvery(sets, f)) continue;
            if (allSingle) continue;
            List<Expr> rests = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                List<Expr> rest = new ArrayList<>(lists.get(i));
                rest.remove(f);
                rests.add(build(terms.get(i).coefficient, ProductRules.elementwiseProduct(rest, a.shape())));
            }
            List<Expr> firstList = lists.get(0);
            boolean last = firstList.get(firstList.size() - 1).equals(f);
            Expr sum = Ex.add(rests);
            Expr out = last ? Ex.hadamard(sum, f) : Ex.hadamard(f, sum);
            if (Traverse.size(out) < Traverse.size(a)) return Optional.of(out);
        }
        return Optional.empty();
    }

    /**
     * a / sigma - s*b / (sigma*n) is (a - s*b / n) / sigma: the scalar factors (numerator or
     * denominator) that every term's scaling shares, once. Lowers the number of scalar factors.
     */
    static Optional<Expr> commonScalarFactor(Add a) {
        if (a.shape().isScalar()) return Optional.empty();
        List<Monomial> scalings = new ArrayList<>();
        List<Expr> bodies = new ArrayList<>();
        for (Expr t : a.terms()) {
            Monomial m = Monomial.ONE;
            Expr x = t;
            if (x instanceof Neg n) {
                m = m.times(-1);
                x = n.a();
            }
            while (x instanceof Scale s) {
                m = m.times(Monomial.of(s.s()));
                x = s.a();
            }
            scalings.add(m);
            bodies.add(x);
        }
        Map<Expr, Double> common = new LinkedHashMap<>();
        scalings.get(0).powers().forEach((f, p) -> {
            double least = p;
            for (Monomial m : scalings) {
                Double q = m.powers().get(f);
                if (q == null || Math.signum(q) != Math.signum(p)) return;
                least = p > 0 ? Math.min(least, q) : Math.max(least, q);
            }
            common.put(f, least);
        });
        if (common.isEmpty()) return Optional.empty();
        Monomial shared = new Monomial(1, common);
        Monomial inverse = shared.power(-1);
        List<Expr> rests = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) rests.add(scalings.get(i).times(inverse).scaling(bodies.get(i)));
        return Optional.of(shared.scaling(Ex.add(rests)));
    }

    /** -a - b is -(a + b): the minus once. Lowers the number of negations. */
    static Optional<Expr> minusOnce(Add a) {
        if (!a.terms().stream().allMatch(t -> t instanceof Neg)) return Optional.empty();
        return Optional.of(Ex.neg(Ex.add(a.terms().stream().map(t -> ((Neg) t).a()).toList())));
    }

    /** yhat - y, not -y + yhat; A + A', not A' + A. Lowers the number of terms out of order. */
    static Optional<Expr> orderTerms(Add a) {
        List<Expr> sorted = new ArrayList<>(a.terms());
        sorted.sort(BY_RANK);
        if (sorted.equals(a.terms())) return Optional.empty();
        return Optional.of(Ex.add(sorted));
    }

    // a lambda of our own, which the start-up cache keeps linked; Comparator.comparingInt's is spun at every start
    private static final Comparator<Expr> BY_RANK = (x, y) -> Integer.compare(rank(x), rank(y));

    private static int rank(Expr t) {
        if (t instanceof Neg || (t instanceof Num n && n.value() < 0)) return 3;
        if (t instanceof Num) return 2;
        if (t instanceof Transpose x && x.a() instanceof Var) return 1;
        return 0;
    }

    /** [a; 0] + [0; b] is [a; b]: concatenations split alike add part by part. Lowers the number of sums. */
    static Optional<Expr> concatSum(Add a) {
        if (a.terms().size() != 2) return Optional.empty();
        if (!(a.terms().get(0) instanceof Concat x) || !(a.terms().get(1) instanceof Concat y)) return Optional.empty();
        if (x.axis() != y.axis() || x.parts().size() != y.parts().size()) return Optional.empty();
        List<Expr> parts = new ArrayList<>();
        for (int i = 0; i < x.parts().size(); i++) {
            if (!x.parts().get(i).shape().equals(y.parts().get(i).shape())) return Optional.empty();
            parts.add(Ex.add(x.parts().get(i), y.parts().get(i)));
        }
        return Optional.of(Ex.concat(x.axis(), parts));
    }
}
