package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "The values of the file's definitions (or of the NAMEs given) at --at VALUES.json.",
        description = "VALUES.json maps every input to a number, an array (a column) or an array of rows; \"dims\": {\"n\": 3} fixes symbolic sizes.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule eval net.nn --at values.json",
            "  chainrule eval net.nn --at values.json L h1 --format json"})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "names to show (default: every definition)")
    List<String> names;

    @Option(names = "--at", required = true, paramLabel = "VALUES.json", description = "the inputs' values (a JSON object, SPEC §4)")
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
