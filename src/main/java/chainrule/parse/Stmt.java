package chainrule.parse;

import chainrule.expr.Dim;
import chainrule.source.Span;
import java.util.List;
import java.util.Set;

/** One statement of a problem file or of a REPL line. */
public sealed interface Stmt {

    Span span();

    /** ONEHOT: a one-hot vector, or each column of a matrix; ONEHOT_ROWS: each row; BINARY: entries 0 or 1. */
    enum Property { ONEHOT, ONEHOT_ROWS, SYMMETRIC, POSITIVE, BINARY }

    enum FunKind { SCALAR, ELEMENTWISE }

    record FunDecl(Ast.Name name, FunKind kind, Span span) implements Stmt {}

    record VarDecl(List<Ast.Name> names, Dim rows, Dim cols, Set<Property> properties, Span span) implements Stmt {}

    record Definition(Ast.Name name, Ast body, Span span) implements Stmt {}

    /** {@code derive L wrt W}, or with hessian, {@code derive hessian L wrt w}: the Hessian of L for each w. */
    record Derive(Ast of, List<Ast.Name> wrt, boolean hessian, Span span) implements Stmt {
        public Derive(Ast of, List<Ast.Name> wrt, Span span) {
            this(of, wrt, false, span);
        }
    }

    /** {@code claim d(L)/d(W) = e1 = e2 ...}; text is the claim as written, without the keyword. */
    record Claim(Ast lhs, List<Ast> steps, String text, Span span) implements Stmt {}

    /** A bare expression: shown simplified with its shape. */
    record Show(Ast expr, Span span) implements Stmt {}
}
