package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class CheckCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "check",
            "Check the file's claimed derivatives, or the one given with --claim.",
            "Each claim gets a verdict (correct, incorrect, shape-error, partly-correct) and a diagnosis; exit status 1 when one is not correct.");
    private final CommonOptions common;

    CheckCommand() {
        spec.addPositional(Specs.file("1", Specs.FILE));
        spec.addOption(Specs.option("--claim", "'d(L)/d(W) = ...'", String.class, "a claim to check against the file instead of its own claims"));
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec, "  chainrule check test-cases/seeds/001_abs_scalar_net.nn",
                "  chainrule check net.nn --claim \"d(L)/d(W2) = (yhat - y)*h1'\"");
    }

    @Override
    public Integer call() {
        var result = Answering.answer(new Request.Check(Loader.read(Specs.positional(spec, 0)), Specs.value(spec, "--claim"), common.seed()));
        return common.output().print(result, common.appFormat(), common.unicode(), null);
    }
}
