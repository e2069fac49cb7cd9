package chainrule.eval;

import chainrule.expr.Dim;
import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Expr.MatFn;
import chainrule.expr.Expr.MatOp;
import chainrule.expr.Shape;
import chainrule.parse.Stmt.Property;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Draws random points for numeric checks (SPEC §3). Symbolic dimensions get sizes 2..4, changing
 * from one point to the next (see {@link #sizesFor}); inputs are normal(0, 1) (narrower for large inputs, see {@link #spread}),
 * one-hot (by columns or rows), 0 or 1, or in (0.5, 2) where declared so, and
 * well-conditioned where they feed det, logdet or inv. A point whose definitions come near a
 * kink, leave a domain or stop being finite is drawn again, up to {@value #MAX_TRIES} times.
 */
public final class Sampler {
    public static final int MAX_TRIES = 50;

    private final Program program;
    private final Function<Derivative, Expr> expand;
    private final Random random;
    private final Dims dims;
    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final Set<String> wellConditioned;
    private int drawn;

    public Sampler(Program program, long seed) {
        this(program, seed, null);
    }

    /** {@code expand} works out derivatives written inside definitions; null where there are none. */
    public Sampler(Program program, long seed, Function<Derivative, Expr> expand) {
        this.program = program;
        this.expand = expand;
        this.random = new Random(seed);
        this.dims = dimsOf(program);
        for (String sym : dims.symbols()) offsets.put(sym, random.nextInt(3));
        this.wellConditioned = inputsUnderMatrixFunctions(program);
    }

    /** The sizes of the next point drawn. */
    public Map<String, Long> sizes() {
        return sizesFor(drawn);
    }

    /** A point where the program is smooth, or the last one tried after {@value #MAX_TRIES} tries. */
    public Point draw() {
        Map<String, Long> sizes = sizesFor(drawn++);
        Limits.check(program, sizes);
        Point point = null;
        double scale = 1;
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            point = drawOnce(sizes, scale);
            TroubleWatch watch = watch(point);
            if (watch.trouble() == null) return point;
            // a network that blows its inputs up (squares of squares, exp) is tried nearer 0
            if (watch.tooLarge()) scale *= 0.7;
        }
        return point;
    }

    /** The inputs and the value of every definition, in dependency order. */
    public Map<String, RealMatrix> evaluateDefinitions(Point point) {
        return evaluateDefinitions(program, point, expand);
    }

    public static Map<String, RealMatrix> evaluateDefinitions(Program program, Point point, Function<Derivative, Expr> expand) {
        Map<String, RealMatrix> values = new LinkedHashMap<>(point.values());
        // the evaluator reads the map the definitions are written into, each after what it uses
        Evaluator evaluator = new Evaluator(point.sizes(), values, expand);
        for (Program.Definition d : program.definitions()) evaluator.define(d, values);
        return values;
    }

    /** Why this point would be drawn again, or null if it is fine. */
    public String trouble(Point point) {
        return watch(point).trouble();
    }

    /** The inputs and definitions at the point last drawn, as the draw worked them out (no second pass). */
    public Map<String, RealMatrix> valuesAt(Point point) {
        if (point == lastPoint && lastValues != null) return lastValues;
        return evaluateDefinitions(point);
    }

    private Point lastPoint;
    private Map<String, RealMatrix> lastValues;

    private TroubleWatch watch(Point point) {
        TroubleWatch watch = new TroubleWatch();
        Map<String, RealMatrix> values = new LinkedHashMap<>(point.values());
        Evaluator evaluator = new Evaluator(point.sizes(), values, expand, watch);
        lastPoint = point;
        lastValues = null;
        try {
            for (Program.Definition d : program.definitions()) evaluator.define(d, values);
            lastValues = values;
            for (Program.Request r : program.requests()) {
                if (r instanceof Program.Derive d && !(d.of() instanceof Expr.Var)) evaluator.eval(d.of());
            }
        } catch (IllegalStateException e) {
            // an expression that cannot be evaluated here (no expansion given) says nothing about the point
        }
        return watch;
    }

    private Point drawOnce(Map<String, Long> sizes, double scale) {
        Map<String, RealMatrix> values = new LinkedHashMap<>();
        for (Program.Input in : new TreeMap<>(program.inputs()).values()) {
            int r = Matrices.rows(in.shape(), sizes), c = Matrices.cols(in.shape(), sizes);
            values.put(in.name(), drawInput(in, r, c, scale));
        }
        return new Point(sizes, values);
    }

    private RealMatrix drawInput(Program.Input in, int r, int c, double scale) {
        Set<Property> props = in.properties();
        if (props.contains(Property.ONEHOT)) return oneHot(r, c);
        if (props.contains(Property.ONEHOT_ROWS)) return oneHot(c, r).transpose();
        if (props.contains(Property.BINARY)) {
            RealMatrix b = new Array2DRowRealMatrix(r, c);
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) b.setEntry(i, j, random.nextBoolean() ? 1 : 0);
            return b;
        }
        boolean positive = props.contains(Property.POSITIVE);
        double sd = spread(r, c) * scale;
        RealMatrix m;
        if ((long) r * c > LARGE) {
            m = new Array2DRowRealMatrix(drawLarge(r, c, positive, sd, new SplittableRandom(random.nextLong())), false);
        } else {
            m = new Array2DRowRealMatrix(r, c);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) m.setEntry(i, j, positive ? 0.5 + 1.5 * random.nextDouble() : sd * random.nextGaussian());
            }
        }
        if (r == c && wellConditioned.contains(in.name())) {
            // a dominant diagonal keeps det away from 0 (and positive, for logdet) and inv accurate,
            // while the random rest keeps X and X' apart, so a missing transpose is still caught
            double diagonal = 1 + 2 * Math.sqrt(r);
            m = m.scalarMultiply(positive ? 1 : 0.5);
            for (int i = 0; i < r; i++) m.addToEntry(i, i, diagonal);
        }
        if (props.contains(Property.SYMMETRIC) && r == c) m = m.add(m.transpose()).scalarMultiply(0.5);
        return m;
    }

    /**
     * Above this many entries an input is drawn from a generator seeded by the point's: its
     * Gaussians (a ziggurat) cost a fraction of java.util.Random's (the polar method, a logarithm
     * and a synchronized call each), which took as long as three passes of a network over a
     * 3000 x 3000 input. Smaller inputs keep the draws they had.
     */
    static final long LARGE = 100_000;

    private static double[][] drawLarge(int r, int c, boolean positive, double sd, SplittableRandom random) {
        double[][] m = new double[r][c];
        for (double[] row : m) {
            for (int j = 0; j < c; j++) row[j] = positive ? 0.5 + 1.5 * random.nextDouble() : sd * random.nextGaussian();
        }
        return m;
    }

    /**
     * The standard deviation of a normal input: 1 up to 4 rows or columns, then shrinking as the
     * fourth root of the larger dimension, so a product of two inputs over a long dimension
     * (x*W with 784 columns) stays of order 1. Otherwise sigmoids saturate, every derivative
     * is nearly 0, and a wrong claim would look as right as a right one.
     */
    static double spread(int rows, int cols) {
        int d = Math.max(rows, cols);
        return d <= 4 ? 1 : Math.pow(d / 4.0, -0.25);
    }

    /** A one-hot vector, or a matrix whose every column is one-hot. */
    private RealMatrix oneHot(int r, int c) {
        RealMatrix m = new Array2DRowRealMatrix(r, c);
        if (r == 1) {
            m.setEntry(0, random.nextInt(c), 1);
        } else {
            for (int j = 0; j < c; j++) m.setEntry(random.nextInt(r), j, 1);
        }
        return m;
    }

    /** The symbols and every dimension of the program, which sizes must keep at least 1. */
    private record Dims(List<String> symbols, List<Dim> all) {}

    private static Dims dimsOf(Program program) {
        Set<String> symbols = new TreeSet<>(program.dims());
        List<Dim> dims = new ArrayList<>();
        java.util.function.Consumer<Shape> add = sh -> {
            dims.add(sh.rows());
            dims.add(sh.cols());
            symbols.addAll(sh.rows().symbols());
            symbols.addAll(sh.cols().symbols());
        };
        for (Program.Input in : program.inputs().values()) add.accept(in.shape());
        for (Program.Definition d : program.definitions()) {
            Children.walk(d.body(), e -> {
                add.accept(e.shape());
                if (e instanceof Expr.Slice sl) {
                    // the blocks around a slice, as its adjoint pads them, must not be empty either
                    Shape whole = sl.a().shape();
                    for (Dim gap : List.of(sl.rows().from().minus(Dim.ONE), sl.cols().from().minus(Dim.ONE),
                            whole.rows().minus(sl.rows().to()), whole.cols().minus(sl.cols().to()))) {
                        if (!gap.isConstant()) dims.add(gap);
                    }
                }
            });
        }
        return new Dims(List.copyOf(symbols), dims);
    }

    /**
     * The sizes of the k-th point: each symbol runs through three consecutive sizes, from 2 (or
     * more, where the file needs more: every dimension of every node, a slice x[1:3] of x : n and
     * the zero blocks of its adjoint, must come out at least 1), starting where the seed says. So
     * the sizes change from one point to the next, and a claim must hold for every size, not one.
     */
    private Map<String, Long> sizesFor(int k) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int low = 2; ; low++) {
            sizes.clear();
            for (String sym : dims.symbols()) sizes.put(sym, low + (long) ((offsets.get(sym) + k) % 3));
            final Map<String, Long> candidate = sizes;
            if (dims.all().stream().allMatch(d -> d.evaluate(candidate) >= 1)) break;
            if (low >= 64) {
                // raising every symbol together never helps a difference such as n - m: one at a time does
                sizes.clear();
                for (String sym : dims.symbols()) sizes.put(sym, 2 + (long) ((offsets.get(sym) + k) % 3));
                raiseOneByOne(sizes);
                break;
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    /**
     * Raises, one step at a time, the symbol that most increases the first dimension still below
     * 1. Where nothing helps, the sizes stay as they are and {@link Limits#check} names the value.
     */
    private void raiseOneByOne(Map<String, Long> sizes) {
        for (int step = 0; step < 256; step++) {
            Dim low = dims.all().stream().filter(d -> d.evaluate(sizes) < 1).findFirst().orElse(null);
            if (low == null) return;
            long before = low.evaluate(sizes), bestGain = 0;
            String best = null;
            for (String sym : dims.symbols()) {
                long size = sizes.get(sym);
                sizes.put(sym, size + 1);
                long gain = low.evaluate(sizes) - before;
                sizes.put(sym, size);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = sym;
                }
            }
            if (best == null) return;
            sizes.merge(best, 1L, Long::sum);
        }
    }

    /** Inputs that reach an argument of det, logdet or inv, directly or through definitions. */
    private static Set<String> inputsUnderMatrixFunctions(Program program) {
        Set<String> direct = new HashSet<>();
        java.util.function.Consumer<Expr> scan = root -> Children.walk(root, e -> {
            if (e instanceof MatFn m && m.op() != MatOp.NORM && m.op() != MatOp.TRACE) direct.addAll(Children.variables(m.a()));
        });
        for (Program.Definition d : program.definitions()) scan.accept(d.body());
        for (Program.Request r : program.requests()) {
            if (r instanceof Program.Derive d) scan.accept(d.of());
            if (r instanceof Program.Show s) scan.accept(s.expr());
        }
        Set<String> inputs = new HashSet<>();
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(direct);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) continue;
            if (program.inputs().containsKey(name)) inputs.add(name);
            Program.Definition d = program.byName().get(name);
            if (d != null) todo.addAll(Children.variables(d.body()));
        }
        return inputs;
    }
}
