package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.app.Engine;
import chainrule.eval.Point;
import chainrule.expr.Expr;
import chainrule.parse.Parse;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random well-typed expressions of every node kind ({@link RandomExpressions}) are printed,
 * read back as a claim's step is read, typed, and evaluated at random sizes (1 among them):
 * the shape and the value must be the same. 2,000 expressions (seeds 0..1999) in CI; the long
 * run sets the count: {@code scripts/roundtrip.sh 100000} (system property chainrule.roundtrip).
 */
public class RoundTripPropertyTest {
    static final int COUNT = Integer.getInteger("chainrule.roundtrip", 2000);
    static final int GROUPS = 20;

    static final Program PROGRAM = load();
    static final Engine ENGINE = new Engine(PROGRAM);
    static final Function<Expr.Derivative, Expr> EXPAND = ENGINE.expander(List.of());

    private static Program load() {
        SourceFile src = new SourceFile("random.nn", RandomExpressions.PROGRAM);
        return Checker.check(src, Parse.file(src));
    }

    @TestFactory
    Stream<DynamicTest> printedExpressionsReadBackToTheSameValue() {
        int per = (COUNT + GROUPS - 1) / GROUPS;
        return IntStream.range(0, GROUPS).mapToObj(g -> {
            int from = g * per, to = Math.min(COUNT, from + per);
            return DynamicTest.dynamicTest("expressions " + from + ".." + (to - 1), () -> {
                List<String> failures = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    String f = one(i);
                    if (f != null) failures.add("seed " + i + ": " + f);
                }
                assertTrue(failures.isEmpty(), failures.size() + " of " + (to - from) + " expressions do not read back:\n"
                        + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
            });
        });
    }

    /** Null when expression number i reads back to its own value; otherwise what differs. */
    public static String one(int i) {
        Random r = new Random(i);
        Expr e = new RandomExpressions(PROGRAM, r).any(1 + r.nextInt(4));
        List<RoundTrip.At> points = new ArrayList<>();
        for (int k = 0; k < 3; k++) points.add(point(r, k == 0));
        try {
            return RoundTrip.check(PROGRAM, ENGINE.text(false), e, EXPAND, points);
        } catch (RuntimeException | StackOverflowError x) {
            return ENGINE.text(false).render(e) + "\n    threw " + x;
        }
    }

    /** Sizes from 1 to 3 (all 1 where ones is set) and values in [-1.5, 1.5]; square matrices near 2I. */
    static RoundTrip.At point(Random r, boolean ones) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String d : PROGRAM.dims()) sizes.put(d, ones ? 1L : 1L + r.nextInt(3));
        Map<String, RealMatrix> values = new LinkedHashMap<>();
        for (Program.Input in : PROGRAM.inputs().values()) {
            int rows = Math.toIntExact(in.shape().rows().evaluate(sizes)), cols = Math.toIntExact(in.shape().cols().evaluate(sizes));
            RealMatrix m = new Array2DRowRealMatrix(rows, cols);
            boolean positive = !in.properties().isEmpty();
            for (int a = 0; a < rows; a++) {
                for (int b = 0; b < cols; b++) {
                    double x = positive ? 0.5 + r.nextDouble() : 3 * r.nextDouble() - 1.5;
                    m.setEntry(a, b, rows == cols && rows > 1 ? (a == b ? 2 : 0) + 0.3 * x : x);
                }
            }
            values.put(in.name(), m);
        }
        return RoundTrip.at(PROGRAM, new Point(sizes, values), EXPAND);
    }

    /** Prints the given seeds' expressions, their text and what reading them back gives (for reproducing a failure). */
    public static void main(String[] args) {
        for (String a : args) {
            int i = Integer.parseInt(a);
            Random r = new Random(i);
            Expr e = new RandomExpressions(PROGRAM, r).any(1 + r.nextInt(4));
            System.out.println("# seed " + a + "\n" + e + "\n" + ENGINE.text(false).render(e) + "\n=> " + one(i) + "\n");
        }
    }
}
