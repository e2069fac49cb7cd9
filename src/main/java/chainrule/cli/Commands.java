package chainrule.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: 'chainrule FILE' runs a file; the subcommands do one thing each. */
final class Commands {
    private Commands() {}

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new RunCommand());
        cmd.addSubcommand("shapes", new ShapesCommand());
        cmd.addSubcommand("derive", new DeriveCommand());
        cmd.addSubcommand("latex", new LatexCommand());
        cmd.addSubcommand("repl", new ReplCommand());
        cmd.addSubcommand("check", new CheckCommand());
        cmd.addSubcommand("run", new RunFileCommand());
        cmd.addSubcommand("eval", new EvalCommand());
        cmd.addSubcommand("serve", new ServeCommand());
        cmd.addSubcommand("codegen", new CodegenCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    @Command(name = "chainrule", mixinStandardHelpOptions = true, version = "chainrule 0.1.0",
            description = "Symbolic derivatives of neural-network equations: shape-checked, simplified, verified.")
    static final class RunCommand implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a problem file (.nn)")
        String file;

        @CommandLine.Mixin
        CommonOptions common;

        @Override
        public Integer call() throws java.io.IOException {
            if (file == null) return ReplCommand.start(null, common); // 'chainrule' alone: the REPL (SPEC §4)
            return FileRunner.run(file, common);
        }
    }
}
