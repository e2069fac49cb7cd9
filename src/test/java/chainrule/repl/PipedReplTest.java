package chainrule.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.cli.Main;
import chainrule.render.Text;
import chainrule.shape.Program;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The REPL driven by plain lines, as 'chainrule repl < session.txt' drives it. */
class PipedReplTest {

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("test-cases/seeds"))) {
            return files.filter(p -> p.toString().endsWith(".nn")).sorted().toList();
        }
    }

    /** SPEC §5 and issue 5: a seed typed line by line gives the same answers as the file. */
    @Test
    void seedProblemsTypedLineByLineGiveTheSameDerivativesAsTheFile() throws IOException {
        for (Path seed : seeds()) {
            String typed = Files.readString(seed);
            ReplSessions s = ReplSessions.run(typed);
            assertEquals("", s.err(), seed + ": the session had errors");
            Program p = Loader.load(seed.toString());
            Engine engine = new Engine(p);
            Text text = engine.text(false);
            int answers = 0;
            for (Program.Request r : p.requests()) {
                if (!(r instanceof Program.Derive d)) continue;
                for (Answer a : engine.derive(d.of(), d.ofText(), d.wrt())) {
                    String line = text.derivativeName(chainrule.expr.Ex.derivative(a.ofExpr(), a.wrt())) + " = " + text.render(a.expression());
                    assertTrue(s.out().contains(line), seed + ": the REPL did not answer\n" + line + "\nit said:\n" + s.out());
                    answers++;
                }
            }
            assertTrue(answers > 0, seed + " asks for no derivative");
            assertFalse(s.out().contains("check: FAILED"), s.out());
        }
    }

    /** The same through the command line, with the derive command's own lines. */
    @Test
    void replOnAPipeAnswersAsDeriveDoes() throws IOException {
        Path seed = Path.of("test-cases/seeds/000_skip_relu.nn");
        String derive = main(null, "derive", seed.toString());
        String repl = main(Files.readString(seed), "repl");
        for (String line : derive.lines().toList()) {
            String answer = line.split("\\s{2,}")[0];
            assertTrue(repl.contains(answer), "derive said\n" + answer + "\nthe REPL said\n" + repl);
        }
        assertTrue(repl.contains("correct"), repl);
    }

    @Test
    void chainruleAloneIsTheRepl() {
        String out = main("x : 3\nx'*x\n", new String[0]);
        assertTrue(out.contains("x'*x") && out.contains("1 x 1"), out);
    }

    @Test
    void aBadLineGetsItsMessageWithACaretAndNothingIsLost() {
        ReplSessions s = ReplSessions.run("""
                x : 3
                W : 2 x 3
                y = W*W
                y = W*x
                derive sum(y) wrt x
                """);
        assertTrue(s.err().contains("<stdin>:3:6: error: "), s.err());
        assertTrue(s.err().contains("^"), s.err());
        assertTrue(s.out().contains("y : 2 x 1"), s.out());
        assertTrue(s.out().contains("d(sum(y))/d(x) = W'*ones(2, 1)") || s.out().contains("d(sum(y))/d(x) ="), s.out());
        assertEquals(Repl.BAD_INPUT, s.status());
    }

    @Test
    void aStatementGoesOnWhileABracketIsOpen() {
        ReplSessions s = ReplSessions.run("x : 3\nv = [1;\n  x]\n:shapes\n");
        assertEquals("", s.err());
        assertTrue(s.out().contains("v : 4 x 1"), s.out());
    }

    @Test
    void redefiningANameReplacesItAndSaysWhatChanged() {
        ReplSessions s = ReplSessions.run("""
                x : 3
                z = 2*x
                L = sum(z)
                z = x'*x
                :defs
                """);
        assertEquals("", s.err());
        assertTrue(s.out().contains("replaces: z = 2*x"), s.out());
        assertTrue(s.out().contains("z is now 1 x 1 (was 3 x 1)"), s.out());
        String defs = s.out().substring(s.out().lastIndexOf("x : 3"));
        assertFalse(defs.contains("z = 2*x"), defs);
        assertTrue(defs.indexOf("z = x'*x") < defs.indexOf("L = sum(z)"), "the new z takes the old one's place:\n" + defs);
    }

    @Test
    void declaringOneOfSeveralNamesAgainKeepsTheOthers() {
        ReplSessions s = ReplSessions.run("b1, b2 : 3\nb1 : 4\n:defs\n:shapes\n");
        assertEquals("", s.err());
        assertTrue(s.out().contains("b2 : 3\n"), s.out());
        assertTrue(s.out().contains("b1 : 4\n"), s.out());
    }

    @Test
    void aBareExpressionIsSimplifiedAndShownWithItsShape() {
        ReplSessions s = ReplSessions.run("x : 3\nW : 2 x 3\n(W*x)' + 0*x'*W'\n");
        assertTrue(s.out().contains("x'*W'") && s.out().contains("1 x 2"), s.out());
    }

    @Test
    void claimsAreCheckedAtOnce() {
        ReplSessions s = ReplSessions.run("""
                x : 3
                W : 2 x 3
                L = sum(tanh(W*x))
                claim d(L)/d(x) = W'*(1 - tanh(W*x).^2)
                claim d(L)/d(x) = W*(1 - tanh(W*x).^2)
                """);
        assertTrue(s.out().contains("correct:"), s.out());
        assertTrue(s.out().contains("shape-error") || s.out().contains("incorrect"), s.out());
        assertEquals(Repl.FAILED, s.status());
    }

    @Test
    void commands() {
        ReplSessions s = ReplSessions.run("""
                :help
                x : n
                :shapes
                :format latex
                x'*x
                :format unicode
                x'*x
                :format bold
                :reset
                :shapes
                :quit
                x : 3
                """);
        for (Help.Command c : Help.COMMANDS) assertTrue(s.out().contains(c.usage()), c.usage());
        assertTrue(s.out().contains("x  n x 1  declared"), s.out());
        assertTrue(s.out().contains("x^{\\top} x \\in \\mathbb{R}"), s.out());
        assertTrue(s.out().contains("xᵀ·x") || s.out().contains("xᵀx"), s.out());
        assertTrue(s.err().contains("no format 'bold'"), s.err());
        assertTrue(s.out().contains("session cleared\nno names yet"), s.out());
        assertFalse(s.out().contains("x : 3 x 1"), "nothing is read after :quit\n" + s.out());
    }

    @Test
    void evalNeedsAValuesFile() {
        ReplSessions s = ReplSessions.run("x : 2\nL = sum(x)\n:eval\n:eval no/such/values.json\n");
        assertTrue(s.err().contains(":eval needs a values file: :eval VALUES.json [NAME ...]"), s.err());
        assertTrue(s.err().contains("no/such/values.json"), s.err());
        assertEquals(Repl.BAD_INPUT, s.status());
    }

    @Test
    void loadAFile() {
        ReplSessions s = ReplSessions.run(":load test-cases/seeds/004_sigmoid_w1.nn\n:load no/such/file.nn\n");
        assertTrue(s.out().contains("df/dW1 = "), s.out());
        assertTrue(s.out().contains("loaded test-cases/seeds/004_sigmoid_w1.nn"), s.out());
        assertTrue(s.err().contains("no such file"), s.err());
    }

    /** Every seed as its asker posted it in LaTeX loads as the command line reads it: no message, the same answers. */
    @Test
    void loadALatexFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("test-cases/seeds"))) {
            for (Path tex : files.filter(p -> p.toString().endsWith(".tex")).sorted().toList()) {
                ReplSessions s = ReplSessions.run(":load " + tex + "\n:defs\n");
                assertEquals("", s.err(), tex + ": the session had errors");
                assertTrue(s.out().contains("loaded " + tex), s.out());
                Program p = Loader.load(tex.toString());
                Engine engine = new Engine(p);
                Text text = engine.text(false);
                for (Program.Request r : p.requests()) {
                    if (!(r instanceof Program.Derive d)) continue;
                    for (Answer a : engine.derive(d.of(), d.ofText(), d.wrt())) {
                        String line = text.derivativeName(chainrule.expr.Ex.derivative(a.ofExpr(), a.wrt())) + " = " + text.render(a.expression());
                        assertTrue(s.out().contains(line), tex + ": the REPL did not answer\n" + line + "\nit said:\n" + s.out());
                    }
                }
            }
        }
    }

    /** A message about a statement of a loaded LaTeX file points into the LaTeX, as the command line's do, not into its translation. */
    @Test
    void aLoadedLatexStatementsMessagePointsIntoTheLatex(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("net.tex"), """
                x \\in \\mathbb{R}^{2}
                W_{1} \\in \\mathbb{R}^{3 \\times 2}
                z_{1} = W_{1} x + b_{1}
                h = \\sigma(z_{1})
                """);
        ReplSessions s = ReplSessions.run("b1 : 4\n:load " + file + "\n");
        String expected = file + ":3:17: error: cannot add W1*x (3 x 1) and b1 (4 x 1): the shapes differ\n"
                + "z_{1} = W_{1} x + b_{1}\n"
                + "                ^\n";
        assertTrue(s.err().contains(expected), s.err());
    }

    /** A claim loaded after many statements keeps its own line, in its label and in its message. */
    @Test
    void aLoadedClaimKeepsItsLineAfterALongSession(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("net.nn"), "x : 2\nW : 3 x 2\nh = W*x\nclaim d(h)/d(x) = W*x*x\n");
        StringBuilder typed = new StringBuilder();
        for (int i = 1; i <= 12; i++) typed.append("a").append(i).append(" : ").append(i).append("\n");
        ReplSessions s = ReplSessions.run(typed + ":load " + file + "\n");
        assertTrue(s.out().contains("line 4: claim d(h)/d(x) = W*x*x"), s.out());
        assertTrue(s.out().contains("(line 4, column "), s.out());
    }

    @Test
    void aFileToStartFrom() {
        ReplSessions s = ReplSessions.run("test-cases/seeds/004_sigmoid_w1.nn", ":defs\n");
        assertTrue(s.out().contains("df/dW1 = "), s.out());
    }

    /** Runs the command line with the given standard input. */
    static String main(String stdin, String... args) {
        InputStream before = System.in;
        StringWriter out = new StringWriter(), err = new StringWriter();
        try {
            if (stdin != null) System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            Main.run(args, new PrintWriter(out), new PrintWriter(err));
        } finally {
            System.setIn(before);
        }
        assertEquals("", err.toString(), "stderr of chainrule " + String.join(" ", args));
        return out.toString();
    }
}
