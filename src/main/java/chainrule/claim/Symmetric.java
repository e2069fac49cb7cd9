package chainrule.claim;

import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.expr.Expr;
import chainrule.expr.Spelling;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A claim that holds only where a square matrix is symmetric (2*A*x for the gradient of
 * x'*A*x): the claim and the derivative are compared again at the same points with the
 * matrix replaced by its symmetric part (A + A')/2, which is where the claim was derived.
 */
final class Symmetric {
    private Symmetric() {}

    /** "true only where A is symmetric", or null when symmetry does not explain the claim. */
    static String find(Program program, Expr claim, Expr answer, ClaimChecker.Points at, Spelling text) {
        List<String> square = new ArrayList<>();
        for (Program.Input in : program.inputs().values()) {
            if (in.shape().isSquare() && !in.shape().isScalar() && !in.properties().contains(Stmt.Property.SYMMETRIC)) {
                square.add(in.name());
            }
        }
        if (square.isEmpty() || !holds(program, claim, answer, at, square)) return null;
        // the fewest matrices that explain it: one alone where one does
        List<String> names = square;
        for (String one : square) {
            if (square.size() > 1 && holds(program, claim, answer, at, List.of(one))) {
                names = List.of(one);
                break;
            }
        }
        return names.size() == 1 ? "true only where " + names.get(0) + " is symmetric"
                : "true only where " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                        + names.get(names.size() - 1) + " are symmetric";
    }

    private static boolean holds(Program program, Expr claim, Expr answer, ClaimChecker.Points at, List<String> names) {
        for (Point p : at.raw()) {
            Map<String, RealMatrix> values = new LinkedHashMap<>(p.values());
            for (String n : names) {
                RealMatrix m = values.get(n);
                if (m == null) return false;
                values.put(n, m.add(m.transpose()).scalarMultiply(0.5));
            }
            Point sym = new Point(p.sizes(), values);
            Map<String, RealMatrix> defs;
            try {
                defs = Sampler.evaluateDefinitions(program, sym, at.expand());
            } catch (chainrule.source.Cancelled stop) {
                throw stop;
            } catch (RuntimeException outsideTheDomain) {
                return false;
            }
            RealMatrix truth = ClaimChecker.evalOrNull(answer, sym, defs, at.expand());
            RealMatrix got = ClaimChecker.evalOrNull(claim, sym, defs, at.expand());
            if (truth == null || got == null || !Numbers.agree(truth, got)) return false;
        }
        return true;
    }
}
