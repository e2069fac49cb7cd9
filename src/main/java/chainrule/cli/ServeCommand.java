package chainrule.cli;

import chainrule.serve.Server;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class ServeCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "serve",
            "A web page and a JSON API for the same questions as the command line.",
            "A web page where you type a network and see its shapes, derivatives, checks and claims as you type,",
            "and the JSON API of SPEC §7 (POST /api/derive, /api/check, /api/shapes, /api/latex, /api/codegen, /api/eval).",
            "Listens on 127.0.0.1 unless --host says otherwise; Ctrl-C stops it.");
    private final CommonOptions common;

    ServeCommand() {
        spec.usageMessage().sortOptions(false);
        spec.addOption(Specs.option("--port", "PORT", int.class, 8080, "the port to listen on (default: 8080; 0 for any free port)"));
        spec.addOption(Specs.option("--host", "HOST", String.class, "127.0.0.1", "the address to listen on (default: 127.0.0.1, this machine only)"));
        spec.addOption(Specs.option("--time-limit", "SECONDS", double.class, 10.0, "how long one request may work before it gets 503 (default: 10)"));
        spec.addOption(Specs.option("--workers", "N", Integer.class, "how many requests are worked on at once (default: the number of cores, at least 2)"));
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec,
                "  chainrule serve                      (then open http://127.0.0.1:8080/)",
                "  chainrule serve --port 9000 --time-limit 30",
                "  curl -s localhost:8080/api/derive -d '{\"source\": \"x : vector(n)\\nL = sum(x .* x)\\nderive L wrt x\"}'");
    }

    @Override
    public Integer call() throws InterruptedException {
        Main.runHooksAtExit();
        int port = Specs.value(spec, "--port");
        String host = Specs.value(spec, "--host");
        double timeLimit = Specs.value(spec, "--time-limit");
        Integer workers = Specs.value(spec, "--workers");
        if (port < 0 || port > 65535) throw Loader.usage("--port must be between 0 and 65535, not " + port);
        if (!(timeLimit > 0) || timeLimit > 86400) throw Loader.usage("--time-limit must be a number of seconds above 0");
        if (workers != null && (workers < 1 || workers > 1024)) throw Loader.usage("--workers must be between 1 and 1024");
        try {
            java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw Loader.usage("--host " + host + ": no such host (give a name or address of this machine, such as 127.0.0.1)");
        }
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
        var out = common.out();
        out.println("chainrule: serving on http://" + shown + ":" + server.port() + "/ (Ctrl-C stops)");
        out.flush();
        server.awaitStop();
        return Main.OK;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof java.nio.channels.UnresolvedAddressException) return "no such host";
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }
}
