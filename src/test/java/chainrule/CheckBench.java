package chainrule;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.eval.CheckResult;
import chainrule.eval.Evaluator;
import chainrule.eval.Sampler;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;

/**
 * Not a test: the cost of the numeric check of one large variable against one evaluation of
 * its answer, in CPU time (so a loaded machine does not change the ratio) and peak heap after
 * collections. Run: java -cp ... chainrule.CheckBench [N] (default 3000: X : N x N).
 */
public final class CheckBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Program p = Loader.load(new SourceFile("bench.nn", "X : " + n + " x " + n + "\nL = sum(tanh(X))\n"));
        Engine engine = new Engine(p);
        var l = new chainrule.expr.Expr.Var("L", p.shapeOf("L"));
        var x = new chainrule.expr.Expr.Var("X", p.shapeOf("X"));
        Answer a = engine.derive(new Program.Derive(l, "L", java.util.List.of(x), chainrule.source.Span.NONE)).get(0);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        var point = new Sampler(p, 1).draw();
        long t0 = cpu.getCurrentThreadCpuTime();
        var values = Sampler.evaluateDefinitions(p, point, engine.expander(a.steps()));
        new Evaluator(point.sizes(), values, engine.expander(a.steps())).eval(a.expression());
        long answer = cpu.getCurrentThreadCpuTime() - t0;
        // once more, as the check's own evaluations run: compiled
        long t0warm = cpu.getCurrentThreadCpuTime();
        values = Sampler.evaluateDefinitions(p, point, engine.expander(a.steps()));
        new Evaluator(point.sizes(), values, engine.expander(a.steps())).eval(a.expression());
        long answerWarm = cpu.getCurrentThreadCpuTime() - t0warm;
        values = null;
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long t1 = cpu.getCurrentThreadCpuTime();
        CheckResult c = engine.check(a, 1);
        long check = cpu.getCurrentThreadCpuTime() - t1;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        double valuesMb = 8.0 * n * n / 1e6;
        System.out.printf(java.util.Locale.ROOT,
                "X : %d x %d, L = sum(tanh(X)): answer evaluated in %.2f s CPU (again: %.2f s); check (%s, %d point) %.2f s CPU = %.1fx (%.1fx the second);"
                        + " peak heap %.0f MB = %.1fx the %.0f MB of X%n",
                n, n, answer / 1e9, answerWarm / 1e9, c.passed() ? "passed" : "FAILED", c.points(), check / 1e9,
                (double) check / answer, (double) check / answerWarm,
                peak / 1e6, peak / 1e6 / valuesMb, valuesMb);
    }
}
