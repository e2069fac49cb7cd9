package chainrule.eval;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The values at a point with some of them changed, without a copy of the rest: what
 * {@link Recomputation} hands each of the many passes of a numeric check, where copying every
 * input and definition into a new map took as long as a small network's whole pass. Writes and
 * removals stay here; the map underneath is only read.
 */
final class Overlay extends AbstractMap<String, RealMatrix> {
    private final Map<String, RealMatrix> under;
    private final Map<String, RealMatrix> changed = new HashMap<>();
    private final Set<String> removed = new HashSet<>();

    Overlay(Map<String, RealMatrix> under) {
        this.under = under;
    }

    @Override
    public RealMatrix get(Object key) {
        RealMatrix m = changed.get(key);
        if (m != null || changed.containsKey(key)) return m;
        return removed.contains(key) ? null : under.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return changed.containsKey(key) || !removed.contains(key) && under.containsKey(key);
    }

    @Override
    public RealMatrix put(String key, RealMatrix value) {
        RealMatrix before = get(key);
        removed.remove(key);
        changed.put(key, value);
        return before;
    }

    @Override
    public RealMatrix remove(Object key) {
        RealMatrix before = get(key);
        changed.remove(key);
        if (key instanceof String s && under.containsKey(s)) removed.add(s);
        return before;
    }

    @Override
    public Set<Entry<String, RealMatrix>> entrySet() {
        Map<String, RealMatrix> all = new HashMap<>(under);
        all.keySet().removeAll(removed);
        all.putAll(changed);
        return all.entrySet();
    }
}
