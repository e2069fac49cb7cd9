package chainrule.cli;

import chainrule.source.Limits;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** The options every command takes (SPEC §4): a mixin named "common" of each command's model. */
final class CommonOptions {
    enum Format { text, json, latex }

    /** The command these options are part of. */
    private final CommandSpec command;

    private CommonOptions(CommandSpec command) {
        this.command = command;
    }

    /** Adds the common options to a command and returns them. */
    static CommonOptions addTo(CommandSpec command) {
        CommonOptions common = new CommonOptions(command);
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(common);
        mixin.addOption(Specs.option("--format", "text|json|latex", Format.class, Format.text, "output format (default: text)"));
        mixin.addOption(Specs.flag("--unicode", "write text with ᵀ, ⊙, · and subscripts"));
        mixin.addOption(Specs.option("--seed", "N", long.class, 1L, "seed of the random points of numeric checks"));
        mixin.addOption(Specs.option("--max-file-size", "BYTES", long.class, Limits.DEFAULT.fileBytes(),
                "refuse a problem file larger than this (default: ${DEFAULT-VALUE})"));
        mixin.addOption(Specs.option("--max-depth", "N", int.class, Limits.DEFAULT.depth(),
                "refuse brackets and signs nested deeper than this (default: ${DEFAULT-VALUE})"));
        mixin.addOption(Specs.option("--max-statements", "N", int.class, Limits.DEFAULT.statements(),
                "refuse a file of more statements than this (default: ${DEFAULT-VALUE})"));
        mixin.addOption(Specs.option("--max-answer-size", "CHARS", long.class, Limits.DEFAULT.answerChars(),
                "refuse to print an answer longer than this (default: ${DEFAULT-VALUE})"));
        mixin.addOption(OptionSpec.builder(chainrule.eval.Limits.OPTION).paramLabel("N").type(long.class).defaultValue("25000000")
                .hasInitialValue(false).setter(common.atLeastOne())
                .description("the most entries a matrix may have in numeric work (checks, claims, --at; default: 25000000)").build());
        command.addMixin("common", mixin);
        return common;
    }

    /** --max-entries, checked as it is read. */
    private long maxEntries;

    private ISetter atLeastOne() {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                long n = (Long) value;
                if (n < 1) throw new ParameterException(command.commandLine(), "--max-entries must be at least 1, not " + n);
                maxEntries = n;
                return null;
            }
        };
    }

    /** The most entries a matrix may have in numeric work (the process's limit, set before the command runs). */
    long maxEntries() {
        return maxEntries;
    }

    Format format() {
        return Specs.value(command, "--format");
    }

    boolean unicode() {
        return Specs.value(command, "--unicode");
    }

    long seed() {
        return Specs.value(command, "--seed");
    }

    /** The limits asked for; each must be at least 1. */
    Limits limits() {
        long fileBytes = Specs.value(command, "--max-file-size"), answerChars = Specs.value(command, "--max-answer-size");
        int depth = Specs.value(command, "--max-depth"), statements = Specs.value(command, "--max-statements");
        // in this order, so that of several below 1 the same one is named at every run
        String[] names = {"--max-file-size", "--max-depth", "--max-statements", "--max-answer-size"};
        long[] values = {fileBytes, depth, statements, answerChars};
        for (int i = 0; i < names.length; i++) {
            if (values[i] < 1) throw Loader.usage(names[i] + " must be at least 1, not " + values[i]);
        }
        return new Limits(fileBytes, depth, statements, answerChars);
    }

    chainrule.app.Format appFormat() {
        return switch (format()) {
            case text -> chainrule.app.Format.TEXT;
            case json -> chainrule.app.Format.JSON;
            case latex -> chainrule.app.Format.LATEX;
        };
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    Output output() {
        return new Output(format() == Format.json, out(), err());
    }
}
