package chainrule;

import chainrule.render.RoundTripPropertyTest;

/**
 * The long run of the two round-trip property tests (not a test): {@code scripts/roundtrip.sh
 * EXPRESSIONS NETWORKS} prints how many random expressions read back to their own value and
 * how many random networks pass (finite differences, and every answer read back), with the
 * time taken; it exits 1 if any failed, printing the first failures.
 */
public final class LongRun {
    private LongRun() {}

    public static void main(String[] args) {
        int expressions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int networks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int failed = 0;
        long t0 = System.nanoTime();
        int bad = 0;
        for (int i = 0; i < expressions; i++) {
            String f = RoundTripPropertyTest.one(i);
            if (f != null && bad++ < 20) System.out.println("expression seed " + i + ": " + f);
        }
        System.out.printf("expressions: %,d printed and read back, %d failed, %.1f s%n", expressions, bad, seconds(t0));
        failed += bad;
        long t1 = System.nanoTime();
        bad = 0;
        for (int i = 0; i < networks; i++) {
            String f = PropertyTest.runOne(PropertyTest.generate(i));
            if (f != null && bad++ < 20) System.out.println("network " + i + ": " + f + "\n" + PropertyTest.generate(i));
        }
        System.out.printf("networks: %,d derived, checked and read back, %d failed, %.1f s%n", networks, bad, seconds(t1));
        failed += bad;
        System.exit(failed == 0 ? 0 : 1);
    }

    private static double seconds(long from) {
        return (System.nanoTime() - from) / 1e9;
    }
}
