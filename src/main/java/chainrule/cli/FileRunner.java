package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;

/** 'chainrule FILE': every request of the file in order, each derivative checked numerically. */
final class FileRunner {
    private FileRunner() {}

    static int run(String file, CommonOptions common) {
        var result = Answering.answer(new Request.Run(Loader.read(file), common.seed()));
        return common.output().print(result, common.appFormat(), common.unicode(), null);
    }
}
