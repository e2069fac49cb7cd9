package chainrule.render;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.cli.Main;
import chainrule.diff.Step;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every LaTeX string chainrule prints for the problems of test-cases/: the display and inline
 * math of 'chainrule latex FILE' (what a person pastes into KaTeX), and the LaTeX of every
 * answer and step (the "latex" fields of the JSON output).
 */
final class LatexOutputs {
    private LatexOutputs() {}

    /** One string to render, and where it comes from (for the message when it does not render). */
    record Item(String source, String latex) {}

    private static final Pattern DISPLAY = Pattern.compile("\\\\\\[\\n(.*?)\\n\\\\\\]", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("(?<!\\\\)\\$([^$]+)\\$");

    static List<Path> problems() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("test-cases"))) {
            return files.filter(p -> p.toString().endsWith(".nn")).sorted().toList();
        }
    }

    /** What 'chainrule latex FILE' prints, through the command line itself. */
    static String latexCommand(Path file, String... options) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("latex", file.toString()));
        args.addAll(List.of(options));
        int status = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        if (status > Main.FAILED) throw new AssertionError("chainrule latex " + file + " exited " + status + ": " + err);
        return out.toString();
    }

    /** The math of a LaTeX body: each \[ ... \] display and each $...$. */
    static List<String> math(String body) {
        List<String> out = new ArrayList<>();
        Matcher d = DISPLAY.matcher(body);
        while (d.find()) out.add(d.group(1));
        Matcher i = INLINE.matcher(DISPLAY.matcher(body).replaceAll(""));
        while (i.find()) out.add(i.group(1));
        return out;
    }

    private static List<Item> collected;

    /** Collected once for the tests that render them (it runs every problem of test-cases/). */
    static synchronized List<Item> all() throws IOException {
        if (collected == null) collected = collect();
        return collected;
    }

    private static List<Item> collect() throws IOException {
        Set<Item> out = new LinkedHashSet<>();
        for (Path file : problems()) {
            for (String m : math(latexCommand(file))) out.add(new Item("chainrule latex " + file, m));
            Program p;
            try {
                p = Loader.load(file.toString());
            } catch (ChainRuleException badInput) {
                continue;
            }
            Engine engine = new Engine(p);
            for (Program.Request r : p.requests()) {
                if (!(r instanceof Program.Derive d)) continue;
                for (Answer a : engine.derive(d.of(), d.ofText(), d.wrt())) {
                    String where = file + ": d(" + a.of() + ")/d(" + a.wrt().name() + ")";
                    out.add(new Item(where, Latex.render(a.expression())));
                    for (Step s : a.allSteps()) {
                        out.add(new Item(where + " step", Latex.derivativeName(s.name())));
                        out.add(new Item(where + " step", Latex.render(s.value())));
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
