package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import chainrule.app.Engine;
import chainrule.render.Text;
import chainrule.simplify.Rewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class DeriveCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "derive",
            "Derivatives of the file's requests, or of --of with respect to --wrt.",
            "Each answer is simplified and printed in the input syntax with its shape and kind; the intermediate steps it names come first.");
    private final CommonOptions common;

    DeriveCommand() {
        spec.addPositional(Specs.file("1", Specs.FILE));
        spec.addOption(Specs.option("--of", "NAME", String.class, "the function to differentiate (default: the file's derive requests)"));
        spec.addOption(Specs.names("--wrt", "NAME").splitRegexSynopsisLabel(",")
                .description("the variables to differentiate by, separated by commas").build());
        spec.addOption(Specs.flag("--steps", "write the chain rule step by step"));
        spec.addOption(Specs.flag("--check", "verify every answer with finite differences"));
        spec.addOption(Specs.flag("--trace", "show every rewrite of the simplifier with its rule's name, on standard error"));
        spec.addOption(Specs.option("--at", "VALUES.json", String.class, "also give each derivative's value at these inputs (a JSON object, SPEC §4)"));
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec, "  chainrule derive test-cases/seeds/003_mnist_sigmoid_softmax.nn --wrt W2 --steps",
                "  chainrule derive net.nn --of L --wrt W1,b1 --check --format json",
                "  chainrule derive net.nn --wrt W1 --trace");
    }

    @Override
    public Integer call() {
        String at = Specs.value(spec, "--at");
        boolean trace = Specs.value(spec, "--trace"), unicode = common.unicode();
        var source = Loader.read(Specs.positional(spec, 0));
        var values = at == null ? null : Loader.values(at);
        var request = new Request.Derive(source, Specs.value(spec, "--of"), Specs.value(spec, "--wrt"), values,
                Specs.value(spec, "--check"), Specs.value(spec, "--steps"), common.seed());
        var output = common.output();
        if (!trace) return output.print(Answering.answer(request), common.appFormat(), unicode, at);
        List<Rewrite> rewrites = new ArrayList<>();
        var result = Answering.answer(request, rewrites::add);
        Text text = Engine.text(result.program(), unicode);
        for (Rewrite r : rewrites) {
            output.err().println("trace: " + r.rule() + ": " + text.render(r.before()) + "  =>  " + text.render(r.after()));
        }
        return output.print(result, common.appFormat(), unicode, at);
    }
}
