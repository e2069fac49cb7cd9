package chainrule;

import chainrule.app.Answering;
import chainrule.app.Format;
import chainrule.app.Printing;
import chainrule.app.Request;
import chainrule.app.Result;
import chainrule.app.SourceFiles;
import chainrule.diff.Answer;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: the first run's cost of `derive FILE`, stage by stage (issue 14, start-up). The
 * first pass times read, parse, check (shapes and lowering), derive (with simplification) and
 * print (text) on a fresh JVM; the passes after it are the same work warm, so first minus warm is
 * the one-time cost. Then whole runs of chainrule.cli.Main.run. Run by scripts/first-run.sh with
 * the launcher's start-up cache and options.
 * Usage: FirstRunBench FILE [WARM_PASSES] or FirstRunBench --main FILE [RUNS] (whole runs only,
 * the first of them cold).
 */
public final class FirstRunBench {
    private FirstRunBench() {}

    /** Each stage's start shows in -Xlog:class+init as the initialisation of one of these. */
    private static final class Mark {
        static final class Parse { static void at() {} }
        static final class Check { static void at() {} }
        static final class Derive { static void at() {} }
        static final class Print { static void at() {} }
        static final class Done { static void at() {} }
    }

    public static void main(String[] args) {
        if (args[0].equals("--main")) {
            mainRuns(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 5);
            return;
        }
        String file = args[0];
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] names = {"read", "parse", "check", "derive", "print", "total"};
        List<double[]> rows = new ArrayList<>();
        double[] cpuFirst = new double[names.length];
        String first = null;
        for (int i = 0; i <= passes; i++) {
            double[] t = new double[names.length];
            long t0 = System.nanoTime(), c0 = cpu();
            SourceFile src = SourceFiles.read(file);
            long t1 = System.nanoTime(), c1 = cpu();
            Mark.Parse.at();
            List<Stmt> stmts = Parse.file(src);
            long t2 = System.nanoTime(), c2 = cpu();
            Mark.Check.at();
            Program p = Checker.check(src, stmts);
            long t3 = System.nanoTime(), c3 = cpu();
            Mark.Derive.at();
            Result r = Answering.answer(new Request.Derive(src, null, null, null, false, false, 1), p);
            for (Result.Derivative d : ((Result.Derived) r).derivatives()) d.answer().expression();
            long t4 = System.nanoTime(), c4 = cpu();
            Mark.Print.at();
            String out = Printing.print(r, Format.TEXT, false, null);
            long t5 = System.nanoTime(), c5 = cpu();
            Mark.Done.at();
            if (first == null) first = out;
            else if (!first.equals(out)) throw new AssertionError("outputs differ between passes");
            long[] ts = {t0, t1, t2, t3, t4, t5};
            long[] cs = {c0, c1, c2, c3, c4, c5};
            for (int k = 0; k < 5; k++) t[k] = (ts[k + 1] - ts[k]) / 1e6;
            t[5] = (t5 - t0) / 1e6;
            rows.add(t);
            if (i == 0) {
                for (int k = 0; k < 5; k++) cpuFirst[k] = (cs[k + 1] - cs[k]) / 1e6;
                cpuFirst[5] = (c5 - c0) / 1e6;
            }
        }
        System.out.printf("%-8s %9s %9s %9s %9s%n", "stage", "first", "warm", "first-warm", "first-cpu");
        for (int k = 0; k < names.length; k++) {
            double[] warm = new double[passes];
            for (int i = 1; i <= passes; i++) warm[i - 1] = rows.get(i)[k];
            java.util.Arrays.sort(warm);
            double w = passes == 0 ? 0 : warm[passes / 2];
            System.out.printf("%-8s %9.1f %9.1f %9.1f %9.1f%n", names[k], rows.get(0)[k], w, rows.get(0)[k] - w, cpuFirst[k]);
        }
        mainRuns(file, 3);
    }

    /** This thread's CPU time in ns (Linux: /proc/thread-self/schedstat), 0 where there is none: under load it is steadier than the clock. */
    private static long cpu() {
        try (var in = new java.io.FileInputStream("/proc/thread-self/schedstat")) {
            long v = 0;
            for (int b = in.read(); b >= '0' && b <= '9'; b = in.read()) v = v * 10 + (b - '0');
            return v;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void mainRuns(String file, int runs) {
        StringBuilder whole = new StringBuilder("Main.run derive:");
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            chainrule.cli.Main.run(new String[] {"derive", file}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            whole.append(String.format(" %.1f", (System.nanoTime() - s) / 1e6));
        }
        System.out.println(whole + " ms");
    }
}
