package chainrule;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.diff.Step;
import chainrule.eval.CheckResult;
import chainrule.eval.Sampler;
import chainrule.render.RoundTrip;
import chainrule.render.Text;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test: 1,000 random well-typed networks (fixed seeds 0..999), each loaded, derived with
 * respect to all of its parameters, every answer checked against finite differences, and every
 * answer and step printed and read back to the same shape and value (SPEC §2). The long run
 * sets the count: {@code scripts/roundtrip.sh 100000 10000} (system property chainrule.networks).
 */
class PropertyTest {
    static final int NETWORKS = Integer.getInteger("chainrule.networks", 1000);
    static final int GROUPS = 20;

    @TestFactory
    Stream<DynamicTest> randomNetworksAgreeWithFiniteDifferences() {
        int per = (NETWORKS + GROUPS - 1) / GROUPS;
        return IntStream.range(0, GROUPS).mapToObj(g -> {
            int from = g * per, to = Math.min(NETWORKS, from + per);
            return DynamicTest.dynamicTest("networks " + from + ".." + (to - 1), () -> runGroup(from, to));
        });
    }

    private static void runGroup(int from, int to) {
        List<String> failures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String src = generate(i);
            String f = runOne(src);
            if (f != null) failures.add("network " + i + ": " + f + "\n" + src);
        }
        assertTrue(failures.isEmpty(),
                failures.size() + " of " + (to - from) + " networks failed:\n" + String.join("\n----\n", failures));
    }

    /** The generated source of network {@code i}. */
    static String generate(int i) {
        return new Gen(new Random(i)).network();
    }

    /** Null when every answer passes; otherwise what went wrong. */
    static String runOne(String src) {
        List<String> bad = new ArrayList<>();
        try {
            Program p = Loader.load(new SourceFile("gen.nn", src));
            Engine engine = new Engine(p);
            Text text = engine.text(false);
            int derives = 0;
            List<RoundTrip.At> points = points(p, engine);
            for (Program.Request r : p.requests()) {
                if (!(r instanceof Program.Derive d)) continue;
                derives++;
                for (Answer a : engine.derive(d.of(), d.ofText(), d.wrt())) {
                    CheckResult c = engine.check(a, 7);
                    if (!c.passed()) bad.add("d(" + a.of() + ")/d(" + a.wrt().name() + ") = "
                            + text.render(a.expression()) + ": relative error " + c.maxRelError());
                    String back = readsBack(p, engine, text, a, points);
                    if (back != null) bad.add("d(" + a.of() + ")/d(" + a.wrt().name() + ") printed as " + back);
                }
            }
            if (derives != 1) bad.add("expected one derive request, got " + derives);
        } catch (RuntimeException | StackOverflowError e) {
            bad.add("threw " + e);
        }
        return bad.isEmpty() ? null : String.join("\n", bad);
    }

    /** Null when the answer and each of its steps, printed, read back to the same shape and value; else what differs. */
    static String readsBack(Program p, Engine engine, Text text, Answer a, List<RoundTrip.At> points) {
        var expand = engine.expander(a.steps());
        String f = RoundTrip.check(p, text, a.expression(), expand, points);
        for (Step s : a.steps()) {
            if (f == null) f = RoundTrip.check(p, text, s.value(), expand, points);
        }
        return f;
    }

    /** A point of a network (its definitions hold no derivative terms). */
    static List<RoundTrip.At> points(Program p, Engine engine) {
        var expand = engine.expander(List.of());
        return List.of(RoundTrip.at(p, new Sampler(p, 5, expand).draw(), expand));
    }

    /** Emits one random network as chainrule source. */
    static final class Gen {
        record Val(String name, int w) {}

        record Weight(String name, int rows, int cols) {}

        private final Random r;
        private final Map<String, String> decls = new LinkedHashMap<>();
        private final List<String> params = new ArrayList<>();
        private final List<Weight> weights = new ArrayList<>();
        private final List<Val> vals = new ArrayList<>();
        private final StringBuilder defs = new StringBuilder();
        private int serial;

        Gen(Random r) {
            this.r = r;
        }

        private String param(String prefix, int rows, int cols) {
            String name = prefix + (++serial);
            decls.put(name, cols == 1 ? Integer.toString(rows) : rows + " x " + cols);
            params.add(name);
            if (cols > 1 || prefix.startsWith("W") || prefix.startsWith("V")) weights.add(new Weight(name, rows, cols));
            return name;
        }

        private int width() {
            return 1 + r.nextInt(4);
        }

        private Val earlierOfWidth(int w, Val not) {
            List<Val> c = new ArrayList<>();
            for (Val v : vals) if (v.w == w && v != not) c.add(v);
            return c.isEmpty() ? null : c.get(r.nextInt(c.size()));
        }

        private Weight weightOfShape(int rows, int cols) {
            List<Weight> c = new ArrayList<>();
            for (Weight v : weights) if (v.rows == rows && v.cols == cols) c.add(v);
            return c.isEmpty() ? null : c.get(r.nextInt(c.size()));
        }

        String network() {
            int w0 = width();
            decls.put("x", Integer.toString(w0));
            vals.add(new Val("x", w0));
            int layers = 2 + r.nextInt(4);
            for (int i = 1; i <= layers; i++) layer(i);
            loss(vals.get(vals.size() - 1));
            StringBuilder out = new StringBuilder();
            for (var e : decls.entrySet()) out.append(e.getKey()).append(" : ").append(e.getValue()).append('\n');
            out.append('\n').append(defs).append('\n');
            out.append("derive L wrt ").append(String.join(", ", params)).append('\n');
            return out.toString();
        }

        private void layer(int i) {
            Val h = vals.get(vals.size() - 1);
            // a width equal to the input's half the time, so square weights can be shared and skips fit
            int w = r.nextBoolean() ? h.w : width();
            String z;
            switch (r.nextInt(4)) {
                case 0 -> { // shared weight, if one of the right shape exists
                    Weight s = weightOfShape(w, h.w);
                    z = (s != null ? s.name : param("W", w, h.w)) + "*" + h.name;
                }
                case 1 -> { // a transposed weight: W'*h with W : h.w x w
                    Weight s = r.nextBoolean() ? weightOfShape(h.w, w) : null;
                    z = (s != null ? s.name : param("V", h.w, w)) + "'*" + h.name;
                }
                case 2 -> { // a concatenation fed into a wider W
                    Val e = vals.size() > 1 ? vals.get(r.nextInt(vals.size() - 1)) : h; // an earlier layer
                    z = param("W", w, h.w + e.w) + "*[" + h.name + "; " + e.name + "]";
                }
                default -> z = param("W", w, h.w) + "*" + h.name;
            }
            if (r.nextInt(10) < 7) z = z + " + " + param("b", w, 1);
            int mix = r.nextInt(10);
            if (mix == 0) z = "0.5*(" + z + ")";
            else if (mix == 1) {
                Val u = earlierOfWidth(w, null);
                if (u != null) z = "(" + z + ") .* " + u.name;
            } else if (mix == 2) {
                Val u = earlierOfWidth(w, null);
                if (u != null) z = z + " - " + u.name;
            }
            String zn = "z" + i;
            defs.append(zn).append(" = ").append(z).append('\n');
            String a = switch (r.nextInt(8)) {
                case 0 -> "relu(" + zn + ")";
                case 1 -> "sigmoid(" + zn + ")";
                case 2 -> "tanh(" + zn + ")";
                case 3 -> "softplus(" + zn + ")";
                case 4 -> r.nextBoolean() ? "exp(0.1*" + zn + ")" : "exp(sigmoid(" + zn + "))";
                case 5 -> r.nextBoolean() ? "square(" + zn + ")" : "square(tanh(" + zn + "))";
                case 6 -> "sin(" + zn + ")";
                default -> "0.5*tanh(" + zn + ")";
            };
            if (r.nextInt(10) < 3) { // a skip connection from an earlier layer of the same width
                Val e = earlierOfWidth(w, null);
                if (e != null) a = a + " + " + e.name;
            }
            String hn = "h" + i;
            defs.append(hn).append(" = ").append(a).append('\n');
            vals.add(new Val(hn, w));
        }

        private void loss(Val h) {
            switch (r.nextInt(3)) {
                case 0 -> defs.append("L = sum(").append(h.name).append(".^2)/2\n");
                case 1 -> {
                    int k = 2 + r.nextInt(3);
                    decls.put("y", k + " onehot");
                    String wo = param("Wo", k, h.w);
                    String zo = wo + "*" + h.name + (r.nextBoolean() ? " + " + param("bo", k, 1) : "");
                    defs.append("zo = ").append(zo).append('\n');
                    defs.append("L = -sum(y .* log(softmax(zo)))\n");
                }
                default -> {
                    if (r.nextBoolean()) {
                        defs.append("L = sum(sigmoid(").append(h.name).append("))\n");
                    } else {
                        int k = 1 + r.nextInt(4);
                        defs.append("zo = ").append(param("Wo", k, h.w)).append("*").append(h.name).append('\n');
                        defs.append("L = sum(sigmoid(zo))\n");
                    }
                }
            }
        }
    }

    /** Prints the given generated networks and what checking them gives (for reproducing a failure). */
    public static void main(String[] args) {
        for (String a : args) {
            String src = generate(Integer.parseInt(a));
            System.out.println("# network " + a + "\n" + src + "=> " + runOne(src) + "\n");
        }
    }
}
