package chainrule.serve;

import java.time.Duration;
import java.util.List;

/**
 * The serve bench (not a test): throughput and latency of the API under concurrent clients, over
 * the mix of good requests the load test sends (shapes, derive, derive --steps, latex, check over
 * the seed questions). Usage: bash scripts/serve-bench.sh [REQUESTS] [CLIENTS]
 */
public final class ServeBench {
    private ServeBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        try (Server server = Server.start(new Server.Options("127.0.0.1", 0, Duration.ofSeconds(10), workers, 64))) {
            Client client = Client.of(server);
            Load.send(client, Load.good(200, 1), clients); // warm up the JIT
            List<Load.Call> calls = Load.good(n, 2);
            long t0 = System.nanoTime();
            List<Load.Outcome> outcomes = Load.send(client, calls, clients);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long wrong = outcomes.stream().filter(o -> o.status() != o.call().status() || !o.call().expected().equals(o.body())).count();
            long[] ms = outcomes.stream().mapToLong(Load.Outcome::nanos).sorted().toArray();
            System.out.printf("serve bench: %d requests from %d clients, %d workers, %d cores%n", n, clients, workers,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  throughput %.0f requests/s (%.1f s in all), wrong answers %d%n", n / seconds, seconds, wrong);
            System.out.printf("  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1] / 1e6);
            System.out.println("  by endpoint (p50 ms): " + byEndpoint(outcomes));
        }
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String byEndpoint(List<Load.Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        for (String e : List.of("/api/shapes", "/api/derive", "/api/latex", "/api/check")) {
            long[] ms = outcomes.stream().filter(o -> o.call().path().equals(e)).mapToLong(Load.Outcome::nanos).sorted().toArray();
            if (ms.length > 0) out.append(e).append(' ').append(String.format("%.1f", pct(ms, 50))).append("  ");
        }
        return out.toString().strip();
    }
}
