package chainrule.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chainrule.TestCases;
import chainrule.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SPEC §7: the API answers byte for byte what the command line prints with --format json, for
 * every problem of test-cases/ and the commands that apply to it (shapes; derive where it asks
 * for derivatives; check where it claims something; latex where it does not, and on the seeds).
 */
class SameAsCommandLineTest {
    private static final Pattern DERIVE = Pattern.compile("(?m)^\\s*derive\\b");
    private static final Pattern CLAIM = Pattern.compile("(?m)^\\s*claim\\b");
    private static Server server;
    private static Client client;

    @BeforeAll
    static void start() {
        server = Server.start(new Server.Options("127.0.0.1", 0, Duration.ofMinutes(5), 2, 16));
        client = Client.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyTestCase() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path problem : TestCases.problems()) {
            String source = Files.readString(problem, StandardCharsets.UTF_8);
            String file = problem.toString();
            boolean seed = file.contains("seeds");
            tests.add(same(file, "shapes", new String[] {"shapes", file}, Client.body(source)));
            boolean claims = CLAIM.matcher(source).find();
            // latex checks the claims again, as check does: once a file is enough for that
            if (!claims || seed) tests.add(same(file, "latex", new String[] {"latex", file}, Client.body(source)));
            if (DERIVE.matcher(source).find()) {
                // steps and the numeric check on the seed questions; elsewhere the answers alone, to keep the test short
                String[] args = seed ? new String[] {"derive", file, "--steps", "--check"} : new String[] {"derive", file};
                String body = seed ? Client.body(source, "\"steps\": true", "\"check\": true") : Client.body(source);
                tests.add(same(file, "derive", args, body));
                if (seed) tests.add(same(file, "codegen", new String[] {"codegen", file, "--target", "torch"},
                        Client.body(source, "\"target\": \"torch\"")));
            }
            if (claims) tests.add(same(file, "check", new String[] {"check", file}, Client.body(source)));
        }
        return tests.stream();
    }

    /** A long answer, written with names (t1 = softmax(x), ...): the page and the API show them as the command line does. */
    @TestFactory
    Stream<DynamicTest> aLongAnswer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String source = chainrule.render.LongAnswersTest.NETWORK + "derive L wrt x\nclaim d(L)/d(x) = x\n";
        String file = Files.writeString(dir.resolve("long.nn"), source).toString();
        return Stream.of(
                same(file, "derive", new String[] {"derive", file, "--steps"}, Client.body(source, "\"steps\": true")),
                same(file, "latex", new String[] {"latex", file}, Client.body(source)),
                same(file, "check", new String[] {"check", file}, Client.body(source)));
    }

    /** SPEC §1's Hessian request, a Hessian-vector product as a bare expression and a Hessian claim, as the command line answers them. */
    @TestFactory
    Stream<DynamicTest> aHessian(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String source = "X : 5 x 3\ny : 5\nw : 3\nv : 3\nL = sum((X*w - y) .^ 2)\nderive hessian L wrt w\nhessian(L, w)*v\n"
                + "claim hessian(L, w) = 2*X'*X\n";
        String file = Files.writeString(dir.resolve("hessian.nn"), source).toString();
        return Stream.of(
                same(file, "derive", new String[] {"derive", file, "--steps"}, Client.body(source, "\"steps\": true")),
                same(file, "run", new String[] {file}, Client.body(source)),
                same(file, "check", new String[] {"check", file}, Client.body(source)));
    }

    private static DynamicTest same(String file, String endpoint, String[] args, String body) {
        return DynamicTest.dynamicTest(endpoint + " " + file, () -> {
            String[] withJson = Stream.concat(Stream.of(args), Stream.of("--format", "json")).toArray(String[]::new);
            StringWriter out = new StringWriter(), err = new StringWriter();
            int status = Main.run(withJson, new PrintWriter(out), new PrintWriter(err));
            var answer = client.post("/api/" + endpoint, body);
            int expectedHttp = status == Main.BAD_INPUT ? 400 : 200;
            assertEquals(expectedHttp, answer.status(), "exit status " + status + ": " + out + err);
            // where the command line names the file (an error, the generated module's docstring), the API says "source"
            String printed = out.toString().replace(file, ApiRequest.SOURCE_NAME);
            assertEquals(printed, answer.body());
        });
    }
}
