package chainrule.repl;

import chainrule.expr.Functions;
import chainrule.expr.Builtin;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.builtins.Completers;

/** Tab completion: the session's names, chainrule's functions and keywords, the REPL's commands, file names after :load. */
final class Completion implements Completer {
    static final List<String> KEYWORDS = List.of("derive", "hessian", "wrt", "claim", "fun", "scalar", "elementwise", "onehot",
            "symmetric", "positive");

    private final Supplier<Program> program;
    private final Completer files = new Completers.FileNameCompleter();

    Completion(Supplier<Program> program) {
        this.program = program;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String text = line.line().stripLeading();
        if (text.startsWith(":")) {
            if (line.wordIndex() == 0) {
                for (Help.Command c : Help.COMMANDS) candidates.add(new Candidate(c.name(), c.name(), "commands", c.summary(), null, null, true));
            } else if (text.startsWith(":load")) {
                files.complete(reader, line, candidates);
            } else if (text.startsWith(":codegen")) {
                for (chainrule.codegen.Target t : chainrule.codegen.Target.values()) candidates.add(new Candidate(t.id));
            } else if (text.startsWith(":format")) {
                for (Format f : Format.values()) candidates.add(new Candidate(f.word()));
            }
            return;
        }
        for (String n : names()) candidates.add(new Candidate(n, n, "names", null, null, null, true));
        for (Builtin b : Builtin.values()) candidates.add(new Candidate(b.fname(), b.fname(), "functions", "elementwise", null, null, false));
        for (String f : chainrule.expr.Functions.allNames()) {
            if (Builtin.named(f).isEmpty()) candidates.add(new Candidate(f, f, "functions", null, null, null, false));
        }
        for (String k : KEYWORDS) candidates.add(new Candidate(k, k, "keywords", null, null, null, true));
    }

    private List<String> names() {
        Program p = program.get();
        List<String> out = new ArrayList<>(p.inputs().keySet());
        out.addAll(p.byName().keySet());
        out.addAll(p.functions().keySet());
        return out;
    }
}
