package chainrule.cli;

import chainrule.serve.Server;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "A web page and a JSON API for the same questions as the command line.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chainrule serve                      (then open http://127.0.0.1:8080/)",
            "  chainrule serve --port 9000 --time-limit 30",
            "  curl -s localhost:8080/api/derive -d '{\"source\": \"x : vector(n)\\nL = sum(x .* x)\\nderive L wrt x\"}'"},
        description = {
    "A web page where you type a network and see its shapes, derivatives, checks and claims as you type,",
    "and the JSON API of SPEC §7 (POST /api/derive, /api/check, /api/shapes, /api/latex, /api/codegen, /api/eval).",
    "Listens on 127.0.0.1 unless --host says otherwise; Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "the port to listen on (default: 8080; 0 for any free port)")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "the address to listen on (default: 127.0.0.1, this machine only)")
    String host = "127.0.0.1";

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "how long one request may work before it gets 503 (default: 10)")
    double timeLimit = 10;

    @Option(names = "--workers", paramLabel = "N", description = "how many requests are worked on at once (default: the number of cores, at least 2)")
    Integer workers;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw Loader.usage("--port must be between 0 and 65535, not " + port);
        if (!(timeLimit > 0) || timeLimit > 86400) throw Loader.usage("--time-limit must be a number of seconds above 0");
        if (workers != null && (workers < 1 || workers > 1024)) throw Loader.usage("--workers must be between 1 and 1024");
        Server.Options defaults = Server.Options.defaults();
        Server.Options options = new Server.Options(host, port, Duration.ofMillis(Math.round(timeLimit * 1000)),
                workers == null ? defaults.workers() : workers, defaults.queue());
        Server server;
        try {
            server = Server.start(options);
        } catch (RuntimeException e) {
            throw Loader.usage("cannot listen on " + host + ":" + port + ": " + reason(e));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "chainrule-stop"));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        var out = common.spec.commandLine().getOut();
        out.println("chainrule: serving on http://" + shown + ":" + server.port() + "/ (Ctrl-C stops)");
        out.flush();
        server.awaitStop();
        return Main.OK;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }
}
