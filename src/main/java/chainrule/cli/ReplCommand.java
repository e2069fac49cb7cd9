package chainrule.cli;

import chainrule.repl.Format;
import chainrule.repl.Repl;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "repl", mixinStandardHelpOptions = true, versionProvider = Version.class,
    header = "An interactive session (also 'chainrule' alone).",
    footerHeading = "%nExamples:%n",
    footer = {"  chainrule repl test-cases/seeds/003_mnist_sigmoid_softmax.nn", "  chainrule repl < session.txt"},
    description = "An interactive session (also 'chainrule' alone): statements one at a time, kept; a bare expression is simplified, derive and claim answer at once. :help inside lists the commands. With input from a pipe it prints only the answers: chainrule repl < session.txt")
final class ReplCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a problem file to start from (its statements are loaded first)")
    String file;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        return start(file, common);
    }

    static int start(String file, CommonOptions common) throws IOException {
        Format format = switch (common.format) {
            case latex -> Format.LATEX;
            case json -> Format.JSON;
            case text -> common.unicode ? Format.UNICODE : Format.TEXT;
        };
        return Repl.start(file, format, common.seed, common.spec.commandLine().getOut(), common.spec.commandLine().getErr());
    }
}
