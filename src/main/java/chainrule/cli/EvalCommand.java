package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", description = "The values of the file's definitions (or of the NAMEs given) at --at VALUES.json.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "names to show (default: every definition)")
    List<String> names;

    @Option(names = "--at", required = true, paramLabel = "VALUES.json", description = "the inputs' values")
    String at;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var source = Loader.read(file);
        var result = Answering.answer(new Request.Eval(source, Loader.values(at), names));
        return common.output().print(result, common.appFormat(), common.unicode, at);
    }
}
