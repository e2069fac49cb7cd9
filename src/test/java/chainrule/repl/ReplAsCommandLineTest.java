package chainrule.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request typed at the REPL prints what the command line prints for a file of the same
 * statements (issue 8: one request-to-result path, the printing shared), in every format the
 * REPL writes, with the same exit status.
 */
class ReplAsCommandLineTest {
    static final String NETWORK = """
            x : 2
            W1 : 3 x 2
            w2 : 3
            z = W1*x
            h = sigmoid(z)
            L = (w2'*h - 1)^2
            """;

    static final String SOFTMAX = """
            X : 4 x B
            W : C x 4
            Y : C x B onehot
            P = softmax(W*X)
            L = -sum(Y .* log(P)) / B
            """;

    /** A long answer, written with names for what it repeats (t1 = softmax(x), ...: render.Sharing). */
    static final String LONG = chainrule.render.LongAnswersTest.NETWORK;

    /** SPEC §1's Hessian request and a Hessian-vector product. */
    static final String LEAST_SQUARES = """
            X : 5 x 3
            y : 5
            w : 3
            v : 3
            L = sum((X*w - y) .^ 2)
            """;

    /** name, statements, the request typed last, the REPL's format, the command line's arguments after FILE. */
    static Stream<Arguments> requests() {
        List<Arguments> out = new ArrayList<>();
        String[][] formats = {{"text"}, {"unicode", "--unicode"}, {"latex", "--format", "latex"}, {"json", "--format", "json"}};
        String[][] requests = {
            {NETWORK, "derive L wrt W1, w2"},
            {SOFTMAX, "derive L wrt W"},
            {NETWORK, "claim d(L)/d(w2) = 2*(w2'*h - 1)*h"},
            {NETWORK, "claim d(L)/d(W1) = 2*(w2'*h - 1)*w2*x'"},
            {SOFTMAX, "claim d(L)/d(W) = (P - Y)*X' / B"},
            {NETWORK, "W1'*(W1*x)"},
            {LONG, "derive L wrt x"},
            {LEAST_SQUARES, "derive hessian L wrt w"},
            {LEAST_SQUARES, "hessian(L, w)*v"},
        };
        for (String[] r : requests) {
            for (String[] f : formats) {
                List<String> args = new ArrayList<>(List.of("--seed", "1"));
                for (int i = 1; i < f.length; i++) args.add(f[i]);
                out.add(Arguments.of(r[1] + " (" + f[0] + ")", r[0], r[1], f[0], args));
            }
        }
        out.add(Arguments.of("claim of a long answer (text)", LONG, "claim d(L)/d(x) = x", "text", List.of("--seed", "1")));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aRequestPrintsWhatTheCommandLinePrints(String name, String statements, String request, String format, List<String> options,
            @TempDir Path dir) throws IOException {
        // line 1 is the :format command in the REPL and a comment in the file, so lines agree
        String file = "# the same lines as the session\n" + statements + request + "\n";
        Path path = dir.resolve("problem.nn");
        Files.writeString(path, file);
        List<String> args = new ArrayList<>(List.of(path.toString()));
        args.addAll(options);
        Cli cli = cli(args);

        String prefix = ":format " + format + "\n" + statements;
        ReplSessions before = ReplSessions.run(prefix);
        ReplSessions after = ReplSessions.run(prefix + request + "\n");
        assertEquals("", after.err(), "the session had errors");
        assertTrue(after.out().startsWith(before.out()), after.out());
        String answered = after.out().substring(before.out().length());
        assertTrue(cli.out().strip().length() > 10, "the command line answered: " + cli.out());
        assertEquals(cli.out(), answered, "the REPL printed\n" + answered + "\nthe command line\n" + cli.out());
        assertEquals(cli.status(), after.status(), "exit status");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evalFormats")
    void evalPrintsWhatTheCommandLinePrints(String format, List<String> options, @TempDir Path dir) throws IOException {
        Path path = dir.resolve("problem.nn"), values = dir.resolve("values.json");
        Files.writeString(path, NETWORK);
        Files.writeString(values, """
                {"x": [1, -2], "W1": [[0.5, 0], [0, 1], [1, 1]], "w2": [1, 2, 3]}
                """);
        List<String> args = new ArrayList<>(List.of("eval", path.toString(), "--at", values.toString(), "h", "L"));
        args.addAll(options);
        Cli cli = cli(args);
        ReplSessions before = ReplSessions.run(":format " + format + "\n" + NETWORK);
        ReplSessions after = ReplSessions.run(":format " + format + "\n" + NETWORK + ":eval " + values + " h L\n");
        assertEquals("", after.err());
        assertEquals(cli.out(), after.out().substring(before.out().length()));
        assertEquals(0, cli.status());
    }

    static Stream<Arguments> evalFormats() {
        return Stream.of(Arguments.of("text", List.of()), Arguments.of("json", List.of("--format", "json")));
    }

    @org.junit.jupiter.api.Test
    void codegenWritesWhatTheCommandLineWrites(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("problem.nn");
        String file = NETWORK + "derive L wrt W1, w2\n";
        Files.writeString(path, file);
        Cli cli = cli(List.of("codegen", path.toString(), "--target", "numpy"));
        ReplSessions before = ReplSessions.run(file);
        ReplSessions after = ReplSessions.run(file + ":codegen numpy\n");
        assertEquals("", after.err());
        // the module names the problem it comes from: the file, or the session
        assertEquals(cli.out().replace(path.toString(), Session.KEPT), after.out().substring(before.out().length()));
    }

    /**
     * :shapes after :load FILE prints what 'chainrule shapes FILE' prints: one listing (render.Listing),
     * each name at its line of the file. The requests are left out of the copy (as comments, so that
     * lines agree): :load would answer them, which is not what is compared.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"test-cases/seeds/002_shared_weight.nn",
        "test-cases/more/undeclared_input.nn", "test-cases/more/symbolic_dims.nn", "test-cases/seeds/003_mnist_sigmoid_softmax.nn"})
    void shapesAfterLoadPrintsWhatTheCommandLinePrints(String testCase, @TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of(testCase)).replaceAll("(?m)^(\\s*)(derive|claim)\\b", "$1# $2");
        Path path = dir.resolve("problem.nn");
        Files.writeString(path, text);
        Cli cli = cli(List.of("shapes", path.toString()));
        ReplSessions before = ReplSessions.run(":load " + path + "\n");
        ReplSessions after = ReplSessions.run(":load " + path + "\n:shapes\n");
        assertEquals("", after.err());
        assertTrue(cli.out().lines().count() >= 4, cli.out());
        assertEquals(cli.out(), after.out().substring(before.out().length()));
    }

    record Cli(String out, String err, int status) {}

    static Cli cli(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals("", err.toString(), "stderr of chainrule " + String.join(" ", args));
        return new Cli(out.toString(), err.toString(), status);
    }
}
