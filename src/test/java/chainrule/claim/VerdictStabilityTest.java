package chainrule.claim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.TestCases;
import chainrule.app.Engine;
import chainrule.shape.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** A claim gets one verdict whatever the seed: every claim of test-cases/, under --seed 1..20. */
class VerdictStabilityTest {
    static final int SEEDS = 20;

    @TestFactory
    Stream<DynamicTest> everyClaimGetsOneVerdictOverTwentySeeds() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path problem : TestCases.problems()) {
            Program p = TestCases.load(problem);
            if (p.requests().stream().noneMatch(r -> r instanceof Program.Claim)) continue;
            tests.add(DynamicTest.dynamicTest(TestCases.ROOT.relativize(problem).toString(), () -> sameVerdict(p)));
        }
        return tests.stream();
    }

    private static void sameVerdict(Program p) {
        Engine engine = new Engine(p);
        // line -> verdict -> the seeds that gave it
        Map<Integer, Map<Verdict, List<Long>>> verdicts = new TreeMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            for (Program.Request r : p.requests()) {
                if (!(r instanceof Program.Claim c)) continue;
                ClaimResult res = engine.check(c, seed);
                verdicts.computeIfAbsent(res.line(), k -> new TreeMap<>())
                        .computeIfAbsent(res.verdict(), k -> new ArrayList<>()).add(seed);
            }
        }
        List<String> flips = new ArrayList<>();
        verdicts.forEach((line, byVerdict) -> {
            if (byVerdict.size() > 1) flips.add("line " + line + ": " + byVerdict);
        });
        assertTrue(flips.isEmpty(), p.source().name() + ": verdicts differ by seed: " + String.join("; ", flips));
    }
}
