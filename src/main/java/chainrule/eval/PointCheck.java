package chainrule.eval;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * A symbolic derivative against finite differences at one point. {@code directional}: the
 * matrices are size(of) x k directional derivatives, not the whole derivative. {@code size}:
 * the number of entries of the variable.
 */
public record PointCheck(Point point, double relError, RealMatrix expected, RealMatrix got, boolean directional, int size) {
    public boolean passed() {
        return relError < Verifier.TOLERANCE;
    }
}
