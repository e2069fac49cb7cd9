package chainrule.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training run the launcher records the JVM's start-up cache from (JDK 24+: the ahead-of-time
 * cache, JEP 483, 514, 515; a class-data archive on JDK 21-23): commands, once each, on a small
 * network, so that the classes they load and link are ready at the next start. Not a command for
 * users: it prints nothing and writes only a temporary folder.
 *
 * <p>An ahead-of-time cache loads and links every class it holds at every start, whether the
 * command uses them or not (about 15 µs a class), so there are three, each a superset of the one
 * before: {@link Kind#SYMBOLIC}, derive in text (no numbers: about 1,900 classes);
 * {@link Kind#LEAN}, the everyday text commands (checks, claims, shapes, latex: about 2,300); and
 * {@link Kind#FULL}, every command (Jackson, JLine, the web server, pictures, help: about 3,000).
 * The launcher picks one by the arguments ({@code cache_kind} in ./chainrule); this class and that
 * choice must agree (StartupCacheTest).
 */
final class Training {
    enum Kind { SYMBOLIC, LEAN, FULL }

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

    /** The everyday mistakes: a statement cut short, and a product whose shapes do not fit. */
    static final String SYNTAX_MISTAKE = "x : 3\ny = 2*x +\n", SHAPE_MISTAKE = "x : 3\nW : 2 x 2\nz = W*x\n";

    /** The files a training run works on: a problem, a values file, one that is not there, and the two mistakes. */
    record Inputs(String network, String values, String missing, String syntaxMistake, String shapeMistake) {}

    /** The command lines a cache of this kind is trained on. */
    static List<String[]> runs(Kind kind, Inputs in) {
        String f = in.network(), values = in.values(), missing = in.missing();
        List<String[]> runs = new ArrayList<>(List.of(
                new String[] {"derive", f}, new String[] {"derive", f, "--steps", "--wrt", "W2"}, new String[] {"derive", f, "--unicode"},
                new String[] {"derive", missing}, new String[] {"derive", in.syntaxMistake()}, new String[] {"derive", in.shapeMistake()},
                new String[] {"derive", "--frob"}));
        if (kind == Kind.SYMBOLIC) return runs;
        runs.addAll(List.of(
                new String[] {"shapes", f}, new String[] {"latex", f}, new String[] {"derive", f, "--format", "latex"},
                new String[] {"shapes", missing}, new String[] {f}, new String[] {"derive", f, "--check"}, new String[] {"check", f}, new String[] {"run", f},
                new String[] {"--version"}, new String[] {"check", f, "--claim", "d(L)/d(z2) = yhat -* y"}));
        if (kind == Kind.LEAN) return runs;
        runs.addAll(List.of(
                new String[] {"--help"}, new String[] {"derive", "--help"},
                new String[] {"derive", f, "--check", "--format", "json"}, new String[] {"shapes", f, "--format", "json"},
                new String[] {"eval", f, "--at", values}, new String[] {"derive", f, "--at", values},
                new String[] {"--format", "json", "shapes", missing}));
        return runs;
    }

    /**
     * Trains the kind named by the first argument ("symbolic", "lean" or "full"; full when none), then
     * on the problem files that follow (the launcher gives the seed questions, which the jar also ships
     * as the web page's examples): {@code derive} of each, and {@code check} but for the symbolic
     * kind, so that what a real network
     * reaches beyond the small one here (claims that do not type, slices, more functions, the lambdas
     * on those paths) is in the cache too.
     */
    public static void main(String[] args) throws IOException {
        Kind kind = args.length == 0 ? Kind.FULL : Kind.valueOf(args[0].toUpperCase(Locale.ROOT));
        // not Files.createTempDirectory, whose SecureRandom would be in the cache, loaded at every start
        Path dir = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir"), "chainrule-training-" + System.nanoTime()));
        try {
            Path nn = Files.writeString(dir.resolve("net.nn"), NETWORK);
            Path values = Files.writeString(dir.resolve("v.json"), "{\"X\": [[1, 2, 3, 4, 5, 6, 7, 8]], \"W1\": "
                    + "[[0.1, 0.2, 0.3, 0.4]" + ", [0.1, 0.2, 0.3, 0.4]".repeat(8) + "], \"W2\": [[1, 2, 3]" + ", [1, 2, 3]".repeat(4)
                    + "], \"y\": [[0, 1, 0]]}");
            Path syntax = Files.writeString(dir.resolve("syntax.nn"), SYNTAX_MISTAKE), shapes = Files.writeString(dir.resolve("shapes.nn"), SHAPE_MISTAKE);
            Inputs in = new Inputs(nn.toString(), values.toString(), dir.resolve("missing.nn").toString(), syntax.toString(), shapes.toString());
            for (String[] run : runs(kind, in)) {
                Main.run(run, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            }
            for (int i = 1; i < args.length; i++) {
                for (String command : kind == Kind.SYMBOLIC ? List.of("derive") : List.of("derive", "check")) {
                    Main.run(new String[] {command, args[i]}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }
}
