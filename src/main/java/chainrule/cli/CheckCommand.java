package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Check the file's claimed derivatives, or the one given with --claim.",
        description = "Each claim gets a verdict (correct, incorrect, shape-error, partly-correct) and a diagnosis; exit status 1 when one is not correct.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule check test-cases/seeds/001_abs_scalar_net.nn",
            "  chainrule check net.nn --claim \"d(L)/d(W2) = (yhat - y)*h1'\""})
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Option(names = "--claim", paramLabel = "'d(L)/d(W) = ...'", description = "a claim to check against the file instead of its own claims")
    String claim;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var result = Answering.answer(new Request.Check(Loader.read(file), claim, common.seed));
        return common.output().print(result, common.appFormat(), common.unicode, null);
    }
}
