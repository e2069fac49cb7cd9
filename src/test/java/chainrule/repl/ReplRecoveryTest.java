package chainrule.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.source.Cancelled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** SPEC §5: a bad line loses nothing, messages give the session's line, Ctrl-C stops only the work. */
class ReplRecoveryTest {

    @Test
    void aLineThatBeginsAStatementEndsAnUnclosedOne() {
        ReplSessions s = ReplSessions.run("x : 3\nz = foo(\ny2 = 2*x\ny3 = 3*x\n:defs\n");
        assertEquals("<stdin>:2:8: error: '(' is never closed: a ')' is missing\nz = foo(\n       ^", s.err().strip());
        assertTrue(s.out().endsWith("x : 3\ny2 = 2*x\ny3 = 3*x\n"), s.out());
    }

    @Test
    void aContinuationThatBeginsNoStatementStillContinues() {
        ReplSessions s = ReplSessions.run("x : 3\nv = [1;\n  x]\nw = (x +\n  2*x)\n:defs\n");
        assertEquals("", s.err());
        assertTrue(s.out().endsWith("v = [1;\n  x]\nw = (x +\n  2*x)\n"), s.out());
    }

    /** A thousand lines, a third of them bad in every way a line can be: exactly the good ones are kept. */
    @Test
    void soakOfAThousandLinesKeepsExactlyTheGoodOnes() {
        Random random = new Random(14);
        List<String> lines = new ArrayList<>(), good = new ArrayList<>();
        lines.add("x : 3");
        good.add("x : 3");
        String[] bad = {"b%d = relu(x + ", "b%d = x +* 2", "b%d = x*x", "b%d = [x; x", "b%d = x)", "b%d = (x + [1; 2; 3)",
            ":shapse", "b%d : 3 x", "derive b%d wrt", "b%d = sum(x, x, x)"};
        int defined = 0;
        for (int i = 1; i < 1000; i++) {
            if (random.nextInt(3) == 0) {
                lines.add(String.format(bad[random.nextInt(bad.length)], i));
            } else {
                String line = switch (random.nextInt(3)) {
                    case 0 -> "g" + i + " = " + (defined == 0 ? "x" : "g" + good.get(1 + random.nextInt(defined)).split(" ")[0].substring(1)) + " + x";
                    case 1 -> "d" + i + " : 3";
                    default -> "g" + i + " = tanh(2*x)";
                };
                lines.add(line);
                if (line.startsWith("g")) defined++;
                good.add(line);
            }
        }
        // definitions only ever refer to good names, and those come first: the 'g' names kept are all defined
        List<String> sorted = new ArrayList<>(good.stream().filter(l -> l.startsWith("g")).toList());
        good.removeIf(l -> l.startsWith("g"));
        List<String> onlyGood = new ArrayList<>(lines);
        onlyGood.removeIf(l -> !good.contains(l) && !sorted.contains(l));
        ReplSessions s = ReplSessions.run(String.join("\n", lines) + "\n:defs\n");
        String defs = s.out().substring(s.out().lastIndexOf("x : 3\n"));
        assertEquals(String.join("\n", onlyGood) + "\n", defs);
        assertEquals(Repl.BAD_INPUT, s.status());
    }

    @Test
    void messagesGiveTheLineOfTheSession() {
        String lines = "x : 3\n".repeat(13) + "y = x + x*x\n";
        ReplSessions s = ReplSessions.run(lines);
        assertTrue(s.err().startsWith("<stdin>:14:10: error: cannot multiply x (3 x 1) by x (3 x 1)"), s.err());
        assertTrue(s.err().contains("\ny = x + x*x\n         ^"), s.err());
    }

    @Test
    void loadReportsAFilesLinesAsTheCommandLineDoes() {
        ReplSessions s = ReplSessions.run(":load test-cases/seeds/003_mnist_sigmoid_softmax.nn\n");
        assertTrue(s.out().contains("shape-error: the claim does not type-check (line 21, column 43)"), s.out());
        ReplSessions bad = ReplSessions.run("x : 3\n:load " + Path.of("test-cases/seeds/000_skip_relu.nn") + "\ny = x*x\n");
        assertTrue(bad.err().startsWith("<stdin>:3:6: error: "), bad.err());
    }

    @Test
    void anInterruptedStatementStopsAndTheSessionGoesOn() throws Exception {
        Session session = new Session(1);
        session.submit("x : 3");
        session.submit("W : 3 x 3");
        session.submit("L = sum(tanh(W*tanh(W*x)))");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt(); // as Ctrl-C does while the statement is worked on
            try {
                session.submit("derive L wrt W");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join();
        assertInstanceOf(Cancelled.class, thrown.get());
        assertEquals(3, session.entries().size());
        assertInstanceOf(Reply.Answered.class, session.submit("derive L wrt W"));
        Thread.interrupted();
        assertThrows(Cancelled.class, () -> {
            Thread.currentThread().interrupt();
            try {
                Cancelled.check();
            } finally {
                Thread.interrupted();
            }
        });
    }

    /** Ctrl-C after the line was read, before its thread started: the statement still says "interrupted". */
    @Test
    void aCtrlCBeforeTheStatementsThreadStartsStopsIt() {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        Session session = new Session(1);
        session.submit("x : 3");
        session.submit("W : 3 x 3");
        session.submit("L = sum(tanh(W*tanh(W*x)))");
        Repl repl = new Repl(session, new Printer(new java.io.PrintWriter(out), new java.io.PrintWriter(err), Format.TEXT));
        repl.interrupt();
        AtomicReference<Reply> answered = new AtomicReference<>();
        repl.interruptible(() -> answered.set(session.submit("derive L wrt W")));
        assertEquals("interrupted\n", err.toString());
        assertEquals(null, answered.get());
        assertFalse(Thread.currentThread().isInterrupted());

        // stopped once: the next statement runs whole
        repl.interruptible(() -> answered.set(session.submit("derive L wrt W")));
        assertInstanceOf(Reply.Answered.class, answered.get());
        assertEquals("interrupted\n", err.toString());
    }

    /** JLine's own Ctrl-C handler interrupts the reading thread while readLine returns: that stops the statement, not the next read. */
    @Test
    void aCtrlCThatInterruptedTheReadingThreadStopsTheStatement() {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        Session session = new Session(1);
        session.submit("x : 3");
        session.submit("L = sum(tanh(x))");
        Repl repl = new Repl(session, new Printer(new java.io.PrintWriter(out), new java.io.PrintWriter(err), Format.TEXT));
        Thread.currentThread().interrupt();
        repl.interruptible(() -> session.submit("derive L wrt x"));
        assertEquals("interrupted\n", err.toString());
        assertFalse(Thread.currentThread().isInterrupted(), "the next line would be read as if Ctrl-C were typed again");
    }

    @Test
    void historyGoesToHome() {
        assertEquals(Path.of("/home/someone/.chainrule_history"), Repl.history(Map.of("HOME", "/home/someone")));
        assertEquals(Path.of("/tmp/h"), Repl.history(Map.of("HOME", "/home/someone", "CHAINRULE_HISTORY", "/tmp/h")));
        assertEquals(null, Repl.history(Map.of("CHAINRULE_HISTORY", "none")));
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        ReplSessions s = ReplSessions.run(":shapse\n:lod f.nn\n:frobnicate\n");
        assertEquals("""
                unknown command :shapse (did you mean :shapes?); :help lists the commands
                unknown command :lod (did you mean :load?); :help lists the commands
                unknown command :frobnicate; :help lists the commands
                """, s.err());
    }

    @Test
    void shapesAreInAlignedColumns() {
        ReplSessions s = ReplSessions.run("x : 3\nWeights : 300 x 3\ny : 1 x 3 onehot\nz = Weights*x\n:shapes\n");
        String table = s.out().substring(s.out().indexOf("x        3 x 1"));
        assertEquals("""
                x        3 x 1    declared, line 1
                Weights  300 x 3  declared, line 2
                y        1 x 3    declared, line 3, onehot
                z        300 x 1  defined, line 4
                """, table);
        assertFalse(s.err().contains("error"), s.err());
    }
}
