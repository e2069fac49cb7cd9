package chainrule.claim;

import chainrule.eval.Point;
import chainrule.expr.Expr;
import chainrule.expr.Expr.*;
import chainrule.expr.Traverse;
import chainrule.expr.Spelling;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.linear.RealMatrix;

/** Where a partly correct claim holds: on one side of a kink (abs, relu, sign, step) of the network. */
final class Conditions {
    private Conditions() {}

    /** The arguments of kinked functions in the network and the answer. */
    static List<Expr> kinkArguments(Program p, Expr answer) {
        Set<Expr> out = new LinkedHashSet<>();
        List<Expr> roots = new ArrayList<>();
        for (Program.Definition d : p.definitions()) roots.add(d.body());
        roots.add(answer);
        for (Expr r : roots) {
            Traverse.any(r, x -> {
                if (x instanceof Apply a && a.fn().kinked()) out.add(a.a());
                return false;
            });
        }
        return new ArrayList<>(out);
    }

    /** "only where Delta > 0 (Delta = Out - Y)", or null when no kink separates the points. */
    static String find(Program p, Expr answer, List<Point> raw, List<Map<String, RealMatrix>> points,
                       List<Boolean> agree, Function<Derivative, Expr> expand, Spelling text) {
        for (Expr arg : kinkArguments(p, answer)) {
            Boolean sign = separates(arg, raw, points, agree, expand);
            if (sign == null) continue;
            String name = text.render(arg);
            String def = arg instanceof Var v && p.byName().get(v.name()) instanceof Program.Definition d
                    ? " (" + v.name() + " = " + text.render(d.body()) + ")" : "";
            String entries = arg.shape().isScalar() ? "" : " in every entry";
            return "only where " + name + (sign ? " > 0" : " < 0") + entries + def;
        }
        return null;
    }

    /** true when the claim agrees exactly where arg > 0, false where arg < 0, null otherwise. */
    private static Boolean separates(Expr arg, List<Point> raw, List<Map<String, RealMatrix>> points,
                                     List<Boolean> agree, Function<Derivative, Expr> expand) {
        boolean positive = true, negative = true;
        for (int i = 0; i < raw.size(); i++) {
            RealMatrix v = ClaimChecker.evalOrNull(arg, raw.get(i), points.get(i), expand);
            if (v == null) return null;
            boolean allPos = true, allNeg = true;
            for (double[] row : v.getData()) for (double x : row) {
                allPos &= x > 0;
                allNeg &= x < 0;
            }
            positive &= agree.get(i) == allPos;
            negative &= agree.get(i) == allNeg;
        }
        return positive ? Boolean.TRUE : negative ? Boolean.FALSE : null;
    }

    /** "abs'(Delta) = sign(Delta) is missing": the claim times the kink's derivative is the answer. */
    static String missingKinkFactor(Program p, Expr answer, List<Point> raw, List<Map<String, RealMatrix>> points,
                                    List<RealMatrix> truth, List<RealMatrix> got, Function<Derivative, Expr> expand, Spelling text) {
        for (Expr arg : kinkArguments(p, answer)) {
            if (!arg.shape().isScalar()) continue;
            boolean all = true;
            for (int i = 0; i < raw.size() && all; i++) {
                RealMatrix a = ClaimChecker.evalOrNull(arg, raw.get(i), points.get(i), expand);
                if (a == null || got.get(i) == null) return null;
                double s = Math.signum(a.getEntry(0, 0));
                all = Numbers.agree(truth.get(i), got.get(i).scalarMultiply(s));
            }
            if (all) {
                String name = text.render(arg);
                return "the factor sign(" + name + ") is missing (abs'(" + name + ") = sign(" + name + "): the derivative of abs"
                        + " is -1 where " + name + " < 0)";
            }
        }
        return null;
    }
}
