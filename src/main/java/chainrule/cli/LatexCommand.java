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

@Command(name = "latex", mixinStandardHelpOptions = true, versionProvider = Version.class,
    header = "The derivation as LaTeX, or as a PNG picture.",
    description = "The network's equations, each derivative of the file step by step through its named intermediates with their shapes, the simplified answer, and each claim's verdict.",
    footerHeading = "%nExamples:%n",
    footer = {"  chainrule latex test-cases/seeds/003_mnist_sigmoid_softmax.nn --standalone > d.tex",
        "  chainrule latex net.nn --png derivation.png --size 24"})
final class LatexCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Option(names = "--standalone", description = "a whole document that pdflatex compiles (article, amsmath, amssymb)")
    boolean standalone;

    @Option(names = "--png", paramLabel = "OUT.png", description = "draw the derivation into a PNG picture instead (JLaTeXMath)")
    Path png;

    static final int MIN_SIZE = 4, MAX_SIZE = 400;

    @Option(names = "--size", paramLabel = "PX", description = "the font size of the picture in pixels, " + LatexCommand.MIN_SIZE + " to " + LatexCommand.MAX_SIZE + " (default: 20)")
    float size = 20;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (png != null) Picture.check(png, size);
        var result = (Result.Latex) Answering.answer(new Request.Latex(Loader.read(file), standalone, common.seed));
        Output output = common.output();
        if (png == null) return output.print(result, common.appFormat(), common.unicode, null);
        Picture.write(LatexDocument.formula(LatexDerivation.blocks(result.program(), result.answers(), result.claims())), size, png);
        if (output.json()) output.printJson(Map.of("png", png.toString()));
        else output.out().println("wrote " + png);
        return result.status();
    }
}
