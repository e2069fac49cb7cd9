package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import chainrule.app.Engine;
import chainrule.render.Text;
import chainrule.simplify.Rewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Derivatives of the file's requests, or of --of with respect to --wrt.",
        description = "Each answer is simplified and printed in the input syntax with its shape and kind; the intermediate steps it names come first.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule derive test-cases/seeds/003_mnist_sigmoid_softmax.nn --wrt W2 --steps",
            "  chainrule derive net.nn --of L --wrt W1,b1 --check --format json",
            "  chainrule derive net.nn --wrt W1 --trace"})
final class DeriveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Option(names = "--of", paramLabel = "NAME", description = "the function to differentiate (default: the file's derive requests)")
    String of;

    @Option(names = "--wrt", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",", description = "the variables to differentiate by, separated by commas")
    List<String> wrt;

    @Option(names = "--steps", description = "write the chain rule step by step")
    boolean steps;

    @Option(names = "--check", description = "verify every answer with finite differences")
    boolean check;

    @Option(names = "--trace", description = "show every rewrite of the simplifier with its rule's name, on standard error")
    boolean trace;

    @Option(names = "--at", paramLabel = "VALUES.json", description = "also give each derivative's value at these inputs (a JSON object, SPEC §4)")
    String at;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var source = Loader.read(file);
        var values = at == null ? null : Loader.values(at);
        var request = new Request.Derive(source, of, wrt, values, check, steps, common.seed);
        var output = common.output();
        if (!trace) return output.print(Answering.answer(request), common.appFormat(), common.unicode, at);
        List<Rewrite> rewrites = new ArrayList<>();
        var result = Answering.answer(request, rewrites::add);
        Text text = Engine.text(result.program(), common.unicode);
        for (Rewrite r : rewrites) {
            output.err().println("trace: " + r.rule() + ": " + text.render(r.before()) + "  =>  " + text.render(r.after()));
        }
        return output.print(result, common.appFormat(), common.unicode, at);
    }
}
