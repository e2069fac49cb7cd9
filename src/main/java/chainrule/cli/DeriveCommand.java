package chainrule.cli;

import chainrule.app.Answer;
import chainrule.app.Engine;
import chainrule.diff.Step;
import chainrule.render.Text;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive", description = "Derivatives of the file's requests, or of --of with respect to --wrt.")
final class DeriveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Option(names = "--of", paramLabel = "NAME", description = "the function to differentiate")
    String of;

    @Option(names = "--wrt", paramLabel = "NAME,...", split = ",", description = "the variables")
    List<String> wrt;

    @Option(names = "--steps", description = "write the chain rule step by step")
    boolean steps;

    @Option(names = "--check", description = "verify every answer with finite differences")
    boolean check;

    @Option(names = "--at", paramLabel = "VALUES.json", description = "also give each derivative's value there")
    String at;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Program p = Loader.load(file);
        Engine engine = new Engine(p);
        List<Answer> answers = new ArrayList<>();
        for (Program.Derive d : Requests.derives(p, of, wrt)) answers.addAll(engine.derive(d.of(), d.ofText(), d.wrt()));
        Output output = common.output();
        Text text = engine.text(common.unicode);
        if (output.json()) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (Answer a : answers) results.add(json(a, text));
            output.printJson(Map.of("results", results));
        } else {
            for (Answer a : answers) print(output, a, text);
        }
        return Main.OK;
    }

    static void print(Output output, Answer a, Text text) {
        String name = text.derivativeName(chainrule.expr.Ex.derivative(a.ofExpr(), a.wrt()));
        for (Step s : a.steps()) {
            output.out().println(line(text.derivativeName(s.name()), text.render(s.value()), text.shape(s.value().shape())));
        }
        output.out().println(line(name, text.render(a.expression()), text.shape(a.shape()) + "  " + a.kind()));
    }

    static String line(String name, String expr, String shape) {
        String left = name + " = " + expr;
        int pad = Math.max(2, 48 - left.length());
        return left + " ".repeat(pad) + shape;
    }

    static Map<String, Object> json(Answer a, Text text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("of", a.of());
        m.put("wrt", a.wrt().name());
        m.put("kind", a.kind());
        m.put("shape", ShapesCommand.shapeJson(a.shape()));
        m.put("expression", text.render(a.expression()));
        return m;
    }
}
