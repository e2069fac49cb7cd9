package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class EvalCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "eval",
            "The values of the file's definitions (or of the NAMEs given) at --at VALUES.json.",
            "VALUES.json maps every input to a number, an array (a column) or an array of rows; \"dims\": {\"n\": 3} fixes symbolic sizes.");
    private final CommonOptions common;

    EvalCommand() {
        spec.addPositional(Specs.file("1", Specs.FILE));
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..*").paramLabel("NAME").type(List.class).auxiliaryTypes(String.class)
                .description("names to show (default: every definition)").build());
        spec.addOption(OptionSpec.builder("--at").required(true).paramLabel("VALUES.json").type(String.class)
                .description("the inputs' values (a JSON object, SPEC §4)").build());
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec, "  chainrule eval net.nn --at values.json", "  chainrule eval net.nn --at values.json L h1 --format json");
    }

    @Override
    public Integer call() {
        String at = Specs.value(spec, "--at");
        var source = Loader.read(Specs.positional(spec, 0));
        List<String> names = Specs.positional(spec, 1);
        var result = Answering.answer(new Request.Eval(source, Loader.values(at), names));
        return common.output().print(result, common.appFormat(), common.unicode(), at);
    }
}
