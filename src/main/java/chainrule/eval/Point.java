package chainrule.eval;

import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/** Where to evaluate: a size for every dimension symbol and a value for every input. */
public record Point(Map<String, Long> sizes, Map<String, RealMatrix> values) {
    public Point {
        sizes = Map.copyOf(sizes);
        values = Map.copyOf(values);
    }
}
