package chainrule.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A test's HTTP client for a running server: answers as status and body. */
record Client(HttpClient http, String base) {
    record Answer(int status, String body) {}

    static Client of(Server server) {
        return new Client(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(),
                "http://127.0.0.1:" + server.port());
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {"source": text} with the given further fields (already JSON), e.g. body(src, "\"check\": true"). */
    static String body(String source, String... fields) {
        StringBuilder b = new StringBuilder("{\"source\": ").append(quote(source));
        for (String f : fields) b.append(", ").append(f);
        return b.append("}").toString();
    }

    static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
