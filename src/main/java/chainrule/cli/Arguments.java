package chainrule.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * SPEC §4: options may stand before the command's name ('chainrule --format json check FILE').
 * picocli reads options of a command only after its name, so those before it are moved behind it.
 */
final class Arguments {
    private Arguments() {}

    static String[] commandFirst(String[] args, CommandLine top) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-") && !args[i].equals("--")) {
            i += takesValue(args[i], top) ? 2 : 1;
        }
        if (i == 0 || i >= args.length || !top.getSubcommands().containsKey(args[i])) return args;
        List<String> out = new ArrayList<>();
        out.add(args[i]);
        out.addAll(List.of(args).subList(0, i));
        out.addAll(List.of(args).subList(i + 1, args.length));
        return out.toArray(String[]::new);
    }

    /** Whether an option is followed by its value as the next word ('--seed 3', not '--seed=3' or '--check'). */
    private static boolean takesValue(String word, CommandLine top) {
        if (word.contains("=")) return false;
        List<CommandLine> commands = new ArrayList<>(top.getSubcommands().values());
        commands.add(0, top);
        for (CommandLine c : commands) {
            OptionSpec o = c.getCommandSpec().findOption(word);
            if (o != null) return o.arity().max() > 0 && !o.usageHelp() && !o.versionHelp();
        }
        return false;
    }
}
