package chainrule.eval;

import chainrule.expr.Ex;
import chainrule.expr.Shape;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Between a derivative in the layout of SPEC §2 and the vec-Jacobian J = d vec(of) / d vec(wrt)
 * (size(of) x size(wrt)). Only a gradient differs: it is shaped like the variable, J is its
 * vec as a row. A vector-by-vector Jacobian already is J, as vec of a row or column is itself.
 */
public final class Layout {
    private Layout() {}

    public static RealMatrix toVecJacobian(RealMatrix derivative, Shape of) {
        if (!of.isScalar()) return derivative;
        return Matrices.unvec(Matrices.vec(derivative), 1, Matrices.size(derivative));
    }

    public static RealMatrix fromVecJacobian(RealMatrix jacobian, Shape of, Shape wrt, Map<String, Long> sizes) {
        Shape target = Ex.derivativeShape(of, wrt);
        return Matrices.reshape(jacobian, Matrices.rows(target, sizes), Matrices.cols(target, sizes));
    }
}
