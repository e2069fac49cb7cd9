package chainrule.serve;

import chainrule.app.Answering;
import chainrule.app.Format;
import chainrule.app.Printing;
import chainrule.render.Json;
import chainrule.source.ChainRuleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mix of API requests, each with the answer it must get, sent from many clients at once: what
 * the load test asserts and the serve bench times.
 */
final class Load {
    /** One request: where, what, and the status and body it must be answered with (body null: only the status). */
    record Call(String path, String body, int status, String expected) {}

    record Outcome(Call call, int status, String body, long nanos) {}

    private Load() {}

    /** n calls: mostly good ones over the seed questions, a tenth bad input, and `slow` past the time limit. */
    static List<Call> mix(int n, int slow, long seed) {
        List<String> seeds = seeds();
        List<Call> good = new ArrayList<>();
        for (String s : seeds) {
            good.add(call("shapes", Client.body(s), new chainrule.app.Request.Shapes(source(s))));
            good.add(call("derive", Client.body(s), new chainrule.app.Request.Derive(source(s), null, null, null, false, false, 1)));
            good.add(call("derive", Client.body(s, "\"steps\": true"),
                    new chainrule.app.Request.Derive(source(s), null, null, null, false, true, 1)));
            good.add(call("latex", Client.body(s), new chainrule.app.Request.Latex(source(s), false, 1)));
        }
        good.add(call("check", Client.body(Problems.SMALL), new chainrule.app.Request.Check(source(Problems.SMALL), null, 1)));
        good.add(call("derive", Client.body(Problems.SMALL, "\"check\": true"),
                new chainrule.app.Request.Derive(source(Problems.SMALL), null, null, null, true, false, 1)));
        List<Call> bad = List.of(
                call("shapes", Client.body("x : 3\ny = x +* 2\n"), new chainrule.app.Request.Shapes(source("x : 3\ny = x +* 2\n"))),
                call("derive", Client.body("x : 3\nW : 2 x 2\nz = W*x\nderive z wrt x\n"),
                        new chainrule.app.Request.Derive(source("x : 3\nW : 2 x 2\nz = W*x\nderive z wrt x\n"), null, null, null, false, false, 1)),
                new Call("/api/derive", "{\"source\": ", 400, null),
                new Call("/api/check", "{\"source\": \"x : 3\", \"frob\": true}", 400, null),
                new Call("/api/shapes", "{\"source\": 7}", 400, null));
        Random random = new Random(seed);
        List<Call> out = new ArrayList<>();
        int badCount = n / 10;
        for (int i = 0; i < badCount; i++) out.add(bad.get(i % bad.size()));
        String slowBody = Client.body(Problems.slow(), "\"check\": true");
        for (int i = 0; i < slow; i++) out.add(new Call("/api/derive", slowBody, 503, null));
        while (out.size() < n) out.add(good.get(random.nextInt(good.size())));
        Collections.shuffle(out, random);
        return out;
    }

    /** Only the good calls: what the bench times. */
    static List<Call> good(int n, long seed) {
        return mix(n * 10 / 9 + 1, 0, seed).stream().filter(c -> c.status() == 200).limit(n).toList();
    }

    private static Call call(String endpoint, String body, chainrule.app.Request request) {
        try {
            return new Call("/api/" + endpoint, body, 200, Printing.print(Answering.answer(request), Format.JSON, false, null));
        } catch (ChainRuleException e) {
            return new Call("/api/" + endpoint, body, 400, Json.write(Json.error(e)));
        }
    }

    private static chainrule.source.SourceFile source(String text) {
        return new chainrule.source.SourceFile(ApiRequest.SOURCE_NAME, text);
    }

    static List<String> seeds() {
        try (var files = Files.list(Path.of("test-cases/seeds"))) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".nn")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends every call from `clients` threads at once; the outcomes in the calls' order. */
    static List<Outcome> send(Client client, List<Call> calls, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            Outcome[] outcomes = new Outcome[calls.size()];
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < calls.size(); i = next.getAndIncrement()) {
                        Call call = calls.get(i);
                        long t0 = System.nanoTime();
                        var a = client.post(call.path(), call.body());
                        outcomes[i] = new Outcome(call, a.status(), a.body(), System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
            return List.of(outcomes);
        } finally {
            pool.shutdownNow();
        }
    }
}
