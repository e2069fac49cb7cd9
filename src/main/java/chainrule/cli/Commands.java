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
        cmd.addSubcommand("help", new CommandLine.HelpCommand());
        cmd.setUsageHelpWidth(100);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOverwrittenOptionsAllowed(true); // an option given twice: the last one counts
        return cmd;
    }

    @Command(name = "chainrule", mixinStandardHelpOptions = true, versionProvider = Version.class,
            header = "Symbolic derivatives of neural-network equations: shape-checked, simplified, verified.",
            description = "With a FILE, do every request in it (derive, claim, a bare expression), each derivative checked with finite differences; with nothing, start the REPL. Options may stand before or after the command and its FILE; FILE '-' is standard input. 'chainrule help COMMAND' (or COMMAND --help) lists every option of a command.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {
                "0:all went well",
                "1:a claim is not correct, or a numeric check failed",
                "2:bad input or usage: FILE:LINE:COL: error: ... on standard error",
                "3:an internal fault (a bug in chainrule: please report it)"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  chainrule test-cases/seeds/003_mnist_sigmoid_softmax.nn",
                "  chainrule derive net.nn --wrt W1,b1 --steps",
                "  chainrule --format json check net.nn",
                "  chainrule help derive"})
    static final class RunCommand implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
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
