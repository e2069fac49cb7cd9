package chainrule.shape;

import chainrule.parse.Ast;
import java.util.LinkedHashSet;
import java.util.Set;

/** The names an expression mentions (values, derivative variables, and dL of a dL/dW). */
final class Names {
    private Names() {}

    static Set<String> of(Ast a) {
        Set<String> out = new LinkedHashSet<>();
        collect(a, out);
        return out;
    }

    private static void collect(Ast a, Set<String> out) {
        switch (a) {
            case Ast.Name n -> out.add(n.name());
            case Ast.Number n -> { }
            case Ast.Negate n -> collect(n.operand(), out);
            case Ast.Transpose t -> collect(t.operand(), out);
            case Ast.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Ast.Call c -> c.args().forEach(x -> collect(x, out));
            case Ast.Matrix m -> m.rows().forEach(r -> r.forEach(x -> collect(x, out)));
            case Ast.Index i -> collect(i.target(), out);
            case Ast.Derivative d -> {
                collect(d.of(), out);
                collect(d.wrt(), out);
                if (d.asDivision() != null) collect(d.asDivision(), out);
            }
        }
    }
}
