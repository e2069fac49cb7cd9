package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import chainrule.app.Result;
import chainrule.render.LatexDerivation;
import chainrule.render.LatexDocument;
import chainrule.render.LatexPicture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "latex", description = {
    "The derivation as LaTeX: the network's equations, each derivative of the file step by step",
    "through its named intermediates with their shapes, the simplified answer, and each claim's verdict."})
final class LatexCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Option(names = "--standalone", description = "a whole document that pdflatex compiles (article, amsmath, amssymb)")
    boolean standalone;

    @Option(names = "--png", paramLabel = "OUT.png", description = "draw the derivation into a PNG picture instead (JLaTeXMath)")
    Path png;

    @Option(names = "--size", paramLabel = "PX", description = "the font size of the picture in pixels (default: 20)")
    float size = 20;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        var result = (Result.Latex) Answering.answer(new Request.Latex(Loader.read(file), standalone, common.seed));
        Output output = common.output();
        if (png == null) return output.print(result, common.appFormat(), common.unicode, null);
        LatexPicture.writePng(LatexDocument.formula(LatexDerivation.blocks(result.program(), result.answers(), result.claims())), size, png);
        if (output.json()) output.printJson(Map.of("png", png.toString()));
        else output.out().println("wrote " + png);
        return result.status();
    }
}
