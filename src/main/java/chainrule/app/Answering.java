package chainrule.app;

import chainrule.claim.ClaimResult;
import chainrule.codegen.Target;
import chainrule.diff.Answer;
import chainrule.eval.CheckResult;
import chainrule.eval.Evaluator;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.eval.Values;
import chainrule.expr.Expr;
import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/** The one path from a request to its result: parse, type, then the stages the request needs. */
public final class Answering {
    private Answering() {}

    public static Result answer(Request request) {
        return answer(request, rewrite -> {});
    }

    /** The same, handing every rewrite of the simplifier, with its rule's name, to {@code trace} (derive --trace). */
    public static Result answer(Request request, java.util.function.Consumer<chainrule.simplify.Rewrite> trace) {
        return answer(request, load(request.source()), trace);
    }

    /**
     * The same for a request whose source is already typed: the REPL keeps its session typed
     * statement by statement, and asks of that program what the command line asks of a file.
     */
    public static Result answer(Request request, Program typed) {
        if (typed.source() != request.source()) throw new IllegalArgumentException("the program is not the request's source");
        return answer(request, typed, rewrite -> {});
    }

    private static Result answer(Request request, Program p, java.util.function.Consumer<chainrule.simplify.Rewrite> trace) {
        Engine engine = new Engine(p, trace);
        return switch (request) {
            case Request.Run r -> run(engine, r.seed());
            case Request.Derive d -> derive(engine, d);
            case Request.Check c -> new Result.Checked(p, claims(engine, c));
            case Request.Shapes s -> new Result.Shapes(p);
            case Request.Eval e -> new Result.Evaluated(p, eval(engine, e));
            case Request.Latex l -> latex(engine, l);
            case Request.Codegen c -> code(engine, c);
        };
    }

    /** A problem through the parse and shape stages. */
    public static Program load(SourceFile source) {
        return Checker.check(source, Parse.file(source));
    }

    private static Result run(Engine engine, long seed) {
        Program p = engine.program();
        List<Result.Item> items = new ArrayList<>();
        for (Program.Request r : p.requests()) items.add(item(engine, r, seed));
        return new Result.Ran(p, items);
    }

    private static Result.Item item(Engine engine, Program.Request r, long seed) {
        return switch (r) {
            case Program.Derive d -> {
                List<Result.Derivative> ds = new ArrayList<>();
                for (Answer a : engine.derive(d)) ds.add(new Result.Derivative(a, engine.check(a, seed), null));
                yield new Result.Item.Derivatives(ds);
            }
            case Program.Claim c -> new Result.Item.Claim(engine.check(c, seed));
            case Program.Show s -> new Result.Item.Shown(engine.show(s.expr()), s.span().line());
        };
    }

    private static Result derive(Engine engine, Request.Derive d) {
        Program p = engine.program();
        Point point = d.at() == null ? null : Values.read(d.at(), p);
        List<Answer> answers = new ArrayList<>();
        for (Program.Derive r : derives(p, d.of(), d.wrt())) answers.addAll(engine.derive(r));
        List<Result.Derivative> out = new ArrayList<>();
        for (Answer a : answers) {
            CheckResult c = d.check() ? engine.check(a, d.seed()) : null;
            out.add(new Result.Derivative(a, c, point == null ? null : value(engine, a, point)));
        }
        return new Result.Derived(p, out, d.steps());
    }

    private static RealMatrix value(Engine engine, Answer a, Point point) {
        var expand = engine.expander(a.steps());
        Map<String, RealMatrix> values = Sampler.evaluateDefinitions(engine.program(), point, expand);
        return new Evaluator(point.sizes(), values, expand).eval(a.expression());
    }

    /** The derive requests of a file, or the one given by of and wrt (either taken from the file when missing). */
    public static List<Program.Derive> derives(Program p, String of, List<String> wrt) {
        List<Program.Derive> out = new ArrayList<>();
        if (of == null && wrt == null) {
            for (Program.Request r : p.requests()) if (r instanceof Program.Derive d) out.add(d);
            if (out.isEmpty()) throw Usage.error(p.source().name(), "asks for no derivative: add 'derive L wrt W' or give --of and --wrt");
            return out;
        }
        if (of == null || wrt == null) {
            for (Program.Request r : p.requests()) {
                if (r instanceof Program.Derive d) {
                    Expr ofExpr = of == null ? d.of() : variable(p, of);
                    String ofText = of == null ? d.ofText() : of;
                    List<Expr.Var> ws = wrt == null ? d.wrt() : wrt.stream().map(w -> variable(p, w)).toList();
                    out.add(new Program.Derive(ofExpr, ofText, ws, d.hessian(), d.span()));
                }
            }
            if (out.isEmpty()) throw Usage.error(p.source().name(), "asks for no derivative: give both --of and --wrt" + example(p, of, wrt));
            return out;
        }
        out.add(new Program.Derive(variable(p, of), of, wrt.stream().map(w -> variable(p, w)).toList(), Span.NONE));
        return out;
    }

    /** The option left out, with a name of the file for it: the last definition for --of, the first input for --wrt. */
    private static String example(Program p, String of, List<String> wrt) {
        if (of == null && !p.definitions().isEmpty()) return " (--of " + p.definitions().get(p.definitions().size() - 1).name() + "?)";
        if (wrt == null && !p.inputs().isEmpty()) return " (--wrt " + p.inputs().keySet().iterator().next() + "?)";
        return "";
    }

    private static Expr.Var variable(Program p, String name) {
        var shape = p.shapeOf(name.strip());
        if (shape == null) throw Usage.error(p.source().name(), "no name '" + name.strip() + "' in the file" + nearNames(name.strip(), p));
        return new Expr.Var(name.strip(), shape);
    }

    private static String nearNames(String name, Program p) {
        List<String> all = new ArrayList<>(p.inputs().keySet());
        all.addAll(p.byName().keySet());
        List<String> near = chainrule.expr.Functions.near(name, all.stream().sorted().toList());
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
    }

    private static List<ClaimResult> claims(Engine engine, Request.Check c) {
        Program p = engine.program();
        List<ClaimResult> out = new ArrayList<>();
        if (c.claim() != null) {
            SourceFile src = new SourceFile("--claim", c.claim().strip().startsWith("claim") ? c.claim() : "claim " + c.claim());
            if (!(Parse.statement(src) instanceof Stmt.Claim claim)) {
                throw ChainRuleException.at(ErrorKind.SYNTAX, src, new Span(1, 1, 0, 1),
                        "--claim takes a claim such as 'd(L)/d(W) = ...'");
            }
            out.add(engine.check(Checker.claim(p, src, claim), c.seed()));
            return out;
        }
        for (Program.Request r : p.requests()) if (r instanceof Program.Claim claim) out.add(engine.check(claim, c.seed()));
        if (out.isEmpty()) throw Usage.error(p.source().name(), "claims nothing: add 'claim d(L)/d(W) = ...' or give --claim");
        return out;
    }

    private static Map<String, RealMatrix> eval(Engine engine, Request.Eval e) {
        Program p = engine.program();
        Point point = Values.read(e.at(), p);
        Map<String, RealMatrix> values = Sampler.evaluateDefinitions(p, point, engine.expander(List.of()));
        List<String> wanted = e.names();
        if (wanted == null || wanted.isEmpty()) wanted = p.definitions().stream().map(Program.Definition::name).toList();
        Map<String, RealMatrix> out = new LinkedHashMap<>();
        for (String n : wanted) {
            RealMatrix m = values.get(n);
            if (m == null) throw Usage.error(p.source().name(), "no name '" + n + "' in the file" + nearNames(n, p));
            out.put(n, m);
        }
        return out;
    }

    private static Result code(Engine engine, Request.Codegen c) {
        Target t = Target.named(c.target());
        if (t == null) throw Usage.error("unknown target '" + c.target() + "': --target numpy or --target torch");
        return new Result.Code(engine.program(), t.id,
                CodeGeneration.forRequests(engine, derives(engine.program(), c.of(), c.wrt()), t));
    }

    private static Result latex(Engine engine, Request.Latex l) {
        Program p = engine.program();
        List<Answer> answers = new ArrayList<>();
        List<ClaimResult> claims = new ArrayList<>();
        for (Program.Request r : p.requests()) {
            switch (r) {
                case Program.Derive d -> answers.addAll(engine.derive(d));
                case Program.Claim c -> claims.add(engine.check(c, l.seed()));
                case Program.Show s -> { }
            }
        }
        return new Result.Latex(p, answers, claims, l.standalone());
    }
}
