package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive", description = "Derivatives of the file's requests, or of --of with respect to --wrt.")
final class DeriveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Option(names = "--of", paramLabel = "NAME", description = "the function to differentiate")
    String of;

    @Option(names = "--wrt", paramLabel = "NAME,...", split = ",", description = "the variables")
    List<String> wrt;

    @Option(names = "--steps", description = "write the chain rule step by step")
    boolean steps;

    @Option(names = "--check", description = "verify every answer with finite differences")
    boolean check;

    @Option(names = "--at", paramLabel = "VALUES.json", description = "also give each derivative's value there")
    String at;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var source = Loader.read(file);
        var values = at == null ? null : Loader.values(at);
        var result = Answering.answer(new Request.Derive(source, of, wrt, values, check, steps, common.seed));
        return common.output().print(result, common.appFormat(), common.unicode, at);
    }
}
