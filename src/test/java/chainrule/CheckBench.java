package chainrule;

import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.diff.Answer;
import chainrule.eval.CheckResult;
import chainrule.eval.Evaluator;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Not a test: the cost of the numeric check of one large variable against one evaluation of its
 * answer (the definitions and the answer at a point), in CPU time, so a loaded machine changes the
 * ratio less. Run through scripts/check-bench.sh, which also compares the peak memory of a
 * process that only evaluates the answer with one that only checks it.
 *
 * <p>{@code CheckBench [N] [both|answer|check]} (X : N x N, default 3000): both, in one process,
 * the answer twice (cold, then compiled) and the check, and the ratios; answer or check, that
 * alone, for a process to be measured.
 */
public final class CheckBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        String mode = args.length > 1 ? args[1] : "both";
        Program p = Loader.load(new SourceFile("bench.nn", "X : " + n + " x " + n + "\nL = sum(tanh(X))\n"));
        Engine engine = new Engine(p);
        var l = new chainrule.expr.Expr.Var("L", p.shapeOf("L"));
        var x = new chainrule.expr.Expr.Var("X", p.shapeOf("X"));
        Answer a = engine.derive(new Program.Derive(l, "L", java.util.List.of(x), chainrule.source.Span.NONE)).get(0);
        double valuesMb = 8.0 * n * n / 1e6;
        String what = String.format(Locale.ROOT, "X : %d x %d (%.0f MB), L = sum(tanh(X))", n, n, valuesMb);
        switch (mode) {
            case "answer" -> {
                Point point = new Sampler(p, 1).draw();
                System.out.printf(Locale.ROOT, "%s: answer evaluated once in %.2f s CPU%n", what, answer(engine, p, a, point) / 1e9);
            }
            case "check" -> {
                long[] took = new long[1];
                CheckResult c = check(engine, a, took);
                System.out.printf(Locale.ROOT, "%s: check %s (%d point) in %.2f s CPU%n", what, verdict(c), c.points(), took[0] / 1e9);
            }
            case "both" -> {
                Point point = new Sampler(p, 1).draw();
                long cold = answer(engine, p, a, point);
                long warm = answer(engine, p, a, point); // as the check's own evaluations run: compiled
                point = null;
                long[] took = new long[1];
                CheckResult c = check(engine, a, took);
                System.out.printf(Locale.ROOT,
                        "%s: answer evaluated in %.2f s CPU (again: %.2f s); check %s (%d point) in %.2f s CPU = %.1fx the first (%.1fx the second)%n",
                        what, cold / 1e9, warm / 1e9, verdict(c), c.points(), took[0] / 1e9, (double) took[0] / cold,
                        (double) took[0] / warm);
            }
            default -> throw new IllegalArgumentException("mode: both, answer or check, not " + mode);
        }
    }

    /** CPU nanoseconds to evaluate the definitions at the point, and the answer from them. */
    private static long answer(Engine engine, Program p, Answer a, Point point) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        var values = Sampler.evaluateDefinitions(p, point, engine.expander(a.steps()));
        new Evaluator(point.sizes(), values, engine.expander(a.steps())).eval(a.expression());
        return cpu.getCurrentThreadCpuTime() - t0;
    }

    private static CheckResult check(Engine engine, Answer a, long[] took) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        CheckResult c = engine.check(a, 1);
        took[0] = cpu.getCurrentThreadCpuTime() - t0;
        return c;
    }

    private static String verdict(CheckResult c) {
        return c.passed() ? "passed" : "FAILED";
    }
}
