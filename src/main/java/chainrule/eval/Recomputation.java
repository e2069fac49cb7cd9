package chainrule.eval;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An expression's value as a function of one variable, an input or a definition, with every
 * other input held at a point: setting the variable recomputes only the definitions that
 * depend on it.
 */
final class Recomputation {
    private final Map<String, Long> sizes;
    private final Map<String, RealMatrix> base;
    private final String wrt;
    private final List<Program.Definition> dependents = new ArrayList<>();
    private final Expr of;
    private final Function<Derivative, Expr> expand;
    /** Whether a log(A) of a softmax A is read, so that a recomputed A's log_softmax is kept too. */
    private final boolean logs;
    private double[][] buffer;
    private final Recycling recycling = new Recycling();

    Recomputation(Program program, Point point, Expr of, String wrt, Function<Derivative, Expr> expand) {
        this(program, point, Sampler.evaluateDefinitions(program, point, expand), of, wrt, expand);
    }

    /** {@code values}: the inputs and every definition at the point, as {@link Sampler#evaluateDefinitions} gives them. */
    Recomputation(Program program, Point point, Map<String, RealMatrix> values, Expr of, String wrt,
            Function<Derivative, Expr> expand) {
        if (!program.has(wrt)) throw new IllegalArgumentException(wrt + " is neither an input nor a definition");
        this.sizes = point.sizes();
        this.base = values;
        this.wrt = wrt;
        this.of = of;
        this.expand = expand;
        Set<String> needed = needed(program, of);
        Set<String> affected = new HashSet<>(Set.of(wrt));
        for (Program.Definition d : program.definitions()) {
            if (d.name().equals(wrt)) continue;
            Set<String> reads = Children.variables(d.body());
            reads.retainAll(affected);
            if (!reads.isEmpty()) {
                affected.add(d.name());
                if (needed == null || needed.contains(d.name())) dependents.add(d);
            }
        }
        boolean logs = readsLog(of);
        for (Program.Definition d : dependents) logs |= readsLog(d.body());
        this.logs = logs;
    }

    /** Whether e takes a log (or holds a derivative term, whose expansion may). */
    private static boolean readsLog(Expr e) {
        boolean[] found = {false};
        Children.walk(e, x -> found[0] |= x instanceof Derivative
                || x instanceof Expr.Apply a && a.order() == 0 && a.fn() == chainrule.expr.Builtin.LOG);
        return found[0];
    }

    /**
     * The names {@code of} reads, directly or through definitions: only those are recomputed at
     * each step (a file's other outputs are not). Null, meaning every name, where a derivative
     * term is met: its expansion may read names it does not show.
     */
    private static Set<String> needed(Program program, Expr of) {
        Set<String> needed = new HashSet<>();
        if (!reads(of, needed)) return null;
        List<Program.Definition> defs = program.definitions();
        for (int i = defs.size() - 1; i >= 0; i--) {
            Program.Definition d = defs.get(i);
            if (needed.contains(d.name()) && !reads(d.body(), needed)) return null;
        }
        return needed;
    }

    /** Adds the variables e reads to names; false where e holds a derivative term. */
    private static boolean reads(Expr e, Set<String> names) {
        boolean[] plain = {true};
        Children.walk(e, x -> {
            if (x instanceof Expr.Var v) names.add(v.name());
            else if (x instanceof Derivative) plain[0] = false;
        });
        return plain[0];
    }

    RealMatrix wrtValue() {
        return base.get(wrt);
    }

    Map<String, RealMatrix> values() {
        return base;
    }

    /** vec of the value of {@code of} at the point: kept among the values where it is a name, else worked out. */
    double[] value() {
        if (of instanceof Expr.Var v && base.get(v.name()) != null) return Matrices.vec(base.get(v.name()));
        return valueAt(wrtValue());
    }

    /** vec of the value of {@code of} where the variable is moved by t v from its value at the point. */
    double[] valueAlong(RealMatrix v, double t) {
        RealMatrix x = base.get(wrt);
        int r = x.getRowDimension(), c = x.getColumnDimension();
        // one buffer for every step along v: the value is copied out (vec) before the next step
        if (buffer == null || buffer.length != r || (r > 0 && buffer[0].length != c)) buffer = new double[r][c];
        double[][] moved = buffer;
        if (x instanceof Array2DRowRealMatrix xa && v instanceof SignDirection s) {
            s.moveInto(xa.getDataRef(), t, moved);
        } else if (x instanceof Array2DRowRealMatrix xa && v instanceof Array2DRowRealMatrix va) {
            // row by row, without a bounds check per entry: a large variable is moved eight times a check
            double[][] xs = xa.getDataRef(), vs = va.getDataRef();
            for (int i = 0; i < r; i++) {
                double[] row = moved[i], xr = xs[i], vr = vs[i];
                for (int j = 0; j < c; j++) row[j] = xr[j] + t * vr[j];
            }
        } else {
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) moved[i][j] = x.getEntry(i, j) + t * v.getEntry(i, j);
        }
        return valueAt(new Array2DRowRealMatrix(moved, false));
    }

    /** vec of the value of {@code of} where the variable is {@code value}. */
    private double[] valueAt(RealMatrix value) {
        Map<String, RealMatrix> values = new Overlay(base);
        values.put(wrt, value);
        values.remove(Evaluator.logOf(wrt)); // moved: its log is no longer the one kept
        Evaluator evaluator = new Evaluator(sizes, values, expand, null, recycling);
        for (Program.Definition d : dependents) evaluator.define(d, values, logs);
        double[] out = Matrices.vec(evaluator.eval(of));
        recycling.endPass();
        return out;
    }
}
