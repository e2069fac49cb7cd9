package chainrule.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class RunFileCommand implements Callable<Integer> {
    final CommandSpec spec = Specs.command(this, "run",
            "Do every request in FILE (the same as 'chainrule FILE').",
            "Derivatives (each checked with finite differences), claims and bare expressions, in the order of the file.");
    private final CommonOptions common;

    RunFileCommand() {
        spec.addPositional(Specs.file("1", Specs.FILE));
        common = CommonOptions.addTo(spec);
        Specs.standardHelp(spec, "  chainrule run test-cases/seeds/000_skip_relu.nn", "  cat net.nn | chainrule run - --format json");
    }

    @Override
    public Integer call() {
        return FileRunner.run(Specs.positional(spec, 0), common);
    }
}
