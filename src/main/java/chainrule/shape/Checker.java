package chainrule.shape;

import chainrule.expr.Functions;
import chainrule.expr.Dim;
import chainrule.expr.Ex;
import chainrule.expr.Expr;
import chainrule.expr.Shape;
import chainrule.parse.Ast;
import chainrule.parse.Stmt;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape stage for a whole file: declarations, definitions in dependency order (cycles
 * named), inference across the file, then the typed program. All problems found are reported
 * together.
 */
public final class Checker {
    private final SourceFile source;
    private final Unifier u = new Unifier();
    private final Inference inf;
    private final List<Problem> problems = new ArrayList<>();

    private final Map<String, Stmt.VarDecl> declared = new LinkedHashMap<>();
    private final Map<String, Ast.Name> declaredAt = new HashMap<>();
    private final Map<String, Stmt.FunKind> functions = new LinkedHashMap<>();
    private final Map<String, Stmt.Definition> definitions = new LinkedHashMap<>();
    private final Set<String> dims = new java.util.TreeSet<>();
    /** Every name's shape, possibly with unknowns while inference runs. */
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, Span> inferredAt = new LinkedHashMap<>();
    /** Names used in definitions, claims and bare expressions. */
    private final Set<String> mentioned = new HashSet<>();

    private Checker(SourceFile source) {
        this.source = source;
        this.inf = new Inference(u, source);
    }

    public static Program check(SourceFile source, List<Stmt> statements) {
        return new Checker(source).run(statements);
    }

    private Program run(List<Stmt> statements) {
        declare(statements);
        Set<String> used = usedNames(statements);
        List<String> order = order();
        for (String name : order) defineShape(name);
        List<Stmt> requests = statements.stream()
                .filter(s -> s instanceof Stmt.Derive || s instanceof Stmt.Claim || s instanceof Stmt.Show).toList();
        for (Stmt r : requests) inferRequest(r, used);
        if (problems.isEmpty()) {
            try {
                inf.resolveDeferred();
            } catch (ChainRuleException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);
        return build(order, requests);
    }

    // ---- declarations and definitions

    private void declare(List<Stmt> statements) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.VarDecl d -> {
                    dims.addAll(d.rows().symbols());
                    dims.addAll(d.cols().symbols());
                    for (Ast.Name n : d.names()) {
                        if (declaredAt.containsKey(n.name()) || functions.containsKey(n.name())) {
                            problems.add(problem(ErrorKind.NAME, n.span(), n.name() + " is declared twice: here and at line "
                                    + firstLine(n.name())));
                            continue;
                        }
                        declared.put(n.name(), d);
                        declaredAt.put(n.name(), n);
                        shapes.put(n.name(), new Shape(d.rows(), d.cols()));
                    }
                }
                case Stmt.FunDecl f -> {
                    if (declaredAt.containsKey(f.name().name()) || functions.containsKey(f.name().name())) {
                        problems.add(problem(ErrorKind.NAME, f.name().span(), f.name().name()
                                + " is declared twice: here and at line " + firstLine(f.name().name())));
                    } else {
                        functions.put(f.name().name(), f.kind());
                        declaredAt.put(f.name().name(), f.name());
                    }
                }
                case Stmt.Definition d -> {
                    String name = d.name().name();
                    Stmt.Definition before = definitions.get(name);
                    if (before != null) {
                        problems.add(problem(ErrorKind.NAME, d.name().span(), name + " is defined twice: here and at line "
                                + before.span().line()));
                    } else if (functions.containsKey(name)) {
                        problems.add(problem(ErrorKind.NAME, d.name().span(), name + " is declared a function at line "
                                + declaredAt.get(name).span().line() + "; it cannot also be defined"));
                    } else {
                        definitions.put(name, d);
                    }
                }
                default -> { }
            }
        }
        // a name used as a dimension anywhere is a size symbol, not a value
        for (String name : definitions.keySet()) {
            if (dims.contains(name)) {
                problems.add(problem(ErrorKind.NAME, definitions.get(name).name().span(), name
                        + " is used as a dimension in a declaration; it cannot also be defined"));
            }
        }
        for (String name : declared.keySet()) {
            if (dims.contains(name)) {
                problems.add(problem(ErrorKind.NAME, declaredAt.get(name).span(), name
                        + " is both a declared name and a dimension; rename one of them"));
            }
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);
    }

    private int firstLine(String name) {
        Ast.Name n = declaredAt.get(name);
        return n == null ? 0 : n.span().line();
    }

    /** Definitions ordered so each comes after the ones it uses; a cycle is an error naming its members. */
    private List<String> order() {
        List<String> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (String name : definitions.keySet()) {
            visit(name, state, new ArrayList<>(), out);
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);
        return out;
    }

    private void visit(String name, Map<String, Integer> state, List<String> path, List<String> out) {
        Integer st = state.get(name);
        if (st != null && st == 2) return;
        if (st != null && st == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            Stmt.Definition d = definitions.get(name);
            problems.add(problem(ErrorKind.CYCLE, d.name().span(), "definitions form a cycle: " + String.join(" -> ", cycle)));
            state.put(name, 2);
            return;
        }
        state.put(name, 1);
        path.add(name);
        for (String dep : Names.of(definitions.get(name).body())) {
            if (definitions.containsKey(dep) && !dep.equals(name)) visit(dep, state, path, out);
            else if (dep.equals(name)) {
                problems.add(problem(ErrorKind.CYCLE, definitions.get(name).name().span(),
                        name + " is defined in terms of itself"));
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        out.add(name);
    }

    private void defineShape(String name) {
        Stmt.Definition d = definitions.get(name);
        try {
            Shape s = inf.infer(d.body(), fileScope());
            Shape declaredShape = shapes.get(name);
            if (declaredShape != null && !u.unify(declaredShape, s)) {
                throw inf.error(d.body().span(), name + " is declared " + Inference.show(u.resolve(declaredShape))
                        + " at line " + firstLine(name) + " but its definition is " + Inference.show(u.resolve(s)));
            }
            shapes.put(name, s);
        } catch (ChainRuleException e) {
            problems.addAll(e.problems());
            shapes.put(name, u.freshShape());
        }
    }

    private Set<String> usedNames(List<Stmt> statements) {
        Set<String> used = new HashSet<>(declared.keySet());
        used.addAll(definitions.keySet());
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Definition d -> mentioned.addAll(Names.values(d.body()));
                case Stmt.Show d -> mentioned.addAll(Names.values(d.expr()));
                case Stmt.Claim c -> {
                    mentioned.addAll(Names.values(c.lhs()));
                    c.steps().forEach(x -> mentioned.addAll(Names.values(x)));
                }
                default -> { }
            }
        }
        used.addAll(mentioned);
        for (Stmt s : statements) {
            if (s instanceof Stmt.Derive d) used.addAll(Names.values(d.of()));
        }
        return used;
    }

    private void inferRequest(Stmt r, Set<String> used) {
        try {
            switch (r) {
                case Stmt.Derive d -> {
                    if (d.of() instanceof Ast.Name n) knownName(n, used);
                    inf.infer(d.of(), fileScope());
                    for (Ast.Name w : d.wrt()) variable(w, used);
                }
                case Stmt.Show s -> inf.infer(s.expr(), fileScope());
                default -> { }
            }
        } catch (ChainRuleException e) {
            problems.addAll(e.problems());
        }
    }

    /** derive NAME wrt ...: a NAME the file neither declares, defines nor uses anywhere is a slip. */
    private void knownName(Ast.Name n, Set<String> used) {
        String name = n.name();
        if (declared.containsKey(name) || definitions.containsKey(name) || dims.contains(name)
                || mentioned.contains(name) || functions.containsKey(name)) {
            return;
        }
        throw ChainRuleException.at(ErrorKind.NAME, source, n.span(), "'" + name
                + "' is not declared, defined or used anywhere else in the file, so it has no derivative to take"
                + didYouMean(name, mentionedOrDefined()));
    }

    /** The W of 'derive L wrt W': an input or a definition of the file. */
    private void variable(Ast.Name w, Set<String> used) {
        String name = w.name();
        if (dims.contains(name) && !shapes.containsKey(name)) {
            throw ChainRuleException.at(ErrorKind.NAME, source, w.span(), name
                    + " is a dimension (a size), not a value; a derivative is taken with respect to an input or a definition");
        }
        if (functions.containsKey(name)) {
            throw ChainRuleException.at(ErrorKind.NAME, source, w.span(), name
                    + " is a function; a derivative is taken with respect to an input or a definition");
        }
        if (name.equals("I") && used.contains(name) && !shapes.containsKey(name)) {
            throw ChainRuleException.at(ErrorKind.NAME, source, w.span(), name
                    + " stands for the identity matrix in this file; a derivative is taken with respect to an input or a definition");
        }
        // names met only in claims have no shape: a claim is checked against the file, it adds nothing to it
        if (!shapes.containsKey(name)) {
            throw ChainRuleException.at(ErrorKind.NAME, source, w.span(), "'" + name
                    + "' appears nowhere else in the file, so there is nothing to differentiate with respect to"
                    + didYouMean(name, shapes.keySet()));
        }
    }

    private Set<String> mentionedOrDefined() {
        Set<String> out = new HashSet<>(mentioned);
        out.addAll(declared.keySet());
        out.addAll(definitions.keySet());
        return out;
    }

    private static String didYouMean(String name, Set<String> candidates) {
        Set<String> others = new java.util.TreeSet<>(candidates);
        others.remove(name);
        List<String> near = Functions.near(name, new ArrayList<>(others));
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
    }

    // ---- scopes

    /** The file while inference runs: a name first met is a new input whose shape is inferred. */
    private Scope fileScope() {
        return new Scope() {
            public Meaning lookup(Ast.Name n) {
                String name = n.name();
                Shape s = shapes.get(name);
                if (s != null) return new Meaning.Value(name, s);
                if (dims.contains(name)) return new Meaning.Size(name);
                if (name.equals("I")) return new Meaning.Eye();
                if (functions.containsKey(name)) {
                    throw ChainRuleException.at(ErrorKind.NAME, source, n.span(), name
                            + " is a function; call it as " + name + "(...)");
                }
                Shape fresh = u.freshShape();
                shapes.put(name, fresh);
                inferredAt.put(name, n.span());
                return new Meaning.Value(name, fresh);
            }

            public Stmt.FunKind function(String name) {
                return functions.get(name);
            }

            public boolean isName(String name) {
                // a name used anywhere in the file counts, even before inference has reached its use
                return shapes.containsKey(name) || definitions.containsKey(name) || declared.containsKey(name)
                        || mentioned.contains(name);
            }

            public boolean isDim(String symbol) {
                return dims.contains(symbol);
            }
        };
    }

    // ---- the typed program

    private Program build(List<String> order, List<Stmt> requests) {
        List<String> notes = new ArrayList<>();
        for (var e : inferredAt.entrySet()) {
            Shape s = u.resolve(shapes.get(e.getKey()));
            if (!u.known(s)) {
                boolean nothing = u.blank(s);
                u.defaultToOne(s.rows());
                u.defaultToOne(s.cols());
                notes.add(e.getKey() + (nothing ? ": nothing constrains its shape; taken as a scalar"
                        : ": nothing fixes part of its shape; taken as " + Inference.show(u.resolve(s))));
            }
        }
        // every unknown still open is 1; many names share a dimension, so each distinct one once
        Set<Dim> open = new java.util.LinkedHashSet<>();
        for (Shape s : shapes.values()) {
            open.add(s.rows());
            open.add(s.cols());
        }
        for (Dim d : open) u.defaultToOne(d);
        Map<String, Shape> finals = new LinkedHashMap<>();
        shapes.forEach((k, v) -> finals.put(k, u.resolve(v)));
        for (var e : inferredAt.entrySet()) {
            Shape s = finals.get(e.getKey());
            if (s.rows().isConstant() && s.rows().constant() < 1 || s.cols().isConstant() && s.cols().constant() < 1) {
                problems.add(problem(ErrorKind.SHAPE, e.getValue(), "no shape of " + e.getKey() + " fits its uses:"
                        + " they make it " + Inference.show(s)));
            }
        }
        for (var e : declared.entrySet()) {
            Shape s = finals.get(e.getKey());
            if (e.getValue().properties().contains(Stmt.Property.SYMMETRIC) && s != null && !s.rows().equals(s.cols())) {
                problems.add(problem(ErrorKind.SHAPE, declaredAt.get(e.getKey()).span(), e.getKey()
                        + " is declared symmetric, so it must be square, but it is " + Inference.show(s)));
            }
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);

        Map<String, Program.Input> inputs = new LinkedHashMap<>();
        // inputs in the order they first appear: declared ones, then the inferred
        for (var e : finals.entrySet()) {
            String name = e.getKey();
            if (definitions.containsKey(name)) continue;
            Stmt.VarDecl d = declared.get(name);
            if (d != null) {
                inputs.put(name, new Program.Input(name, e.getValue(), d.properties(), Program.Origin.DECLARED,
                        declaredAt.get(name).span()));
            } else {
                inputs.put(name, new Program.Input(name, e.getValue(), Set.of(),
                        Program.Origin.INFERRED, inferredAt.get(name)));
            }
        }
        // With every shape settled, each expression is typed again from scratch against them: what
        // inference let pass while dimensions were unknown (a product of unknowns, say) is checked
        // here like everything else, so the typed trees are consistent or the user hears why.
        Scope settled = settledScope(finals);
        List<Program.Definition> defs = new ArrayList<>();
        Map<String, Program.Definition> byName = new LinkedHashMap<>();
        for (String name : order) {
            Stmt.Definition d = definitions.get(name);
            try {
                Expr body = typed(d.body(), source, settled, finals::get, finals.get(name), d.name(), unsolved(d.body()), byName);
                Program.Definition pd = new Program.Definition(name, body, d.span());
                defs.add(pd);
                byName.put(name, pd);
            } catch (ChainRuleException e) {
                problems.addAll(e.problems());
            }
        }
        List<Program.Request> reqs = new ArrayList<>();
        for (Stmt r : requests) {
            try {
                switch (r) {
                    case Stmt.Derive d -> {
                        Expr of = typed(d.of(), source, settled, finals::get, null, null, null, byName);
                        if (d.hessian() && !of.shape().isScalar()) {
                            throw ChainRuleException.at(ErrorKind.SHAPE, source, d.of().span(), "derive hessian takes a scalar,"
                                    + " but " + source.slice(d.of().span()).strip() + " is " + Inference.show(of.shape())
                                    + "; for the derivative of its Jacobian write derive d(F)/d(w) wrt w");
                        }
                        reqs.add(new Program.Derive(of, source.slice(d.of().span()).strip(),
                                d.wrt().stream().map(w -> Ex.var(w.name(), finals.get(w.name()))).toList(), d.hessian(), d.span()));
                    }
                    case Stmt.Claim c -> reqs.add(null); // typed below, against the finished program
                    case Stmt.Show s -> reqs.add(new Program.Show(typed(s.expr(), source, settled, finals::get, null, null, null, byName),
                            s.expr(), s.span()));
                    default -> { }
                }
            } catch (ChainRuleException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);
        Set<String> allDims = new java.util.TreeSet<>(dims);
        for (Shape s : finals.values()) {
            allDims.addAll(s.rows().symbols());
            allDims.addAll(s.cols().symbols());
        }
        Program base = new Program(source, inputs, List.copyOf(defs), byName, Map.copyOf(functions), functionsAt(), List.of(),
                allDims, List.copyOf(notes));
        for (int i = 0; i < requests.size(); i++) {
            if (!(requests.get(i) instanceof Stmt.Claim c)) continue;
            try {
                reqs.set(i, claim(base, source, c));
            } catch (ChainRuleException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new ChainRuleException(problems);
        return new Program(source, inputs, List.copyOf(defs), byName, Map.copyOf(functions), functionsAt(), List.copyOf(reqs),
                allDims, List.copyOf(notes));
    }

    private Map<String, Span> functionsAt() {
        Map<String, Span> out = new LinkedHashMap<>();
        for (String f : functions.keySet()) out.put(f, declaredAt.get(f).span());
        return java.util.Collections.unmodifiableMap(out);
    }

    private Problem problem(ErrorKind kind, Span span, String message) {
        return new Problem(kind, source, span, message);
    }

    /** The names of the file with their settled shapes. */
    private Scope settledScope(Map<String, Shape> finals) {
        return new Scope() {
            public Meaning lookup(Ast.Name n) {
                Shape s = finals.get(n.name());
                if (s != null) return new Meaning.Value(n.name(), s);
                if (dims.contains(n.name())) return new Meaning.Size(n.name());
                if (n.name().equals("I")) return new Meaning.Eye();
                throw ChainRuleException.at(ErrorKind.NAME, source, n.span(), "unknown name '" + n.name() + "'");
            }

            public Stmt.FunKind function(String name) {
                return functions.get(name);
            }

            public boolean isName(String name) {
                return finals.containsKey(name);
            }

            public boolean isDim(String symbol) {
                return dims.contains(symbol);
            }
        };
    }

    /**
     * Types an expression whose names all have settled shapes: a fresh inference, then the typed
     * tree. The body of a definition must come out as the shape its name settled on (an I in it is
     * sized by the name's uses elsewhere).
     */
    private static Expr typed(Ast ast, SourceFile source, Scope scope, java.util.function.Function<String, Shape> shapeOf,
                              Shape expected, Ast.Name name, ChainRuleException unsolved,
                              Map<String, Program.Definition> definitions) {
        Inference inf = new Inference(new Unifier(), source);
        Shape s = inf.infer(ast, scope);
        if (expected != null && !inf.u.unify(s, expected)) {
            throw unsolved != null ? unsolved : disagree(source, name, expected, inf.u.resolve(s));
        }
        inf.resolveDeferred();
        inf.settle();
        Expr typed = HessianProducts.rewrite(new Lowering(inf, scope, shapeOf).lower(ast), definitions);
        if (expected != null && !typed.shape().equals(expected)) {
            throw unsolved != null ? unsolved : disagree(source, name, expected, typed.shape());
        }
        return typed;
    }

    /** An equation of dimensions inference left open inside this expression that the settled shapes break, or null. */
    private ChainRuleException unsolved(Ast body) {
        for (Unifier.Pending p : u.allBroken()) {
            if (p.where() instanceof Ast at && at.span().start() >= body.span().start() && at.span().stop() <= body.span().stop()) {
                return inf.unsolvable(at, p);
            }
        }
        return null;
    }

    private static ChainRuleException disagree(SourceFile source, Ast.Name name, Shape file, Shape definition) {
        return ChainRuleException.at(ErrorKind.SHAPE, source, name.span(), name.name() + " works out to "
                + Inference.show(definition) + " by its definition but to " + Inference.show(file) + " by the rest of the file");
    }

    // ---- one expression typed against a finished program (claims, the REPL)

    /** Types an expression in the scope of a checked program; new names are an error. */
    public static Expr expression(Program program, SourceFile source, Ast ast) {
        Scope scope = new Scope() {
            public Meaning lookup(Ast.Name n) {
                Shape s = program.shapeOf(n.name());
                if (s != null) return new Meaning.Value(n.name(), s);
                if (program.dims().contains(n.name())) return new Meaning.Size(n.name());
                if (n.name().equals("I")) return new Meaning.Eye();
                throw ChainRuleException.at(ErrorKind.NAME, source, n.span(), "unknown name '" + n.name() + "'"
                        + suggestion(n.name(), program));
            }

            public Stmt.FunKind function(String name) {
                return program.functions().get(name);
            }

            public boolean isName(String name) {
                return program.has(name);
            }

            public boolean isDim(String symbol) {
                return program.dims().contains(symbol);
            }
        };
        return typed(ast, source, scope, program::shapeOf, null, null, null, program.byName());
    }

    /**
     * A claim typed in the scope of a checked program (a file's own, or one given on the command
     * line or typed in the REPL). A left side that is not a derivative, or an unknown name, is bad
     * input; a step whose shapes do not fit is kept untyped, with its problem.
     */
    public static Program.Claim claim(Program program, SourceFile source, Stmt.Claim c) {
        if (!(c.lhs() instanceof Ast.Derivative || c.lhs() instanceof Ast.Call h && h.name().equals("hessian") && h.primes() == 0)) {
            throw ChainRuleException.at(ErrorKind.SYNTAX, source, c.lhs().span(),
                    "a claim starts with the derivative it is about, as in: claim d(L)/d(W) = ... or claim hessian(L, w) = ...");
        }
        if (!(expression(program, source, c.lhs()) instanceof Expr.Derivative target)) {
            throw ChainRuleException.at(ErrorKind.SYNTAX, source, c.lhs().span(),
                    "a claim starts with the derivative it is about; write d(L)/d(W) where dL is a name of the file");
        }
        List<Program.ClaimStep> steps = new ArrayList<>();
        for (Ast step : c.steps()) {
            try {
                steps.add(new Program.ClaimStep.Typed(expression(program, source, step)));
            } catch (ChainRuleException e) {
                if (e.first().kind() != ErrorKind.SHAPE) throw e;
                steps.add(new Program.ClaimStep.Untyped(e.first()));
            }
        }
        return new Program.Claim(c.text(), target, List.copyOf(steps), source, c.span());
    }

    private static String suggestion(String name, Program p) {
        List<String> all = new ArrayList<>(p.inputs().keySet());
        all.addAll(p.byName().keySet());
        List<String> near = Functions.near(name, all);
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
    }
}
