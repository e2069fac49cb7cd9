package chainrule.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Where to evaluate: a size for every dimension symbol and a value for every input. Both maps
 * are read-only and keep a fixed order (sizes by name, values as given), so output is repeatable.
 */
public record Point(Map<String, Long> sizes, Map<String, RealMatrix> values) {
    public Point {
        sizes = Collections.unmodifiableMap(new TreeMap<>(sizes));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
