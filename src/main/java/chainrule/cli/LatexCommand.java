package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.Request;
import chainrule.app.Result;
import chainrule.render.LatexDerivation;
import chainrule.render.LatexDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class LatexCommand implements Callable<Integer> {
    static final int MIN_SIZE = 4, MAX_SIZE = 400;

    final CommandSpec spec = Specs.command(this, "latex",
            "The derivation as LaTeX, or as a PNG picture.",
            "The network's equations, each derivative of the file step by step through its named intermediates with their shapes, the simplified answer, and each claim's verdict.");
    private final CommonOptions common;

    LatexCommand() {
        spec.addPositional(Specs.file("1", Specs.FILE));
        spec.addOption(Specs.flag("--standalone", "a whole document that pdflatex compiles (article, amsmath, amssymb)"));
        spec.addOption(Specs.option("--png", "OUT.png", String.class, "draw the derivation into a PNG picture instead (JLaTeXMath)"));
        spec.addOption(OptionSpec.builder("--size").paramLabel("PX").type(float.class).initialValue(20f)
                .description("the font size of the picture in pixels, " + MIN_SIZE + " to " + MAX_SIZE + " (default: 20)").build());
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec, "  chainrule latex test-cases/seeds/003_mnist_sigmoid_softmax.nn --standalone > d.tex",
                "  chainrule latex net.nn --png derivation.png --size 24");
    }

    @Override
    public Integer call() throws IOException {
        Path png = Loader.outputFile(Specs.value(spec, "--png"));
        float size = Specs.value(spec, "--size");
        if (png != null) Picture.check(png, size);
        else if (spec.commandLine().getParseResult().hasMatchedOption("--size")) {
            throw Loader.usage("--size is the font size of a --png picture; give --png OUT.png too, or leave --size out");
        }
        var result = (Result.Latex) Answering.answer(new Request.Latex(Loader.read(Specs.positional(spec, 0)),
                Specs.value(spec, "--standalone"), common.seed()));
        Output output = common.output();
        if (png == null) return output.print(result, common.appFormat(), common.unicode(), null);
        Picture.write(LatexDocument.formula(LatexDerivation.blocks(result.program(), result.answers(), result.claims())), size, png);
        if (output.json()) output.printJson(Map.of("png", png.toString()));
        else output.out().println("wrote " + png);
        return result.status();
    }
}
