package chainrule.cli;

import chainrule.app.Answer;
import chainrule.app.Engine;
import chainrule.claim.ClaimChecker;
import chainrule.claim.ClaimResult;
import chainrule.eval.CheckResult;
import chainrule.render.Text;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 'chainrule FILE': every request of the file in order, each derivative checked numerically. */
final class FileRunner {
    private FileRunner() {}

    static int run(String file, CommonOptions common) {
        Program p = Loader.load(file);
        Engine engine = new Engine(p);
        Output output = common.output();
        Text text = engine.text(common.unicode);
        ClaimChecker checker = new ClaimChecker(engine, common.seed);
        if (common.format == CommonOptions.Format.latex) return latex(p, engine, checker, output);
        boolean ok = true;
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> claims = new ArrayList<>();
        List<Map<String, Object>> shown = new ArrayList<>();
        java.util.Set<chainrule.expr.Expr.Derivative> printed = new java.util.HashSet<>();
        for (Program.Request r : p.requests()) {
            switch (r) {
                case Program.Derive d -> {
                    List<Answer> answers = engine.derive(d);
                    if (!output.json()) DeriveCommand.printSteps(output, answers, text, printed);
                    for (Answer a : answers) {
                        CheckResult c = engine.check(a, common.seed);
                        ok &= c.passed();
                        if (output.json()) {
                            results.add(DeriveCommand.json(a, text, false, c, null));
                        } else {
                            DeriveCommand.print(output, a, text, false, printed);
                            output.out().println("  " + DeriveCommand.checkLine(c));
                        }
                    }
                }
                case Program.Claim c -> {
                    ClaimResult res = checker.check(c.claim(), p.source());
                    ok &= res.correct();
                    if (output.json()) claims.add(CheckCommand.json(res));
                    else CheckCommand.print(output, res);
                }
                case Program.Show s -> {
                    var e = engine.simplify(s.expr());
                    if (output.json()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("line", s.span().line());
                        m.put("expression", text.render(e));
                        m.put("shape", ShapesCommand.shapeJson(e.shape()));
                        shown.add(m);
                    } else {
                        output.out().println(text.render(e) + "    " + text.shape(e.shape()));
                    }
                }
            }
        }
        if (output.json()) {
            Map<String, Object> top = new LinkedHashMap<>();
            top.put("results", results);
            top.put("claims", claims);
            if (!shown.isEmpty()) top.put("expressions", shown);
            output.printJson(top);
        } else if (p.requests().isEmpty()) {
            output.out().println(file + ": shapes check; no requests (add 'derive L wrt W' or 'claim d(L)/d(W) = ...')");
        }
        return ok ? Main.OK : Main.FAILED;
    }

    private static int latex(Program p, Engine engine, ClaimChecker checker, Output output) {
        List<Answer> answers = new ArrayList<>();
        List<ClaimResult> claims = new ArrayList<>();
        for (Program.Request r : p.requests()) {
            switch (r) {
                case Program.Derive d -> answers.addAll(engine.derive(d));
                case Program.Claim c -> claims.add(checker.check(c.claim(), p.source()));
                case Program.Show s -> { }
            }
        }
        output.out().print(chainrule.render.LatexDocument.body(p, answers, claims));
        output.out().flush();
        return claims.stream().allMatch(ClaimResult::correct) ? Main.OK : Main.FAILED;
    }
}
