package chainrule.build;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Classes for DesugarTest: records of every kind of component and pattern-matching switches of every
 * kind javac writes. The test desugars these class files in memory and compares each result of the
 * copy with this original's, so nothing here is asserted by hand.
 */
final class Samples {
    private Samples() {}

    record Prims(int i, long l, float f, double d, boolean z, char c, byte b, short s) {}
    record Refs(String s, Object o, int[] a, List<Integer> list) {}
    record Empty() {}
    record Pair<A, B>(A first, B second) {}
    record Nested(Pair<String, Integer> pair, Prims prims, Empty empty) {}
    record Wide(long a, double b, long c, double d, String e, int f) {}

    sealed interface Shape permits Circle, Square, Rect, Group {}
    record Circle(double r) implements Shape {}
    record Square(double side) implements Shape {}
    record Rect(double w, double h) implements Shape {}
    record Group(Shape a, Shape b) implements Shape {}

    /** A record whose accessor throws: a record pattern over it ends in a MatchException. */
    record Boom(int x) {
        @Override
        public int x() {
            if (x < 0) throw new IllegalStateException("boom");
            return x;
        }
    }

    interface Local {
        /** A switch in an interface: its method must be an interface's private static method. */
        static String kind(Object o) {
            return switch (o) {
                case Shape s -> "shape";
                case Number n -> "number";
                default -> "other";
            };
        }
    }

    /** Class labels, guards that fail (javac restarts past them), record patterns, null, arrays, enums as types. */
    static String classify(Object o) {
        return switch (o) {
            case null -> "null";
            case Integer i when i > 10 -> "big int";
            case Integer i when i < -10 -> "small int";
            case Integer i -> "int " + i;
            case String s when s.isEmpty() -> "empty string";
            case String s when s.length() > 3 -> "long string";
            case String s -> "string " + s;
            case Circle(double r) when r > 1 -> "big circle";
            case Circle c -> "circle";
            case Group(Circle a, Circle b) -> "two circles";
            case Group(Rect a, Square b) when a.w() > b.side() -> "wide rect and square";
            case Group(Shape a, Group(Shape b, Shape c)) -> "nested group " + classify(b) + " " + classify(c);
            case Group g -> "group";
            case Boom(int x) when x > 5 -> "big boom";
            case Boom(int x) -> "boom " + x;
            case int[] a when a.length == 0 -> "no ints";
            case int[] a -> "ints " + a.length;
            case SampleColor c when c == SampleColor.RED -> "red";
            case SampleColor c -> "color " + c;
            case Shape s -> "shape";
            default -> "other " + o.getClass().getSimpleName();
        };
    }

    /** Exhaustive over a sealed interface, no default: null throws, a throwing accessor throws MatchException. */
    static double area(Shape s) {
        return switch (s) {
            case Circle(double r) -> 3 * r * r;
            case Square(double side) -> side * side;
            case Rect(double w, double h) -> w * h;
            case Group(Shape a, Shape b) -> area(a) + area(b);
        };
    }

    static String boom(Boom b) {
        return switch (b) {
            case Boom(int x) when x == 0 -> "zero";
            case Boom(int x) -> "boom " + x;
        };
    }

    /** An enum constant label in a pattern switch: the one kind the pass leaves to the JDK (counted, not written). */
    static String constants(Object o) {
        return switch (o) {
            case SampleColor c when c == SampleColor.BLUE -> "blue";
            case SampleColor.RED -> "red constant";
            case String s -> "string";
            default -> "other";
        };
    }

    static String strings(String s) {
        return switch (s) {
            case "a" -> "letter a";
            case String t when t.length() > 2 -> "long";
            case String t -> "short";
        };
    }

    static String integers(Integer i) {
        return switch (i) {
            case 1 -> "one";
            case 99 -> "c";
            case Integer j when j > 5 -> "big";
            case Integer j -> "small";
        };
    }

    static String characters(Character c) {
        return switch (c) {
            case 'a' -> "letter a";
            case '\u00e9' -> "e acute";
            case Character d when Character.isLetter(d) -> "letter";
            case Character d -> "other";
        };
    }

    static String kind(Object o) {
        return Local.kind(o);
    }

    // ---- inputs, drawn from small sets so that equal values and NaN, -0.0 and extremes recur ----

    private static final double[] DOUBLES = {0.0, -0.0, 1.5, -2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e300};
    private static final float[] FLOATS = {0f, -0f, 1.5f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MAX_VALUE};
    private static final long[] LONGS = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40};
    private static final int[] INTS = {0, 1, -1, 11, -12, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final String[] STRINGS = {null, "", "ab", "abcd", "x y"};

    /** Objects that compare and hash by identity: the test makes them once for both copies. */
    record Shared(int[] array, int[] empty, Object object) {}

    private static Shared shared(Object[] objects) {
        return new Shared((int[]) objects[0], (int[]) objects[1], objects[2]);
    }

    /** A value drawn by seed; arrays and other objects that compare by identity are the caller's, so both copies share them. */
    static Object draw(long seed, Object[] objects) {
        Shared shared = shared(objects);
        SplittableRandom r = new SplittableRandom(seed);
        return draw(r, 3, shared);
    }

    private static Object draw(SplittableRandom r, int depth, Shared shared) {
        int kind = depth <= 0 ? r.nextInt(4) : r.nextInt(16);
        return switch (kind) {
            case 0 -> prims(r);
            case 1 -> new Empty();
            case 2 -> new Circle(DOUBLES[r.nextInt(DOUBLES.length)]);
            case 3 -> STRINGS[r.nextInt(STRINGS.length)];
            case 4 -> new Refs(STRINGS[r.nextInt(STRINGS.length)],
                    r.nextBoolean() ? shared.object() : draw(r, depth - 1, shared),
                    r.nextBoolean() ? shared.array() : null,
                    r.nextBoolean() ? null : List.of(INTS[r.nextInt(INTS.length)]));
            case 5 -> new Pair<>(draw(r, depth - 1, shared), draw(r, depth - 1, shared));
            case 6 -> new Nested(new Pair<>(STRINGS[r.nextInt(STRINGS.length)], r.nextBoolean() ? null : INTS[r.nextInt(INTS.length)]),
                    r.nextBoolean() ? null : prims(r), r.nextBoolean() ? new Empty() : null);
            case 7 -> new Wide(LONGS[r.nextInt(LONGS.length)], DOUBLES[r.nextInt(DOUBLES.length)], LONGS[r.nextInt(LONGS.length)],
                    DOUBLES[r.nextInt(DOUBLES.length)], STRINGS[r.nextInt(STRINGS.length)], INTS[r.nextInt(INTS.length)]);
            case 8 -> shape(r, depth);
            case 9 -> new Boom(INTS[r.nextInt(INTS.length)] % 8);
            case 10 -> INTS[r.nextInt(INTS.length)];
            case 11 -> SampleColor.values()[r.nextInt(3)];
            case 12 -> r.nextBoolean() ? shared.array() : shared.empty();
            case 13 -> r.nextBoolean() ? null : (Object) LONGS[r.nextInt(LONGS.length)];
            case 14 -> new Group(shape(r, depth - 1), shape(r, depth - 1));
            default -> shared.object();
        };
    }

    private static Prims prims(SplittableRandom r) {
        return new Prims(INTS[r.nextInt(INTS.length)], LONGS[r.nextInt(LONGS.length)], FLOATS[r.nextInt(FLOATS.length)],
                DOUBLES[r.nextInt(DOUBLES.length)], r.nextBoolean(), "a\u00e9\0".charAt(r.nextInt(3)),
                (byte) INTS[r.nextInt(INTS.length)], (short) INTS[r.nextInt(INTS.length)]);
    }

    static Shape shape(SplittableRandom r, int depth) {
        int kind = depth <= 0 ? r.nextInt(3) : r.nextInt(4);
        return switch (kind) {
            case 0 -> new Circle(DOUBLES[r.nextInt(DOUBLES.length)]);
            case 1 -> new Square(DOUBLES[r.nextInt(DOUBLES.length)]);
            case 2 -> new Rect(DOUBLES[r.nextInt(DOUBLES.length)], DOUBLES[r.nextInt(DOUBLES.length)]);
            default -> new Group(shape(r, depth - 1), shape(r, depth - 1));
        };
    }

    /**
     * Everything observable about a list of values, as text: each one's hashCode, toString and the
     * branches of every switch (or the exception one throws), and equals between every two.
     */
    static List<String> observe(List<Object> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(attempt(() -> String.valueOf(v == null ? 0 : v.hashCode())));
            out.add(attempt(() -> String.valueOf(v)));
            out.add(attempt(() -> classify(v)));
            out.add(attempt(() -> constants(v)));
            out.add(attempt(() -> kind(v)));
            if (v instanceof Shape s) out.add(attempt(() -> String.valueOf(area(s))));
            if (v instanceof Boom b) out.add(attempt(() -> boom(b)));
            if (v instanceof String s) out.add(attempt(() -> strings(s)));
            if (v instanceof Integer i) out.add(attempt(() -> integers(i)));
            if (v instanceof Prims p) out.add(attempt(() -> characters(p.c()) + integers((int) p.c()) + integers(p.i())));
            if (v != null) out.add(attempt(() -> String.valueOf(v.equals(v)) + v.equals(null) + v.equals("x")));
            for (Object w : values) {
                if (v != null) out.add(attempt(() -> String.valueOf(v.equals(w))));
            }
        }
        out.add(attempt(() -> String.valueOf(area(null))));
        out.add(attempt(() -> boom(null)));
        out.add(attempt(() -> strings(null)));
        out.add(attempt(() -> integers(null)));
        out.add(attempt(() -> characters(null)));
        for (int i = -2; i < 128; i++) {
            int k = i;
            out.add(attempt(() -> characters((char) k) + integers(k)));
        }
        return out;
    }

    private static String attempt(java.util.function.Supplier<String> f) {
        try {
            return f.get();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            return e.getClass().getName() + (cause == null ? "" : " caused by " + cause.getClass().getName() + ": " + cause.getMessage());
        }
    }
}
