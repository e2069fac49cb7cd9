package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class ShapesCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "shapes",
            "Every name with its shape, declared or inferred.",
            "Inputs, definitions and functions with their shapes and where each came from; a shape that does not fit is an error at the place it arises.");
    private final CommonOptions common;

    ShapesCommand() {
        spec.addPositional(Specs.file("1", Specs.FILE));
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec, "  chainrule shapes test-cases/seeds/003_mnist_sigmoid_softmax.nn",
                "  chainrule shapes net.nn --format json");
    }

    @Override
    public Integer call() {
        var result = Answering.answer(new Request.Shapes(Loader.read(Specs.positional(spec, 0))));
        return common.output().print(result, common.appFormat(), common.unicode(), null);
    }
}
