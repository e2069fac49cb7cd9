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

    public static final Dim ONE = of(1);

    private final Map<List<String>, Long> terms;
    /** Computed once: dimensions sit in every shape, and shapes are hashed often. */
    private final int hash;

    public Dim(Map<List<String>, Long> terms) {
        TreeMap<List<String>, Long> clean = new TreeMap<>(Dim::compareMonomials);
        terms.forEach((m, c) -> {
            if (c != 0) clean.merge(List.copyOf(m), c, Long::sum);
        });
        clean.values().removeIf(c -> c == 0);
        this.terms = Collections.unmodifiableMap(clean);
        this.hash = this.terms.hashCode();
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
        return new Dim(value == 0 ? Map.of() : Map.of(List.of(), value));
    }

    public static Dim symbol(String name) {
        return new Dim(Map.of(List.of(name), 1L));
    }

    public boolean isConstant() {
        return terms.keySet().stream().allMatch(List::isEmpty);
    }

    public boolean isOne() {
        return equals(ONE);
    }

    /** The value of a constant dimension. */
    public long constant() {
        return terms.getOrDefault(List.of(), 0L);
    }

    public Dim plus(Dim other) {
        Map<List<String>, Long> sum = new TreeMap<>(Dim::compareMonomials);
        sum.putAll(terms);
        other.terms.forEach((m, c) -> sum.merge(m, c, Long::sum));
        return new Dim(sum);
    }

    public Dim negate() {
        Map<List<String>, Long> neg = new TreeMap<>(Dim::compareMonomials);
        terms.forEach((m, c) -> neg.put(m, -c));
        return new Dim(neg);
    }

    public Dim minus(Dim other) {
        return plus(other.negate());
    }

    public Dim times(Dim other) {
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
        terms.keySet().forEach(out::addAll);
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
