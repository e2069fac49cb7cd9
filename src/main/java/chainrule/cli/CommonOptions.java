package chainrule.cli;

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

    // a setter, so the process's limit is set (to its default too) each time a command line is parsed
    @Option(names = chainrule.eval.Limits.OPTION, paramLabel = "N", defaultValue = "25000000",
            description = "the most entries a matrix may have in numeric work (checks, claims, --at; default: 25000000)")
    void maxEntries(long n) {
        if (n < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-entries must be at least 1, not " + n);
        chainrule.eval.Limits.setMaxEntries(n);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

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
