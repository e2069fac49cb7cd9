package chainrule.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every elementwise function's derivative of order k+1 is the finite difference of its order k, for k = 0..4. */
class BuiltinKernelsTest {
    private static final double[] POINTS = {-1.7, -0.6, 0.35, 0.9, 2.1};

    @TestFactory
    Stream<DynamicTest> everyOrderIsTheDerivativeOfTheOneBefore() {
        List<DynamicTest> out = new ArrayList<>();
        for (Builtin b : Builtin.values()) {
            out.add(DynamicTest.dynamicTest(b.fname(), () -> {
                for (double x : POINTS) {
                    if (!b.inDomain(x) || b.kinked() && Math.abs(x) < 0.1) continue;
                    for (int k = 0; k <= 4; k++) {
                        double h = 1e-5;
                        double fd = (b.at(k, x + h) - b.at(k, x - h)) / (2 * h);
                        double exact = b.at(k + 1, x);
                        assertEquals(exact, fd, 1e-5 * Math.max(1, Math.abs(exact)), b.fname() + " order " + (k + 1) + " at " + x);
                    }
                }
            }));
        }
        return out.stream();
    }
}
