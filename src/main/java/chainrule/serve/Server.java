package chainrule.serve;

import chainrule.app.Answering;
import chainrule.app.Format;
import chainrule.app.Printing;
import chainrule.render.Json;
import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * 'chainrule serve': the page at / and the JSON API of SPEC §7, on Javalin (Jetty). Each API
 * request runs on a bounded pool of workers under a time limit; it answers exactly what the
 * command line prints with --format json, or an error object with a 4xx status (never a 500,
 * never a stack trace). No endpoint reads or writes files: the page and KaTeX come from the jar.
 */
public final class Server implements AutoCloseable {
    /** Bodies larger than this are refused with 413. */
    public static final int MAX_BODY = 256 * 1024;
    /** Everything the page loads comes from this server: no external request of any kind. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public record Options(String host, int port, Duration timeLimit, int workers, int queue) {
        public static Options defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Options("127.0.0.1", 8080, Duration.ofSeconds(10), Math.max(2, cores), 64);
        }
    }

    private final Javalin javalin;
    private final Workers workers;
    private final String examples;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Server(Options options) {
        this.workers = new Workers(options.workers(), options.queue(), options.timeLimit());
        this.examples = Json.write(Examples.json(Examples.all()));
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY;
            config.http.prefer405over404 = true;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/chainrule/serve/web";
                sf.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            config.routes.get("/api/examples", ctx -> json(ctx, 200, examples));
            for (String endpoint : ApiRequest.endpoints()) config.routes.post("/api/" + endpoint, ctx -> api(ctx, endpoint));
            config.routes.exception(Exception.class, (e, ctx) -> json(ctx, 400, error("usage", "bad request: " + e.getMessage())));
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) json(ctx, 404, error("usage", "no such endpoint: " + ctx.method() + " " + ctx.path()
                        + "; the endpoints are POST " + String.join(", POST ", ApiRequest.endpoints().stream().sorted()
                        .map(e -> "/api/" + e).toList())));
            });
            config.routes.error(405, ctx -> json(ctx, 405, error("usage", ctx.method() + " is not allowed on " + ctx.path()
                    + "; send a POST with a JSON body")));
        });
    }

    /** Starts listening (port 0: any free port) and returns at once. */
    public static Server start(Options options) {
        Server s = new Server(options);
        s.javalin.start(options.host(), options.port());
        return s;
    }

    public int port() {
        return javalin.port();
    }

    /** Requests being worked on or waiting for a worker. */
    int load() {
        return workers.load();
    }

    /** Blocks until the server is closed (by a shutdown hook on Ctrl-C or SIGTERM, or by close()). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        try {
            javalin.stop();
        } finally {
            workers.close();
            stopped.countDown();
        }
    }

    private void api(Context ctx, String endpoint) throws InterruptedException, java.io.IOException {
        // the declared length first, so that a large body is refused before it is read
        if (ctx.contentLength() > MAX_BODY) {
            json(ctx, 413, tooLarge());
            return;
        }
        // read no further than the limit: a body sent in chunks, without a length, is stopped here
        byte[] bytes = ctx.req().getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            json(ctx, 413, tooLarge());
            return;
        }
        ApiRequest.Parsed parsed;
        try {
            parsed = ApiRequest.parse(endpoint, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (ApiRequest.BadBody e) {
            json(ctx, 400, error("usage", e.getMessage()));
            return;
        }
        Reply reply = switch (workers.run(() -> answer(parsed))) {
            case Workers.Outcome.Done<Reply> d -> d.value();
            case Workers.Outcome.Busy<Reply> b -> new Reply(503, error("busy",
                    "the server is busy: every worker is taken and the queue is full; try again in a moment"));
            case Workers.Outcome.TimedOut<Reply> t -> new Reply(503, error("timeout",
                    "the work took longer than the time limit of " + seconds(workers.limit()) + " and was stopped"));
            case Workers.Outcome.Failed<Reply> f -> failure(f.cause());
        };
        json(ctx, reply.status(), reply.body());
    }

    record Reply(int status, String body) {}

    /** On a worker: the answer as the command line prints it with --format json, or the error it prints. */
    private static Reply answer(ApiRequest.Parsed parsed) {
        try {
            var result = Answering.answer(parsed.request());
            return new Reply(200, Printing.print(result, Format.JSON, parsed.unicode(), null));
        } catch (ChainRuleException e) {
            return new Reply(400, Json.write(Json.error(e.problems().isEmpty()
                    ? new ChainRuleException(new Problem(chainrule.source.ErrorKind.USAGE, null, null, "bad input")) : e)));
        } catch (chainrule.diff.Unsupported e) {
            return new Reply(400, error("unsupported", e.getMessage()));
        }
    }

    /** What escaped the engine: input too deep or too large is bad input; anything else a fault, said in one line. */
    private static Reply failure(Throwable e) {
        return switch (e) {
            case StackOverflowError so -> new Reply(400, error("usage", "the input is nested too deeply to read"));
            case OutOfMemoryError oom -> new Reply(413, error("usage", "the input is too large to handle in this much memory"));
            default -> new Reply(422, error("internal", "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " "))
                    + "; this is a bug in chainrule, please report it with the input that caused it"));
        };
    }

    private static String tooLarge() {
        return error("usage", "the request body is larger than " + MAX_BODY / 1024 + " KB");
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    private static String error(String kind, String message) {
        return Json.write(Json.error(kind, message));
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(body);
    }

    static List<String> endpoints() {
        return ApiRequest.endpoints().stream().sorted().toList();
    }

    static Map<String, List<String>> fields() {
        return ApiRequest.FIELDS;
    }
}
