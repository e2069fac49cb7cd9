package chainrule.cli;

import chainrule.app.Engine;
import chainrule.claim.ClaimChecker;
import chainrule.claim.ClaimResult;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Check the file's claimed derivatives, or the one given with --claim.",
        description = "Each claim gets a verdict (correct, incorrect, shape-error, partly-correct) and a diagnosis; exit status 1 when one is not correct.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule check test-cases/seeds/001_abs_scalar_net.nn",
            "  chainrule check net.nn --claim \"d(L)/d(W2) = (yhat - y)*h1'\""})
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Option(names = "--claim", paramLabel = "'d(L)/d(W) = ...'", description = "a claim to check against the file instead of its own claims")
    String claim;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Program p = Loader.load(file);
        Engine engine = new Engine(p);
        List<ClaimResult> results = new ArrayList<>();
        ClaimChecker checker = new ClaimChecker(engine, common.seed);
        if (claim != null) {
            SourceFile src = new SourceFile("--claim", claim.strip().startsWith("claim") ? claim : "claim " + claim);
            Stmt s = Parse.statement(src);
            if (!(s instanceof Stmt.Claim c)) {
                throw ChainRuleException.at(ErrorKind.SYNTAX, src, new Span(1, 1, 0, 1),
                        "--claim takes a claim such as 'd(L)/d(W) = ...'");
            }
            results.add(checker.check(c, src));
        } else {
            for (Program.Request r : p.requests()) {
                if (r instanceof Program.Claim c) results.add(checker.check(c.claim(), p.source()));
            }
            if (results.isEmpty()) throw Loader.usage(p.source().name(), "claims nothing: add 'claim d(L)/d(W) = ...' or give --claim");
        }
        Output output = common.output();
        if (common.format == CommonOptions.Format.latex) {
            output.out().print(chainrule.render.LatexDocument.body(p, List.of(), results));
            output.out().flush();
        } else if (output.json()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ClaimResult r : results) list.add(json(r));
            output.printJson(Map.of("claims", list));
        } else {
            for (ClaimResult r : results) print(output, r);
        }
        return results.stream().allMatch(ClaimResult::correct) ? Main.OK : Main.FAILED;
    }

    static void print(Output output, ClaimResult r) {
        output.out().println("line " + r.line() + ": claim " + r.text());
        output.out().println("  " + r.verdict().word + ": " + r.message());
    }

    static Map<String, Object> json(ClaimResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", r.line());
        m.put("text", r.text());
        m.put("verdict", r.verdict().word);
        m.put("message", r.message());
        m.put("expected", r.expected());
        if (r.firstWrongStep() != null) m.put("firstWrongStep", r.firstWrongStep());
        return m;
    }
}
