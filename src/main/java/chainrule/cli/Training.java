package chainrule.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run the launcher records the JVM's ahead-of-time cache from (JDK 24+, JEP 483,
 * 514, 515; a class-data archive on JDK 21): the usual commands, once each, on a small network,
 * so that the classes they load and link and the methods they run are ready at the next start.
 * Not a command for users: it prints nothing and writes only a temporary folder.
 */
final class Training {
    static final String NETWORK = """
            X  : 1 x 8
            W1 : 9 x 4
            W2 : 5 x 3
            y  : 1 x 3 onehot
            H1 = sigmoid([1, X]*W1)
            z2 = [1, H1]*W2
            yhat = softmax(z2)
            L = -sum(y .* log(yhat))
            derive L wrt W2, W1
            claim d(L)/d(z2) = yhat - y
            claim d(L)/d(W2) = [1, H1]'*(yhat - y)*2
            W1'*W1
            """;

    private Training() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("chainrule-training");
        try {
            Path nn = Files.writeString(dir.resolve("net.nn"), NETWORK);
            Path values = Files.writeString(dir.resolve("v.json"), "{\"X\": [[1, 2, 3, 4, 5, 6, 7, 8]], \"W1\": "
                    + "[[0.1, 0.2, 0.3, 0.4]" + ", [0.1, 0.2, 0.3, 0.4]".repeat(8) + "], \"W2\": [[1, 2, 3]" + ", [1, 2, 3]".repeat(4)
                    + "], \"y\": [[0, 1, 0]]}");
            String f = nn.toString();
            String[][] runs = {
                {f}, {"derive", f}, {"derive", f, "--steps", "--wrt", "W2"}, {"derive", f, "--check", "--format", "json"},
                {"check", f}, {"shapes", f}, {"shapes", f, "--format", "json"}, {"latex", f}, {"eval", f, "--at", values.toString()},
                {"derive", f, "--at", values.toString()}, {"--help"}, {"derive", "--help"}, {"--version"},
                {"shapes", dir.resolve("missing.nn").toString()}, {"check", f, "--claim", "d(L)/d(z2) = yhat -* y"},
            };
            for (String[] run : runs) Main.run(run, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }
}
