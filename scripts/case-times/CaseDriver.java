import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * The driver of scripts/case-times.py, run once per version of chainrule as a source-file program
 * ({@code java -cp chainrule.jar CaseDriver.java}). Each line on standard input is one command
 * line, its arguments separated by tabs; the driver runs it in-process, its output discarded, and
 * answers one line: the exit status, the wall time and the CPU time in nanoseconds, and the first
 * line of what it wrote on standard error (empty when none).
 *
 * <p>The command runs through {@code chainrule.cli.Main}'s own {@code execute(args, out, err)}
 * (what {@code Main.run} runs on its deep-stack thread; neither exits the JVM), here on one
 * long-lived thread with the same 1 GiB stack, so that its CPU time can be read exactly: the
 * thread's CPU time plus the time the collector took meanwhile (the process CPU time the JVM
 * offers counts in steps of 10 ms). Where a version has no such method, {@code Main.run} is
 * called and only the wall time is exact.
 */
public final class CaseDriver {
    public static void main(String[] ignored) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                serve();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "chainrule", 1L << 30);
        worker.start();
        worker.join();
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
    }

    private static void serve() throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // nothing the program might print by itself may reach the protocol
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        Class<?> main = Class.forName("chainrule.cli.Main");
        Method execute;
        try {
            execute = main.getDeclaredMethod("execute", String[].class, PrintWriter.class, PrintWriter.class);
            execute.setAccessible(true);
        } catch (NoSuchMethodException e) {
            execute = main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PrintWriter out = new PrintWriter(Writer.nullWriter());
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] args = line.split("\t");
            StringWriter errText = new StringWriter();
            PrintWriter err = new PrintWriter(errText);
            long gc = gcMillis();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            int status = (Integer) execute.invoke(null, args, out, err);
            long wall = System.nanoTime() - start;
            cpu = threads.getCurrentThreadCpuTime() - cpu + (gcMillis() - gc) * 1_000_000;
            out.flush();
            err.flush();
            String first = errText.toString().lines().findFirst().orElse("").replace('\t', ' ');
            protocol.println(status + "\t" + wall + "\t" + cpu + "\t" + first);
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }
}
