package chainrule.simplify;

import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rule, in the order the engine tries them on a node: transposes to the leaves, then the
 * canonical form of products and sums, then the recognitions (known sums, inverses, Kronecker
 * products, the user's names) on that form.
 */
final class Catalogue {
    private Catalogue() {}

    static List<Rule> all(Program p) {
        List<Rule> canonical = canonical(p);
        Simplifier base = new Simplifier(canonical);
        List<Rule> out = new ArrayList<>(canonical);
        out.addAll(NamingRules.all(p, base::simplify));
        return out;
    }

    /** The rules that do not use the user's names. */
    static List<Rule> canonical(Program p) {
        List<Rule> out = new ArrayList<>();
        out.addAll(TransposeRules.all(p));
        out.addAll(ScalarRules.all());
        out.addAll(ProductRules.all());
        out.addAll(SumRules.all());
        out.addAll(ElementwiseRules.all());
        out.addAll(InverseRules.all());
        out.addAll(KronRules.all());
        out.addAll(ExpandRules.all());
        out.addAll(PropertyRules.all(p));
        out.addAll(RecognitionRules.all());
        return out;
    }
}
