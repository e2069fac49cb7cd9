package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Check the file's claimed derivatives, or the one given with --claim.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Option(names = "--claim", paramLabel = "'d(L)/d(W) = ...'", description = "a claim to check against the file")
    String claim;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var result = Answering.answer(new Request.Check(Loader.read(file), claim, common.seed));
        return common.output().print(result, common.appFormat(), common.unicode, null);
    }
}
