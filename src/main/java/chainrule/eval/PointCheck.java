package chainrule.eval;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * A symbolic derivative against finite differences at one point. {@code directional}: the
 * matrices are size(of) x k directional derivatives, not the whole derivative.
 */
public record PointCheck(Point point, double relError, RealMatrix expected, RealMatrix got, boolean directional) {
    public boolean passed() {
        return relError < Verifier.TOLERANCE;
    }
}
