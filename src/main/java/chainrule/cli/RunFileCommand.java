package chainrule.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Do every request in FILE (the same as 'chainrule FILE').",
        description = "Derivatives (each checked with finite differences), claims and bare expressions, in the order of the file.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule run test-cases/seeds/000_skip_relu.nn", "  cat net.nn | chainrule run - --format json"})
final class RunFileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return FileRunner.run(file, common);
    }
}
