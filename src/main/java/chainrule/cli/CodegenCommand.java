package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.CodeGeneration;
import chainrule.app.Engine;
import chainrule.app.Format;
import chainrule.app.Request;
import chainrule.app.Result;
import chainrule.codegen.Target;
import chainrule.shape.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class CodegenCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "codegen",
            "The network and its backward pass as a Python module for NumPy or PyTorch.",
            "Writes the network and its backward pass as one Python module for NumPy or PyTorch (SPEC §6):"
                + " forward(values) computes every defined name, gradients(values) the derivatives asked for, one named"
                + " step a line as 'derive --steps' prints them, each with its shape; no autograd. The module imports only"
                + " numpy (or only torch); a wrong input shape raises ValueError naming the input and both shapes, and"
                + " opaque functions ('fun loss : scalar') become parameters: gradients(values, loss=..., loss_grad=...).");
    private final CommonOptions common;

    CodegenCommand() {
        spec.usageMessage().sortOptions(false);
        spec.addPositional(Specs.file("1", Specs.FILE));
        spec.addOption(OptionSpec.builder("--target").paramLabel("numpy|torch").required(true).type(String.class)
                .description("the library the module is written for: numpy or torch").build());
        spec.addOption(Specs.option("--of", "NAME", String.class, "the function to differentiate (default: the file's derive requests)"));
        spec.addOption(Specs.names("--wrt", "NAME,...").description("the variables (default: the file's derive requests)").build());
        spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("OUT.py").type(String.class)
                .description("write the module to this file instead of standard output").build());
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec,
                "  chainrule codegen test-cases/seeds/003_mnist_sigmoid_softmax.nn --target numpy -o mnist_grad.py",
                "  python3 -c 'import mnist_grad; print(mnist_grad.gradients(values)[\"d(L)/d(W2)\"])'");
    }

    @Override
    public Integer call() throws IOException {
        Path outputFile = Loader.outputFile(Specs.value(spec, "--output"));
        var result = (Result.Code) Answering.answer(new Request.Codegen(Loader.read(Specs.positional(spec, 0)),
                Specs.value(spec, "--target"), Specs.value(spec, "--of"), Specs.value(spec, "--wrt")));
        Output output = common.output();
        if (outputFile != null) {
            try {
                Files.writeString(outputFile, result.code());
            } catch (IOException e) {
                throw Loader.usage("cannot write " + outputFile + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            if (!output.json()) {
                output.out().println("wrote " + outputFile);
                return Main.OK;
            }
        }
        return output.print(result, common.appFormat() == Format.JSON ? Format.JSON : Format.TEXT, common.unicode(), null);
    }

    static String generate(Program p, List<Program.Derive> requests, Target t) {
        return CodeGeneration.forRequests(new Engine(p), requests, t);
    }
}
