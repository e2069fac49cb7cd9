package chainrule.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.eval.Evaluator;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.expr.Expr;
import chainrule.parse.Parse;
import chainrule.render.Text;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test a simplifier rule: applied to one node it fires and gives the expected text, it keeps
 * the value at random points (random sizes for the symbols too), and it does not fire on a node
 * that looks alike but must be left alone.
 */
class RulesTest {
    private static final String DECLS = """
            A, B, C : k x k
            S : k x k symmetric
            M : k x m
            X : m x k
            x, y, v : k
            u : m
            r : 1 x k
            s, t : scalar
            Y : k x m onehot
            """;

    /** rule, extra statements (names for the naming rules), the node it fires on, what it makes, a node it leaves alone. */
    record Case(String rule, String extra, String fires, String expected, String stays) {}

    static final List<Case> CASES = List.of(
            new Case("transpose of a product", "", "(A*B)'", "B'*A'", "(A + B)'"),
            new Case("transpose of elementwise", "", "(A .* B)'", "A' .* B'", "(A*B)'"),
            new Case("symmetric is its own transpose", "", "(inv(S) + 2*S)'", "inv(S) + 2*S", "(inv(S) + A)'"),
            new Case("symmetric is its own transpose", "", "(A + A')'", "A + A'", "(A + A + A')'"),
            new Case("a slice of a product is a product with a slice", "", "(M*X)[2:end, :]", "M[2:end, :]*X", "A[2:end, :]"),
            new Case("scalar factors gathered", "", "2*(s / 2*A)", "s*A", "s*A"),
            new Case("scalar factors gathered", "", "(2*s)^2 / s", "4*s", "s^2 / t"),
            new Case("division by a broadcast scalar is a scaling", "", "x ./ (zeros(k, 1) + s)", "x / s", "x ./ y"),
            new Case("a power of a broadcast is broadcast", "", "(zeros(k, 1) + s) .^ 2", "s^2*ones(k, 1)", "x .^ 2"),
            new Case("scalars come out of matrix products", "", "A*(s*B)", "s*A*B", "A*B"),
            new Case("elementwise products associate to the left", "", "A .* (B .* C)", "A .* B .* C", "A .* B .* C"),
            new Case("x .* x is x.^2", "", "x .* x", "x.^2", "x .* y"),
            new Case("a .* b.^-1 is a ./ b", "", "x .* y .^ -2", "x ./ y.^2", "x .* y .^ 2"),
            new Case("x.^-1 is 1 ./ x", "", "x .^ -1", "1 ./ x", "x .^ 2"),
            new Case("diag(v)*w is v .* w", "", "diag(v)*x", "v .* x", "diag(v)*A"),
            new Case("diag(v)*ones is v", "", "diag(v)*ones(k, m)", "v*ones(1, m)", "diag(v)*M"),
            new Case("ones(1, n)*X is sum(X, 1)", "", "ones(1, k)*M", "sum(M, 1)", "ones(m, k)*M"),
            new Case("diag of a broadcast scalar is a scaled identity", "", "diag(zeros(k, 1) + s)", "s*eye(k)", "diag(v)"),
            new Case("a negated sum inside a sum is one sum", "", "A - (B + C)", "A - B - C", "A - B*C"),
            new Case("like terms", "", "A + B + 3*A", "4*A + B", "A + B"),
            new Case("common number", "", "0.25*x - 0.25*y", "(x - y) / 4", "2*x + 2*y"),
            new Case("common factor", "", "A*B + A*C", "A*(B + C)", "A*B + C*A"),
            new Case("common elementwise factor", "", "x .* v - y .* v", "(x - y) .* v", "x .* v - y"),
            new Case("common scalar factor", "", "(1 / s)*x - (t / (s*t^2))*y", "(x - y / t) / s", "(1 / s)*x - (1 / t)*y"),
            new Case("a sum of negatives is a negated sum", "", "-A - B", "-(A + B)", "A - B"),
            new Case("positive terms first", "", "-A + B", "B - A", "B - A"),
            new Case("a sum of matching concatenations is a concatenation of sums", "",
                    "[x; zeros(m, 1)] + [zeros(k, 1); u]", "[x; u]", "[x; u] + [u; x]"),
            new Case("inv(A)*A is the identity", "", "B*inv(A)*A", "B", "B*inv(A)*C"),
            new Case("A'*inv(A*X)' is inv(X)'", "", "A'*inv(A*B)'", "inv(B)'", "C'*inv(A*B)'"),
            new Case("A*kron(r, I) is kron(r, A)", "", "M*kron(r, eye(m))", "kron(r, M)", "X*kron(r, A)"),
            new Case("kron(A, B)*kron(C, D) is kron(A*C, B*D)", "", "kron(A, B)*kron(C, A)", "kron(A*C, B*A)", "kron(A, B)*vec(A*B)"),
            new Case("kron(B', A)*vec(X) is vec(A*X*B)", "", "kron(x', A)*vec(B)", "A*B*x", "kron(A, B)*kron(C, A)"),
            new Case("kron(c, I)*A is kron(c, A)", "", "kron(u, eye(k))*A", "kron(u, A)", "kron(eye(k), u)*A"),
            new Case("diag(a)*diag(b) is diag(a .* b)", "", "diag(x)*diag(y)", "diag(x .* y)", "diag(x)*A"),
            new Case("a factor constant along a sum comes out", "", "sum(x .* M ./ v, 2)", "sum(x .* M, 2) ./ v", "sum(M ./ v, 1)"),
            new Case("a common divisor once", "", "A ./ x - 2*B ./ x.^2", "(A - 2*B ./ x) ./ x", "A ./ x - B ./ y"),
            new Case("1 ./ b .* a is a ./ b", "", "1 ./ (1 + x.^2) .* y", "y ./ (1 + x.^2)", "2 ./ (1 + x.^2) .* y"),
            new Case("multiply out where terms cancel", "", "(x ./ y - v) .* y", "x - v .* y", "(x - v) .* y"),
            new Case("a one-hot vector sums to 1", "", "sum(Y, 1)", "ones(1, m)", "sum(Y, 2)"),
            new Case("a softmax sums to 1", "p = softmax(x)", "sum(p)", "1", "sum(x)"),
            new Case("centred data sums to 0", "Xc = M - mean(M, 2)", "sum(Xc, 2)", "zeros(k, 1)", "sum(Xc, 1)"),
            new Case("a sum splits where a part's sum is known", "p = softmax(x)", "sum(p - y)", "sum(p) - sum(y)", "sum(x - y)"),
            new Case("exp(x) / sum(exp(x)) is softmax(x)", "", "exp(x)*(1 / sum(exp(x)))", "softmax(x)", "exp(x)*(1 / sum(exp(y)))"),
            new Case("sum(eye(n) .* A) is tr(A)", "", "sum(eye(k) .* A)", "tr(A)", "sum(ones(k, k) .* A)"),
            new Case("exp(u) ./ (1 + exp(u)) is sigmoid(u)", "", "exp(-x) ./ (1 + exp(-x))", "sigmoid(-x)", "exp(-x) ./ (1 + exp(x))"),
            new Case("derivative through the activation's value", "h = sigmoid(x)", "sigmoid'(x)", "h .* (1 - h)", "sigmoid'(y)"),
            new Case("a power of a named root", "sigma = sqrt(s + 1e-5)", "(s + 1e-5)^-0.5", "sigma^-1", "(s + 1e-3)^-0.5"),
            new Case("a named product inside a product", "w = inv(A)*M*u", "inv(A)*inv(A)*M*u", "inv(A)*w", "inv(A)*M*X*x"),
            new Case("a named quotient", "f = x / norm(x)", "(1 / norm(x)^2)*(x*x')", "f*f'", "(1 / norm(x))*(x*x')"),
            new Case("a named elementwise quotient", "Q = M ./ v", "M .* M ./ v.^3", "Q.^2 ./ v", "M .* M ./ x.^3"),
            new Case("a named elementwise quotient", "Q = M ./ v", "Q .* M ./ v", "Q.^2", "Q .* M ./ x"),
            new Case("what clipping cut off, where the clip is not flat", "c = clip(x, -1, 2)", "(x - c) .* relu'(x - 2)",
                    "relu(x - 2)", "(x - c) .* relu'(x - 3)"),
            new Case("name of a definition", "z = A*x + y", "A*x + y", "z", "A*x + v"));

    private static Program program(String text) {
        SourceFile src = new SourceFile("rules.nn", text);
        return Checker.check(src, Parse.file(src));
    }

    private static Expr body(Program p, String name) {
        return p.byName().get(name).body();
    }

    @TestFactory
    Stream<DynamicTest> eachRule() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.rule() + ": " + c.fires(), () -> check(c)));
    }

    private static void check(Case c) {
        String decls = DECLS + c.extra() + "\n";
        Program rulesProgram = program(decls);
        Program full = program(decls + "fires__ = " + c.fires() + "\nstays__ = " + c.stays() + "\n");
        List<Rule> catalogue = Catalogue.all(rulesProgram);
        Expr fires = body(full, "fires__"), stays = body(full, "stays__");
        Optional<Expr> out = apply(catalogue, c.rule(), fires);
        assertTrue(out.isPresent() && !out.get().equals(fires), c.rule() + " did not fire on " + fires);
        Text text = new Text(false, new HashSet<>(full.byName().keySet()));
        assertEquals(c.expected().replace(" ", ""), text.render(out.get()).replace(" ", ""), c.rule());
        assertEquals(fires.shape(), out.get().shape());
        for (long seed = 1; seed <= 3; seed++) sameValue(full, fires, out.get(), seed);
        Optional<Expr> none = apply(catalogue, c.rule(), stays);
        assertTrue(none.isEmpty() || none.get().equals(stays), c.rule() + " fired on " + stays + ": " + none);
    }

    private static Optional<Expr> apply(List<Rule> catalogue, String name, Expr e) {
        Optional<Expr> out = Optional.empty();
        for (Rule r : catalogue) {
            if (r.name().equals(name) && r.kind().isInstance(e)) out = r.apply(e);
            if (out.isPresent()) return out;
        }
        return out;
    }

    private static void sameValue(Program p, Expr before, Expr after, long seed) {
        Sampler sampler = new Sampler(p, seed);
        Point point = sampler.draw();
        Map<String, RealMatrix> values = sampler.evaluateDefinitions(point);
        Evaluator ev = new Evaluator(point.sizes(), values, null);
        RealMatrix a = ev.eval(before), b = ev.eval(after);
        assertEquals(a.getRowDimension(), b.getRowDimension());
        assertEquals(a.getColumnDimension(), b.getColumnDimension());
        double scale = Math.max(1, a.getNorm());
        assertTrue(a.subtract(b).getNorm() <= 1e-9 * scale, "value changed: " + a + " vs " + b);
    }

    @Test
    void everyRuleHasItsTest() {
        Program p = program(DECLS + "p = softmax(x)\nh = sigmoid(x)\nw = inv(A)*M*u\n");
        Set<String> tested = new HashSet<>();
        CASES.forEach(c -> tested.add(c.rule()));
        Set<String> untested = new TreeSet<>(new Simplifier(p).ruleNames());
        untested.removeAll(tested);
        assertEquals(Set.of(), untested);
    }
}
