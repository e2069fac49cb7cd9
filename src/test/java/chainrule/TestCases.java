package chainrule;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.shape.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads test-cases/: problem files and the expected answers beside them. */
public final class TestCases {
    public static final Path ROOT = Path.of("test-cases");

    private TestCases() {}

    public static List<Path> problems() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".nn")).sorted().toList();
        }
    }

    public static Path beside(Path problem, String extension) {
        String name = problem.getFileName().toString();
        return problem.resolveSibling(name.substring(0, name.length() - 3) + extension);
    }

    /** Lines of a sidecar file without comments and blanks; empty when there is no such file. */
    public static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) return List.of();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
        }
        return out;
    }

    /** "name : R x C" lines, in order. */
    public static Map<String, String> expectedShapes(Path problem) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(beside(problem, ".shapes"))) {
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon).strip(), squeeze(line.substring(colon + 1)));
        }
        return out;
    }

    /**
     * "d(L)/d(W) = EXPR" lines, keyed by "L|W". A line starting with "~ " is the form a textbook
     * prints that chainrule does not reach yet: the test reports it as skipped, not passed.
     */
    public static Map<String, String> expectedAnswers(Path problem) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : lines(beside(problem, ".answers"))) {
            boolean wished = raw.startsWith("~");
            String line = wished ? raw.substring(1).strip() : raw;
            if (line.startsWith("hessian(")) {
                // hessian(L, w) = EXPR, keyed "hessian L|w"
                int close = line.indexOf(") =");
                int comma = line.lastIndexOf(',', close);
                out.put("hessian " + line.substring(8, comma).strip() + "|" + line.substring(comma + 1, close).strip(),
                        (wished ? "~" : "") + line.substring(close + 3).strip());
                continue;
            }
            int eq = line.indexOf(")/d(");
            int close = line.indexOf(") =", eq);
            String of = line.substring(2, eq);
            String wrt = line.substring(eq + 4, close);
            out.put(of.strip() + "|" + wrt.strip(), (wished ? "~" : "") + line.substring(close + 3).strip());
        }
        return out;
    }

    public static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** How an answer is keyed in X.answers: "L|W", or "hessian L|w". */
    public static String key(Answer a) {
        return (a.kind().equals("hessian") ? "hessian " : "") + a.of() + "|" + a.wrt().name();
    }

    /** The claim that an answer is right, as a user would write it. */
    public static String claimOf(Answer a, String expression) {
        String target = a.kind().equals("hessian") ? "hessian(" + a.of() + ", " + a.wrt().name() + ")"
                : "d(" + a.of() + ")/d(" + a.wrt().name() + ")";
        return "claim " + target + " = " + expression;
    }

    public static List<Answer> answers(Program p) {
        Engine engine = new Engine(p);
        List<Answer> out = new ArrayList<>();
        for (Program.Request r : p.requests()) {
            if (r instanceof Program.Derive d) out.addAll(engine.derive(d));
        }
        return out;
    }

    public static Program load(Path problem) {
        return Loader.load(problem.toString());
    }
}
