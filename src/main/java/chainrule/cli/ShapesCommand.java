package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "shapes", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Every name with its shape, declared or inferred.",
        description = "Inputs, definitions and functions with their shapes and where each came from; a shape that does not fit is an error at the place it arises.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule shapes test-cases/seeds/003_mnist_sigmoid_softmax.nn",
            "  chainrule shapes net.nn --format json"})
final class ShapesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var result = Answering.answer(new Request.Shapes(Loader.read(file)));
        return common.output().print(result, common.appFormat(), common.unicode, null);
    }
}
