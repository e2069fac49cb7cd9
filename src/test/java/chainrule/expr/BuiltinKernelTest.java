package chainrule.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every elementwise function's kernel: the value of order k + 1 is the derivative of order k,
 * checked by finite differences for k = 0 to 3, at points inside the domain and away from kinks.
 */
class BuiltinKernelTest {
    private static final double[] POINTS = {-2.3, -0.7, 0.4, 1.1, 2.9};
    private static final double H = 1e-4;

    @TestFactory
    Stream<DynamicTest> everyOrderIsTheDerivativeOfTheOneBelow() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Builtin b : Builtin.values()) {
            for (int order = 0; order <= 3; order++) {
                int k = order;
                tests.add(DynamicTest.dynamicTest(b.fname() + " order " + k, () -> {
                    for (double x : POINTS) {
                        if (!b.inDomain(x - 2 * H) || !b.inDomain(x + 2 * H)) continue;
                        double fd = (b.at(k, x - 2 * H) - 8 * b.at(k, x - H) + 8 * b.at(k, x + H) - b.at(k, x + 2 * H)) / (12 * H);
                        double exact = b.at(k + 1, x);
                        assertEquals(fd, exact, 1e-6 * Math.max(1, Math.abs(fd)), b.fname() + " order " + (k + 1) + " at " + x);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> orderZeroIsTheFunction() {
        return Stream.of(
                check(Builtin.SIGMOID, 0.3, 1 / (1 + Math.exp(-0.3))),
                check(Builtin.TANH, 0.3, Math.tanh(0.3)),
                check(Builtin.SOFTPLUS, 0.3, Math.log(1 + Math.exp(0.3))),
                check(Builtin.LOG, 2.0, Math.log(2)),
                check(Builtin.SQRT, 2.0, Math.sqrt(2)),
                check(Builtin.RELU, -0.5, 0),
                check(Builtin.ABS, -0.5, 0.5),
                check(Builtin.SQUARE, -0.5, 0.25),
                check(Builtin.STEP, 0.5, 1),
                check(Builtin.SIGN, -0.5, -1),
                check(Builtin.EXP, 1.0, Math.E),
                check(Builtin.SIN, 1.0, Math.sin(1)),
                check(Builtin.COS, 1.0, Math.cos(1)));
    }

    private static DynamicTest check(Builtin b, double x, double value) {
        return DynamicTest.dynamicTest(b.fname() + "(" + x + ")", () -> assertEquals(value, b.at(0, x), 1e-12));
    }
}
