package chainrule.cli;

import chainrule.source.Limits;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options every command takes (SPEC §4). */
final class CommonOptions {
    enum Format { text, json, latex }

    @Option(names = "--format", paramLabel = "text|json|latex", description = "output format (default: text)")
    Format format = Format.text;

    @Option(names = "--unicode", description = "write text with ᵀ, ⊙, · and subscripts")
    boolean unicode;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random points of numeric checks")
    long seed = 1;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "refuse a problem file larger than this (default: ${DEFAULT-VALUE})")
    long maxFileSize = Limits.DEFAULT.fileBytes();

    @Option(names = "--max-depth", paramLabel = "N", description = "refuse brackets and signs nested deeper than this (default: ${DEFAULT-VALUE})")
    int maxDepth = Limits.DEFAULT.depth();

    @Option(names = "--max-statements", paramLabel = "N", description = "refuse a file of more statements than this (default: ${DEFAULT-VALUE})")
    int maxStatements = Limits.DEFAULT.statements();

    @Option(names = "--max-answer-size", paramLabel = "CHARS", description = "refuse to print an answer longer than this (default: ${DEFAULT-VALUE})")
    long maxAnswerSize = Limits.DEFAULT.answerChars();

    // a setter, so the process's limit is set (to its default too) each time a command line is parsed
    @Option(names = chainrule.eval.Limits.OPTION, paramLabel = "N", defaultValue = "25000000",
            description = "the most entries a matrix may have in numeric work (checks, claims, --at; default: 25000000)")
    void maxEntries(long n) {
        if (n < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-entries must be at least 1, not " + n);
        chainrule.eval.Limits.setMaxEntries(n);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Whether a word is one of these options (or serve's) that takes a value as the next word. */
    static boolean takesValue(String word) {
        return switch (word) {
            case "--format", "--seed", "--max-file-size", "--max-depth", "--max-statements", "--max-answer-size", "--max-entries" -> true;
            // serve's own options, which may also stand before the command's name
            case "--port", "--host", "--time-limit", "--workers" -> true;
            default -> false;
        };
    }

    /** The limits asked for; each must be at least 1. */
    Limits limits() {
        for (var limit : java.util.Map.of("--max-file-size", maxFileSize, "--max-depth", (long) maxDepth,
                "--max-statements", (long) maxStatements, "--max-answer-size", maxAnswerSize).entrySet()) {
            if (limit.getValue() < 1) throw Loader.usage(limit.getKey() + " must be at least 1, not " + limit.getValue());
        }
        return new Limits(maxFileSize, maxDepth, maxStatements, maxAnswerSize);
    }

    chainrule.app.Format appFormat() {
        return switch (format) {
            case text -> chainrule.app.Format.TEXT;
            case json -> chainrule.app.Format.JSON;
            case latex -> chainrule.app.Format.LATEX;
        };
    }

    Output output() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return new Output(format == Format.json, out, err);
    }
}
