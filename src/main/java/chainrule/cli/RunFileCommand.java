package chainrule.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Do every request in FILE (the same as 'chainrule FILE').")
final class RunFileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return FileRunner.run(file, common);
    }
}
