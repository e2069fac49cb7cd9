package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "shapes", description = "Every name with its shape, declared or inferred.")
final class ShapesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var result = Answering.answer(new Request.Shapes(Loader.read(file)));
        return common.output().print(result, common.appFormat(), common.unicode, null);
    }
}
