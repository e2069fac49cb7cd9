package chainrule.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import chainrule.parse.Parse;
import chainrule.source.ChainRuleException;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random programs, well-formed and not, through the parse and shape stages: each is accepted or
 * rejected with messages that render; nothing else may escape (an exception that is not
 * ChainRuleException is an internal fault). Fixed seeds, so a failure repeats.
 */
class FrontEndFuzzTest {
    private static final String[] NAMES = {"x", "y", "W", "b", "A", "v", "c", "q", "I", "n", "r", "S", "z1"};
    private static final String[] UNARY = {"relu", "sigmoid", "exp", "softmax", "log_softmax", "logsumexp", "sum", "mean",
        "norm", "tr", "det", "logdet", "inv", "diag", "vec", "g", "h", "g'", "relu'"};
    private static final String[] BINARY = {"kron", "dot", "sum", "mean", "ones", "zeros"};
    private static final String[] OPS = {"+", "-", "*", "/", ".*", "./", "\u00B7", "\u2299"};
    private static final String[] DECLS = {"x : 3\n", "W : 3 x 3\n", "A : n x m\n", "b : 3\n", "v : 1 x 3\n",
        "S : n x n symmetric\n", "fun g : scalar\n", "fun h : elementwise\n", "c : scalar\n", "r : k\n"};
    private static final String[] TOKENS = {"x", "y", "W", "A", "n", "end", "d", "dL", "dW", "\u2202", "3", "1", "0", "1.5",
        "+", "-", "*", "/", ".*", "^", ".^", "'", "\u1D40", "(", ")", "[", "]", ",", ";", ":", "=", "\n", "\u00D7",
        "relu", "sum", "kron", "eye", "fun", "derive", "wrt", "claim", "scalar", "onehot", "#", "$"};

    private final Random random = new Random(7);

    private String expr(int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            int k = random.nextInt(10);
            if (k < 6) return pick(NAMES);
            if (k < 8) return String.valueOf(random.nextInt(4));
            if (k == 8) return "eye(" + (random.nextBoolean() ? "n" : "3") + ")";
            return "d(" + expr(0) + ")/d(" + pick(NAMES) + ")";
        }
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> expr(depth - 1) + " " + pick(OPS) + " " + expr(depth - 1);
            case 3 -> pick(UNARY) + "(" + expr(depth - 1) + ")";
            case 4 -> pick(BINARY) + "(" + expr(depth - 1) + ", "
                    + (random.nextBoolean() ? expr(depth - 1) : String.valueOf(1 + random.nextInt(2))) + ")";
            case 5 -> "(" + expr(depth - 1) + ")'";
            case 6 -> "[" + expr(depth - 1) + (random.nextBoolean() ? "; " : ", ") + expr(depth - 1) + "]";
            case 7 -> pick(NAMES) + "[" + (random.nextBoolean() ? "2:end" : String.valueOf(1 + random.nextInt(3)))
                    + (random.nextBoolean() ? ", :" : "") + "]";
            case 8 -> "-" + expr(depth - 1);
            default -> "(" + expr(depth - 1) + ")" + (random.nextBoolean() ? " ^ 2" : " .^ 3");
        };
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private String program() {
        StringBuilder out = new StringBuilder();
        for (String d : DECLS) if (random.nextBoolean()) out.append(d);
        int definitions = 1 + random.nextInt(3);
        for (int k = 0; k < definitions; k++) out.append(k == 0 ? "y" : "z" + k).append(" = ").append(expr(3)).append('\n');
        if (random.nextBoolean()) out.append("derive y wrt x\n");
        if (random.nextBoolean()) out.append("claim d(y)/d(x) = ").append(expr(2)).append('\n');
        return out.toString();
    }

    private String soup() {
        StringBuilder out = new StringBuilder();
        for (String d : DECLS) if (random.nextInt(4) == 0) out.append(d);
        out.append(pick(new String[] {"z = ", "derive ", "claim ", "", "q : "}));
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) out.append(pick(TOKENS)).append(random.nextInt(3) == 0 ? "" : " ");
        return out.toString();
    }

    /** Null when the text is accepted or cleanly rejected; otherwise what escaped. */
    private static String run(String text) {
        SourceFile source = new SourceFile("f.nn", text);
        try {
            Program p = Checker.check(source, Parse.file(source));
            for (Program.Request r : p.requests()) {
                if (!(r instanceof Program.Claim c)) continue;
                for (var step : c.steps()) {
                    if (step instanceof Program.ClaimStep.Untyped u) u.problem().render();
                }
            }
            return null;
        } catch (ChainRuleException e) {
            e.problems().forEach(Problem::render);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return text + "\n  " + e;
        }
    }

    private void fuzz(java.util.function.Supplier<String> generator, int count) {
        List<String> escaped = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < count; i++) {
                String failure = run(generator.get());
                if (failure != null) escaped.add(failure);
            }
        });
        assertEquals(List.of(), escaped.subList(0, Math.min(5, escaped.size())), escaped.size() + " escaped");
    }

    @Test
    void wellFormedProgramsAreTypedOrRejected() {
        fuzz(this::program, 1000);
    }

    @Test
    void tokenSoupIsParsedOrRejected() {
        fuzz(this::soup, 1000);
    }
}
