package chainrule.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line's model, built in code. picocli reading annotations (a proxy class for each
 * kind of annotation, method handles spun for the fields) took longer than a small request's own
 * work; a model built so is the same to picocli, and prints the same help.
 */
final class Specs {
    private Specs() {}

    static final String FILE = "a problem file (.nn), or - for standard input";

    /** A command whose options are read from its model; its help lists them sorted by name. */
    static CommandSpec command(Object command, String name, String header, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name).versionProvider(new Version());
        spec.usageMessage().header(header).description(description).footerHeading("%nExamples:%n");
        return spec;
    }

    /** The last options of every command, as picocli's mixinStandardHelpOptions makes them. */
    static void standardHelp(CommandSpec spec, String... examples) {
        spec.usageMessage().footer(examples);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.").build());
    }

    /** The problem file, the first parameter; arity 0..1 when it may be left out. */
    static PositionalParamSpec file(String arity, String description) {
        return PositionalParamSpec.builder().index("0").arity(arity).required(!arity.startsWith("0")).paramLabel("FILE")
                .type(String.class).description(description).build();
    }

    /** An option with a value of this type; null unless given. */
    static OptionSpec option(String name, String label, Class<?> type, String description) {
        return option(name, label, type, null, description);
    }

    /** An option with a value of this type; the initial value unless given. */
    static OptionSpec option(String name, String label, Class<?> type, Object initial, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).initialValue(initial).description(description).build();
    }

    /** An option without a value: false unless given. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).initialValue(false).description(description).build();
    }

    /** A list of names, given as NAME,NAME or in several options. */
    static OptionSpec.Builder names(String name, String label) {
        return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class).splitRegex(",");
    }

    static <T> T value(CommandSpec spec, String option) {
        return spec.findOption(option).getValue();
    }

    static <T> T positional(CommandSpec spec, int index) {
        return spec.positionalParameters().get(index).getValue();
    }
}
