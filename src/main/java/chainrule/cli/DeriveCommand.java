package chainrule.cli;

import chainrule.app.Answer;
import chainrule.app.Engine;
import chainrule.diff.Step;
import chainrule.eval.CheckResult;
import chainrule.eval.Evaluator;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.eval.Values;
import chainrule.expr.Ex;
import chainrule.render.Text;
import chainrule.shape.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.linear.RealMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Derivatives of the file's requests, or of --of with respect to --wrt.",
        description = "Each answer is simplified and printed in the input syntax with its shape and kind; the intermediate steps it names come first.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule derive test-cases/seeds/003_mnist_sigmoid_softmax.nn --wrt W2 --steps",
            "  chainrule derive net.nn --of L --wrt W1,b1 --check --format json"})
final class DeriveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Option(names = "--of", paramLabel = "NAME", description = "the function to differentiate (default: the file's derive requests)")
    String of;

    @Option(names = "--wrt", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",", description = "the variables to differentiate by, separated by commas")
    List<String> wrt;

    @Option(names = "--steps", description = "write the chain rule step by step")
    boolean steps;

    @Option(names = "--check", description = "verify every answer with finite differences")
    boolean check;

    @Option(names = "--at", paramLabel = "VALUES.json", description = "also give each derivative's value at these inputs (a JSON object, SPEC §4)")
    String at;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Program p = Loader.load(file);
        Engine engine = new Engine(p);
        Point point = at == null ? null : Values.read(Path.of(at), p);
        List<Answer> answers = new ArrayList<>();
        for (Program.Derive d : Requests.derives(p, of, wrt)) answers.addAll(engine.derive(d));
        Output output = common.output();
        Text text = engine.text(common.unicode);
        if (common.format == CommonOptions.Format.latex) {
            output.out().print(chainrule.render.LatexDocument.body(p, answers));
            output.out().flush();
            return Main.OK;
        }
        boolean allPassed = true;
        List<Map<String, Object>> results = new ArrayList<>();
        java.util.Set<chainrule.expr.Expr.Derivative> printed = new java.util.HashSet<>();
        if (!output.json() && !steps) printSteps(output, answers, text, printed);
        for (Answer a : answers) {
            CheckResult c = check ? engine.check(a, common.seed) : null;
            allPassed &= c == null || c.passed();
            RealMatrix value = point == null ? null : value(engine, a, point);
            if (output.json()) {
                results.add(json(a, text, steps, c, value));
            } else {
                print(output, a, text, steps, printed);
                if (c != null) output.out().println("  " + checkLine(c));
                if (value != null) output.out().println("  value at " + at + ": " + Output.matrix(value));
            }
        }
        if (output.json()) output.printJson(Map.of("results", results));
        return allPassed ? Main.OK : Main.FAILED;
    }

    static RealMatrix value(Engine engine, Answer a, Point point) {
        Map<String, RealMatrix> values = Sampler.evaluateDefinitions(engine.program(), point, engine.expander(a.steps()));
        return new Evaluator(point.sizes(), values, engine.expander(a.steps())).eval(a.expression());
    }

    static String checkLine(CheckResult c) {
        return (c.passed() ? "check: passed" : "check: FAILED") + String.format(java.util.Locale.ROOT, ", max relative error %.2g over %d points", c.maxRelError(), c.points());
    }

    /** The named steps a request's answers refer to, each once, before the answers. */
    static void printSteps(Output output, List<Answer> answers, Text text, java.util.Set<chainrule.expr.Expr.Derivative> printed) {
        for (Step s : Engine.stepsOf(answers)) {
            if (!printed.add(s.name())) continue;
            output.out().println(line(text.derivativeName(s.name()), text.render(s.value()), text.shape(s.value().shape())));
        }
    }

    /** An answer; with chain, the whole chain of intermediates before it (a step printed earlier is not repeated). */
    static void print(Output output, Answer a, Text text, boolean chain, java.util.Set<chainrule.expr.Expr.Derivative> printed) {
        List<Step> shown = chain ? a.allSteps().subList(0, a.allSteps().size() - 1) : List.of();
        for (Step s : shown) {
            if (!printed.add(s.name())) continue;
            output.out().println(line(text.derivativeName(s.name()), text.render(s.value()), text.shape(s.value().shape())));
        }
        String name = text.derivativeName(Ex.derivative(a.ofExpr(), a.wrt()));
        Object last = chain ? a.allSteps().get(a.allSteps().size() - 1).value() : a.expression();
        output.out().println(line(name, text.render((chainrule.expr.Expr) last), text.shape(a.shape()) + "  " + a.kind()
                + (independent(a) ? "  (" + a.of() + " does not depend on " + a.wrt().name() + ")" : "")));
    }

    static boolean independent(Answer a) {
        return a.expression() instanceof chainrule.expr.Expr.Zero;
    }

    static String line(String name, String expr, String shape) {
        String left = name + " = " + expr;
        int pad = Math.max(2, 48 - left.length());
        return left + " ".repeat(pad) + shape;
    }

    static Map<String, Object> json(Answer a, Text text, boolean withSteps, CheckResult c, RealMatrix value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("of", a.of());
        m.put("wrt", a.wrt().name());
        m.put("kind", a.kind());
        // with --at values every dimension has a size: give the numbers
        m.put("shape", value != null ? List.of(value.getRowDimension(), value.getColumnDimension())
                : ShapesCommand.shapeJson(a.shape()));
        m.put("expression", text.render(a.expression()));
        m.put("latex", chainrule.render.Latex.render(a.expression()));
        if (independent(a)) m.put("note", a.of() + " does not depend on " + a.wrt().name());
        if (withSteps) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Step s : a.allSteps().subList(0, a.allSteps().size() - 1)) {
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("name", text.derivativeName(s.name()));
                st.put("expression", text.render(s.value()));
                st.put("shape", ShapesCommand.shapeJson(s.value().shape()));
                steps.add(st);
            }
            m.put("steps", steps);
        }
        if (value != null) m.put("value", Values.rows(value));
        if (c != null) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("passed", c.passed());
            check.put("maxRelError", c.maxRelError());
            check.put("points", c.points());
            m.put("check", check);
        }
        return m;
    }
}
