package chainrule.cli;

import chainrule.repl.Format;
import chainrule.repl.Repl;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class ReplCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "repl",
            "An interactive session (also 'chainrule' alone).",
            "An interactive session (also 'chainrule' alone): statements one at a time, kept; a bare expression is simplified, derive and claim answer at once. :help inside lists the commands. With input from a pipe it prints only the answers: chainrule repl < session.txt");
    private final CommonOptions common;

    ReplCommand() {
        spec.addPositional(Specs.file("0..1", "a problem file to start from (its statements are loaded first)"));
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec, "  chainrule repl test-cases/seeds/003_mnist_sigmoid_softmax.nn", "  chainrule repl < session.txt");
    }

    @Override
    public Integer call() throws IOException {
        return start(Specs.positional(spec, 0), common);
    }

    static int start(String file, CommonOptions common) throws IOException {
        Main.runHooksAtExit();
        Format format = switch (common.format()) {
            case latex -> Format.LATEX;
            case json -> Format.JSON;
            case text -> common.unicode() ? Format.UNICODE : Format.TEXT;
        };
        return Repl.start(file, format, common.seed(), common.out(), common.err());
    }
}
