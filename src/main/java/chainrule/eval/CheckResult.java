package chainrule.eval;

import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The outcome of a numeric check. {@code expected} (finite differences) and {@code got} (the
 * symbolic value) are those at the worst point, {@code worstPoint} the inputs there. Where the
 * variable is large and directions were used, both are size(of) x k matrices of directional
 * derivatives rather than whole derivatives.
 */
public record CheckResult(
        boolean passed,
        double maxRelError,
        int points,
        RealMatrix expected,
        RealMatrix got,
        Map<String, RealMatrix> worstPoint) {}
