package chainrule.shape;

import chainrule.parse.Ast;
import java.util.LinkedHashSet;
import java.util.Set;

/** The names an expression mentions. */
final class Names {
    private static final Set<String> SIZED = Set.of("eye", "ones", "zeros");

    private Names() {}

    /** Values and derivative variables, and the dL and dW of a dL/dW too (it reads as a division where they are names). */
    static Set<String> of(Ast a) {
        Set<String> out = new LinkedHashSet<>();
        collect(a, out, true);
        return out;
    }

    /**
     * The names used as values: not the dL of a dL/dW (where dL is no name, that is a derivative),
     * nor the W of d(L)/d(W), nor the n of eye(n).
     */
    static Set<String> values(Ast a) {
        Set<String> out = new LinkedHashSet<>();
        collect(a, out, false);
        return out;
    }

    private static void collect(Ast a, Set<String> out, boolean divisions) {
        switch (a) {
            case Ast.Name n -> out.add(n.name());
            case Ast.Number n -> { }
            case Ast.Negate n -> collect(n.operand(), out, divisions);
            case Ast.Transpose t -> collect(t.operand(), out, divisions);
            case Ast.Binary b -> {
                collect(b.left(), out, divisions);
                collect(b.right(), out, divisions);
            }
            case Ast.Call c -> {
                // the sizes of eye(n), ones(m, n), zeros(m, n) are dimensions, not values
                if (divisions || !SIZED.contains(c.name())) c.args().forEach(x -> collect(x, out, divisions));
            }
            case Ast.Matrix m -> m.rows().forEach(r -> r.forEach(x -> collect(x, out, divisions)));
            case Ast.Index i -> collect(i.target(), out, divisions);
            case Ast.Derivative d -> {
                collect(d.of(), out, divisions);
                if (divisions) collect(d.wrt(), out, true); // a variable to differentiate by is no use of it
                if (divisions && d.asDivision() != null) collect(d.asDivision(), out, true);
            }
        }
    }
}
