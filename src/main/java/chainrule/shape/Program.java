package chainrule.shape;

import chainrule.expr.Expr;
import chainrule.expr.Shape;
import chainrule.parse.Ast;
import chainrule.parse.Stmt;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shape-checked problem: its inputs, its definitions in an order where each comes after
 * what it uses, its opaque functions and its requests, all typed.
 */
public record Program(
        SourceFile source,
        Map<String, Input> inputs,
        List<Definition> definitions,
        Map<String, Definition> byName,
        Map<String, Stmt.FunKind> functions,
        // where each function is declared: its name in the fun statement
        Map<String, Span> functionsAt,
        List<Request> requests,
        Set<String> dims,
        List<String> notes) {

    public enum Origin { DECLARED, INFERRED }

    public record Input(String name, Shape shape, Set<Stmt.Property> properties, Origin origin, Span span) {}

    public record Definition(String name, Expr body, Span span) {
        public Shape shape() {
            return body.shape();
        }

        public Expr.Var var() {
            return new Expr.Var(name, body.shape());
        }
    }

    public sealed interface Request {
        Span span();
    }

    /** derive OF wrt W1, W2 (with hessian: derive hessian OF wrt w): {@code ofText} is how the user wrote OF. */
    public record Derive(Expr of, String ofText, List<Expr.Var> wrt, boolean hessian, Span span) implements Request {
        public Derive(Expr of, String ofText, List<Expr.Var> wrt, Span span) {
            this(of, ofText, wrt, false, span);
        }
    }

    /**
     * A claim, typed here once: the derivative it is about and each step of its chain. A step
     * that does not type-check keeps its problem, since for a claim that is a verdict
     * (shape-error), not bad input. {@code text} is the claim as written, without the keyword;
     * {@code source} is where it is written (the file, or a claim given on its own).
     */
    public record Claim(String text, Expr.Derivative target, List<ClaimStep> steps, SourceFile source, Span span) implements Request {}

    public sealed interface ClaimStep {
        record Typed(Expr expr) implements ClaimStep {}

        record Untyped(Problem problem) implements ClaimStep {}
    }

    public record Show(Expr expr, Ast ast, Span span) implements Request {}

    public Shape shapeOf(String name) {
        Input in = inputs.get(name);
        if (in != null) return in.shape();
        Definition d = byName.get(name);
        return d == null ? null : d.shape();
    }

    public boolean has(String name) {
        return inputs.containsKey(name) || byName.containsKey(name);
    }

    public boolean hasProperty(String name, Stmt.Property p) {
        Input in = inputs.get(name);
        return in != null && in.properties().contains(p);
    }
}
