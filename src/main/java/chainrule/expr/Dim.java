package chainrule.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dimension: a polynomial with whole coefficients over size symbols, such as {@code 3},
 * {@code n}, {@code n+1} or {@code m*n} (the size of a vectorised m x n matrix).
 * Terms are kept sorted, so equal dimensions are equal records.
 */
public final class Dim {

    private static final List<String> CONSTANT = List.of();
    /** Small constants made once each: most dimensions are numbers, and shapes are compared all the time. */
    private static final Dim[] SMALL = new Dim[1025];

    public static final Dim ONE = of(1);

    private final Map<List<String>, Long> terms;
    /** Computed once: dimensions sit in every shape, and shapes are hashed often. */
    private final int hash;
    private final boolean number;

    public Dim(Map<List<String>, Long> terms) {
        this(sorted(terms));
    }

    private static TreeMap<List<String>, Long> sorted(Map<List<String>, Long> terms) {
        TreeMap<List<String>, Long> clean = new TreeMap<>(Dim::compareMonomials);
        for (var t : terms.entrySet()) {
            long c = t.getValue();
            if (c != 0) clean.merge(List.copyOf(t.getKey()), c, Long::sum);
        }
        return clean;
    }

    /** A map already sorted by {@link #compareMonomials}, its keys immutable lists; terms of coefficient 0 are dropped. */
    private Dim(TreeMap<List<String>, Long> sorted) {
        sorted.values().removeIf(c -> c == 0);
        this.terms = Collections.unmodifiableMap(sorted);
        this.hash = this.terms.hashCode();
        this.number = sorted.isEmpty() || sorted.size() == 1 && sorted.firstKey().isEmpty();
    }

    /** The constant value: the same map, hash and so record as new Dim(Map.of(List.of(), value)), made without merging. */
    private Dim(long value) {
        TreeMap<List<String>, Long> one = new TreeMap<>(Dim::compareMonomials);
        if (value != 0) one.put(CONSTANT, value);
        this.terms = Collections.unmodifiableMap(one);
        this.hash = this.terms.hashCode();
        this.number = true;
    }

    public Map<List<String>, Long> terms() {
        return terms;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Dim d && d.hash == hash && d.terms.equals(terms));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    public static Dim of(long value) {
        if (value < 0 || value >= SMALL.length) return new Dim(value);
        Dim d = SMALL[(int) value];
        if (d == null) SMALL[(int) value] = d = new Dim(value);
        return d;
    }

    public static Dim symbol(String name) {
        return new Dim(Map.of(List.of(name), 1L));
    }

    public boolean isConstant() {
        return number;
    }

    public boolean isOne() {
        return equals(ONE);
    }

    /** The value of a constant dimension. */
    public long constant() {
        if (number) return terms.isEmpty() ? 0 : terms.values().iterator().next();
        return terms.getOrDefault(CONSTANT, 0L);
    }

    public Dim plus(Dim other) {
        if (other.terms.isEmpty()) return this;
        if (terms.isEmpty()) return other;
        if (isConstant() && other.isConstant()) return of(constant() + other.constant());
        TreeMap<List<String>, Long> sum = new TreeMap<>(Dim::compareMonomials);
        sum.putAll(terms);
        for (var t : other.terms.entrySet()) sum.merge(t.getKey(), t.getValue(), Long::sum);
        return new Dim(sum);
    }

    public Dim negate() {
        if (isConstant()) return of(-constant());
        TreeMap<List<String>, Long> neg = new TreeMap<>(Dim::compareMonomials);
        for (var t : terms.entrySet()) neg.put(t.getKey(), -t.getValue());
        return new Dim(neg);
    }

    public Dim minus(Dim other) {
        if (isConstant() && other.isConstant()) return of(constant() - other.constant());
        return plus(other.negate());
    }

    public Dim times(Dim other) {
        if (isConstant() && other.isConstant()) return of(constant() * other.constant());
        Map<List<String>, Long> product = new TreeMap<>(Dim::compareMonomials);
        terms.forEach((m1, c1) -> other.terms.forEach((m2, c2) -> {
            List<String> m = new ArrayList<>(m1);
            m.addAll(m2);
            Collections.sort(m);
            product.merge(m, c1 * c2, Long::sum);
        }));
        return new Dim(product);
    }

    public java.util.Set<String> symbols() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (List<String> m : terms.keySet()) out.addAll(m);
        return out;
    }

    /** Replaces symbols by dimensions (symbols missing from the map stay). */
    public Dim substitute(Map<String, Dim> values) {
        Dim out = of(0);
        for (var e : terms.entrySet()) {
            Dim term = of(e.getValue());
            for (String s : e.getKey()) term = term.times(values.getOrDefault(s, symbol(s)));
            out = out.plus(term);
        }
        return out;
    }

    /** The size under an assignment of every symbol. */
    public long evaluate(Map<String, Long> sizes) {
        long total = 0;
        for (var e : terms.entrySet()) {
            long term = e.getValue();
            for (String s : e.getKey()) {
                Long v = sizes.get(s);
                if (v == null) throw new IllegalStateException("no size for dimension " + s);
                term *= v;
            }
            total += term;
        }
        return total;
    }

    @Override
    public String toString() {
        if (terms.isEmpty()) return "0";
        StringBuilder out = new StringBuilder();
        // symbolic terms first, the constant last: n+1, not 1+n
        List<Map.Entry<List<String>, Long>> ordered = new ArrayList<>(terms.entrySet());
        ordered.sort((a, b) -> {
            if (a.getKey().isEmpty() != b.getKey().isEmpty()) return a.getKey().isEmpty() ? 1 : -1;
            return compareMonomials(a.getKey(), b.getKey());
        });
        for (var e : ordered) {
            long c = e.getValue();
            List<String> m = e.getKey();
            if (out.isEmpty()) {
                if (c < 0) out.append('-');
            } else {
                out.append(c < 0 ? "-" : "+");
            }
            long a = Math.abs(c);
            if (m.isEmpty()) {
                out.append(a);
            } else {
                if (a != 1) out.append(a).append('*');
                out.append(String.join("*", m));
            }
        }
        return out.toString();
    }

    private static int compareMonomials(List<String> a, List<String> b) {
        if (a.size() != b.size()) return Integer.compare(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return 0;
    }
}
