import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The driver of scripts/case-times.py, run once per version of chainrule as a source-file program
 * ({@code java -cp chainrule.jar CaseDriver.java}). Each line on standard input is one command
 * line, its arguments separated by tabs; the driver runs it in-process through
 * {@code chainrule.cli.Main.run} (which never exits the JVM), its output discarded, and answers
 * one line: the exit status, the wall time and the process CPU time in nanoseconds, and the first
 * line of what it wrote on standard error (empty when none).
 */
public final class CaseDriver {
    public static void main(String[] ignored) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // nothing the program might print by itself may reach the protocol
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        PrintWriter out = new PrintWriter(Writer.nullWriter());
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] args = line.split("\t");
            StringWriter errText = new StringWriter();
            PrintWriter err = new PrintWriter(errText);
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            int status = chainrule.cli.Main.run(args, out, err);
            long wall = System.nanoTime() - start;
            cpu = os.getProcessCpuTime() - cpu;
            String first = errText.toString().lines().findFirst().orElse("").replace('\t', ' ');
            protocol.println(status + "\t" + wall + "\t" + cpu + "\t" + first);
        }
    }
}
