package chainrule.shape;

import chainrule.expr.Shape;
import chainrule.parse.Ast;
import chainrule.parse.Stmt;

/** What a name in an expression refers to, as inference and lowering see it. */
interface Scope {

    sealed interface Meaning {
        record Value(String name, Shape shape) implements Meaning {}

        record Size(String symbol) implements Meaning {}

        /** I, an identity sized by its context. */
        record Eye() implements Meaning {}
    }

    /** The meaning of a name used as a value; may create an inferred input where the scope allows. */
    Meaning lookup(Ast.Name name);

    /** The kind of a user's opaque function, or null. */
    Stmt.FunKind function(String name);

    /** Whether the file has this name as an input or a definition. */
    boolean isName(String name);

    boolean isDim(String symbol);
}
