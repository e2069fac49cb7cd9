package chainrule.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint of SPEC §7 and every status it answers, against a real server on a free port. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Server server;
    private static Client client;

    @BeforeAll
    static void start() {
        server = Server.start(new Server.Options("127.0.0.1", 0, Duration.ofSeconds(60), 2, 8));
        client = Client.of(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(Client.Answer a) throws Exception {
        return JSON.readTree(a.body());
    }

    @Test
    void deriveAnswersTheGradientWithStepsAndCheck() throws Exception {
        var a = client.post("/api/derive", Client.body(Problems.SMALL, "\"steps\": true", "\"check\": true"));
        assertEquals(200, a.status(), a.body());
        JsonNode results = json(a).get("results");
        assertEquals(2, results.size());
        assertEquals("W", results.get(0).get("wrt").asText());
        assertEquals("[2,3]", results.get(0).get("shape").toString());
        assertTrue(results.get(0).get("check").get("passed").asBoolean());
        assertEquals("dL/dz", results.get(0).get("steps").get(results.get(0).get("steps").size() - 1).get("name").asText());
        assertEquals("\\frac{\\partial L}{\\partial b}", results.get(1).get("latexName").asText());
    }

    @Test
    void deriveTakesOfAndWrtAndValues() throws Exception {
        String values = "\"at\": {\"x\": [1, 2, 3], \"W\": [[0, 0, 0], [0, 0, 0]], \"b\": [0, 0]}";
        var a = client.post("/api/derive", Client.body(Problems.SMALL, "\"of\": \"L\"", "\"wrt\": [\"b\"]", values));
        assertEquals(200, a.status(), a.body());
        JsonNode r = json(a).get("results").get(0);
        assertEquals("b", r.get("wrt").asText());
        assertEquals("[[0.0],[0.0]]", r.get("value").toString()); // tanh(0) = 0: the gradient vanishes
        var comma = client.post("/api/derive", Client.body(Problems.SMALL, "\"wrt\": \"W,b\""));
        assertEquals(2, json(comma).get("results").size());
    }

    @Test
    void checkGivesEachClaimItsVerdict() throws Exception {
        var a = client.post("/api/check", Client.body(Problems.SMALL));
        assertEquals(200, a.status(), a.body());
        JsonNode claims = json(a).get("claims");
        assertEquals("correct", claims.get(0).get("verdict").asText());
        assertEquals(8, claims.get(0).get("line").asInt());
        assertEquals("incorrect", claims.get(1).get("verdict").asText());
        var one = client.post("/api/check", Client.body(Problems.SMALL, "\"claim\": \"d(L)/d(b) = 2*h\""));
        assertEquals("incorrect", json(one).get("claims").get(0).get("verdict").asText());
    }

    @Test
    void shapesListsEveryName() throws Exception {
        var a = client.post("/api/shapes", Client.body("x : n\nW : m x n\nz = W*x\n"));
        assertEquals(200, a.status(), a.body());
        JsonNode shapes = json(a).get("shapes");
        assertEquals("z", shapes.get(2).get("name").asText());
        assertEquals("[\"m\",1]", shapes.get(2).get("shape").toString());
        assertEquals("[\"m\",\"n\"]", json(a).get("dims").toString());
    }

    @Test
    void latexAndEval() throws Exception {
        var a = client.post("/api/latex", Client.body(Problems.SMALL, "\"standalone\": true"));
        assertEquals(200, a.status(), a.body());
        String latex = json(a).get("latex").asText();
        assertTrue(latex.startsWith("\\documentclass") && latex.contains("\\frac{\\partial L}{\\partial W}"), latex);
        var e = client.post("/api/eval", Client.body("x : 2\ny = 2*x\n", "\"at\": {\"x\": [1, 3]}"));
        assertEquals(200, e.status(), e.body());
        assertEquals("{\"values\":{\"y\":[[2.0],[6.0]]}}", json(e).toString());
    }

    @Test
    void codegenWritesTheBackwardPass() throws Exception {
        var a = client.post("/api/codegen", Client.body(Problems.SMALL, "\"target\": \"numpy\""));
        assertEquals(200, a.status(), a.body());
        assertEquals("numpy", json(a).get("target").asText());
        String code = json(a).get("code").asText();
        assertTrue(code.contains("import numpy") && code.contains("def gradients("), code);
        var bad = client.post("/api/codegen", Client.body(Problems.SMALL, "\"target\": \"jax\""));
        assertEquals(400, bad.status());
        assertTrue(json(bad).get("error").get("message").asText().contains("unknown target 'jax'"));
    }

    @Test
    void examplesAreTheSeedQuestions() throws Exception {
        var a = client.get("/api/examples");
        assertEquals(200, a.status());
        JsonNode ex = json(a).get("examples");
        assertEquals(5, ex.size());
        assertEquals("000_skip_relu", ex.get(0).get("name").asText());
        assertTrue(ex.get(0).get("title").asText().startsWith("Seed 000"));
    }

    @Test
    void badInputIs400WithThePlace() throws Exception {
        var a = client.post("/api/shapes", Client.body("x : 3\ny = x +* 2\n"));
        assertEquals(400, a.status());
        JsonNode err = json(a).get("error");
        assertEquals("syntax", err.get("kind").asText());
        assertEquals("source", err.get("file").asText());
        assertEquals(2, err.get("line").asInt());
        var shape = client.post("/api/derive", Client.body("x : 3\nW : 2 x 2\nz = W*x\nderive z wrt x\n"));
        assertEquals(400, shape.status());
        assertEquals("shape", json(shape).get("error").get("kind").asText());
        assertEquals(3, json(shape).get("error").get("line").asInt());
    }

    @Test
    void malformedBodiesAre400WithAClearMessage() throws Exception {
        assertBad("/api/derive", "{\"source\": ", "not valid JSON");
        assertBad("/api/derive", "[1, 2]", "send a JSON object");
        assertBad("/api/derive", "{\"source\": 3}", "\"source\" must be a string, not a number");
        assertBad("/api/derive", "{\"source\": \"x : 3\", \"check\": \"yes\"}", "\"check\" must be true or false, not a string");
        assertBad("/api/derive", "{\"source\": \"x : 3\", \"seed\": 1.5}", "\"seed\" must be a whole number");
        assertBad("/api/derive", "{\"source\": \"x : 3\", \"wrt\": [1]}", "\"wrt\" must be a list of names");
        assertBad("/api/derive", "{\"source\": \"x : 3\", \"frob\": 1}", "unknown field \"frob\": /api/derive takes source, of, wrt");
        assertBad("/api/check", "{\"source\": \"x : 3\", \"steps\": true}", "unknown field \"steps\"");
        assertBad("/api/shapes", "{}", "\"source\" is missing");
        assertBad("/api/shapes", "{\"source\": \"x : 3\", \"source\": \"y : 2\"}", "not valid JSON");
        assertBad("/api/derive", "{\"source\": \"x : 3\", \"at\": [1]}", "\"at\" must be an object");
        assertBad("/api/derive", "{\"source\": \"x : 3\", \"seed\": 1.5}", "\"seed\" must be a whole number, not 1.5");
        assertBad("/api/derive", "{\"source\": \"x : 3\", \"seed\": 99999999999999999999}",
                "\"seed\" must be a whole number, not 99999999999999999999, which is too large");
        assertBad("/api/derive", "{\"source\": \"x : 3\",}", "not valid JSON (line 1, column 20): a ',' before '}' with no entry after it");
        assertBad("/api/derive", "not json", "not valid JSON (line 1, column 4): 'not' is not a JSON value");
        assertBad("/api/shapes", "[".repeat(2000) + "]".repeat(2000), "not valid JSON: arrays and objects are nested more than 1000 deep");
    }

    private static void assertBad(String path, String body, String words) throws Exception {
        var a = client.post(path, body);
        assertEquals(400, a.status(), body + " -> " + a.body());
        String message = json(a).get("error").get("message").asText();
        assertTrue(message.contains(words), message);
        assertTrue(!a.body().contains("Exception") && !a.body().contains("\tat "), a.body());
    }

    @Test
    void unknownEndpointsAndMethods() throws Exception {
        var a = client.post("/api/frobnicate", "{}");
        assertEquals(404, a.status());
        assertTrue(json(a).get("error").get("message").asText().contains("POST /api/derive"));
        var get = client.get("/api/derive");
        assertEquals(405, get.status(), get.body());
        assertEquals("usage", json(get).get("error").get("kind").asText());
    }

    @Test
    void aBodyOver256KbIs413() throws Exception {
        String big = "# " + "x".repeat(Server.MAX_BODY) + "\nx : 3\n";
        var a = client.post("/api/shapes", Client.body(big));
        assertEquals(413, a.status(), a.body());
        assertTrue(json(a).get("error").get("message").asText().contains("larger than 256 KB"));
        // sent in chunks, without a length: stopped as it is read
        byte[] bytes = Client.body(big).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var chunked = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/shapes"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build());
        assertEquals(413, chunked.status(), chunked.body());
        assertTrue(json(chunked).get("error").get("message").asText().contains("larger than 256 KB"));
        // just under the limit is fine
        var ok = client.post("/api/shapes", Client.body("# " + "x".repeat(Server.MAX_BODY - 100) + "\nx : 3\n"));
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void theStaticPageAndKatexComeFromTheJar() {
        var page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<textarea id=\"source\""));
        var katex = client.get("/webjars/katex/0.16.47/dist/katex.min.js");
        assertEquals(200, katex.status());
        assertTrue(katex.body().length() > 100_000);
        var resp = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/")).GET().build());
        assertEquals(200, resp.status());
    }

    @Test
    void workPastTheTimeLimitIs503AndFreesItsWorker() throws Exception {
        try (Server small = Server.start(new Server.Options("127.0.0.1", 0, Duration.ofMillis(500), 1, 4))) {
            Client c = Client.of(small);
            var slow = c.post("/api/derive", Client.body(Problems.slow(), "\"check\": true"));
            assertEquals(503, slow.status(), slow.body());
            JsonNode err = json(slow).get("error");
            assertEquals("timeout", err.get("kind").asText());
            assertTrue(err.get("message").asText().contains("time limit of 0.5 s"), err.toString());
            // the one worker is free again: a small request is answered
            var next = c.post("/api/shapes", Client.body("x : 3\n"));
            assertEquals(200, next.status(), next.body());
        }
    }

    @Test
    void aFullQueueIs503AtOnce() throws Exception {
        try (Server small = Server.start(new Server.Options("127.0.0.1", 0, Duration.ofSeconds(1), 1, 1))) {
            Client c = Client.of(small);
            String slow = Client.body(Problems.slow(), "\"check\": true");
            CompletableFuture<Client.Answer> first = CompletableFuture.supplyAsync(() -> c.post("/api/derive", slow));
            CompletableFuture<Client.Answer> second = CompletableFuture.supplyAsync(() -> c.post("/api/derive", slow));
            while (small.load() < 2) Thread.sleep(20); // one working, one waiting
            var third = c.post("/api/shapes", Client.body("x : 3\n"));
            assertEquals(503, third.status(), third.body());
            assertEquals("busy", json(third).get("error").get("kind").asText());
            assertEquals(503, first.get().status());
            assertEquals(503, second.get().status());
        }
    }
}
