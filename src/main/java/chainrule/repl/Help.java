package chainrule.repl;

import java.util.List;

/** The REPL's commands and its :help text, with an example of every kind of statement. */
final class Help {
    private Help() {}

    record Command(String name, String usage, String summary) {}

    static final List<Command> COMMANDS = List.of(
            new Command(":help", ":help", "this text"),
            new Command(":shapes", ":shapes", "every name with its shape, declared or inferred"),
            new Command(":defs", ":defs", "the declarations and definitions kept, as a problem file would hold them"),
            new Command(":load", ":load FILE", "every statement of a problem file, as if typed one by one"),
            new Command(":reset", ":reset", "forget every statement"),
            new Command(":format", ":format text|latex|unicode|json", "how answers are written (no word: say which)"),
            new Command(":eval", ":eval VALUES.json [NAME ...]", "the definitions' values at the values of a file, as 'chainrule eval'"),
            new Command(":codegen", ":codegen numpy|torch", "the last derivatives asked for as a Python module (forward, gradients)"),
            new Command(":quit", ":quit", "leave (also Ctrl-D)"));

    static final String TEXT = """
            Type statements as in a problem file, one at a time; they are kept as a session.
            A statement goes on over several lines while a bracket is open.

              x : 2                          declare a 2 x 1 column (also 'W : 3 x 2', 'c : scalar',
              W1, W2 : n x n                   'y : 10 onehot', several names at once)
              fun loss : scalar              an opaque function ('fun g : elementwise' too)
              z1 = W1*x + b1                 define a name; defining it again replaces it and says what changed
              h1 = relu(z1)                  functions: relu sigmoid tanh exp log ... softmax sum norm tr det inv
              W1'*h1 .* relu'(z1)            a bare expression: simplified and shown with its shape
              derive h1 wrt W1, x            derivatives at once, each checked with finite differences
              claim d(h1)/d(x) = diag(relu'(z1))*W1
                                             whether a claimed derivative is right, and where it goes wrong

            Commands:
            """;

    /** The command a mistyped one most likely meant (at most two edits away), or null. */
    static String nearest(String typed) {
        String best = null;
        int bestDistance = 3;
        for (Command c : COMMANDS) {
            int d = distance(typed, c.name());
            if (d < bestDistance) {
                best = c.name();
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from a to b. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String text() {
        StringBuilder out = new StringBuilder(TEXT);
        for (Command c : COMMANDS) out.append(String.format(java.util.Locale.ROOT, "  %-28s %s%n", c.usage(), c.summary()));
        out.append("""

                Tab completes names, functions, keywords and commands; history is kept in $HOME/.chainrule_history.
                A bad line gets its message and nothing is lost. SPEC §1 has the whole language.""");
        return out.toString();
    }
}
