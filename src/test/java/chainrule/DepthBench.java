package chainrule;

import chainrule.diff.Answer;
import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.diff.Step;
import chainrule.render.Listing;
import chainrule.render.Text;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Not a test (Surefire runs only *Test classes): how deriving scales with depth. For plain, residual
 * and densely connected tanh networks of width 3 and depth 10, 100, 1000, and for one expression
 * of nested tanh (to 2,000 deep), nested exp (to 400 deep), nested softmax weighted by x and an
 * elementwise product of softmaxes (to 1,000), and for second derivatives of the
 * plain network (SECOND: the gradient of |dL/dx|^2 by x; SECOND_JACOBIAN: the Jacobian of dL/dx), it prints the warm time (after 3
 * warm-up runs) of load, derive and rendering, and the size of the text 'chainrule derive' prints.
 *
 * <pre>
 * mvn -B -ntp -o -q test-compile
 * java [-Dkinds=RESIDUAL] -cp target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) chainrule.DepthBench [depths...]
 * </pre>
 */
public class DepthBench {
    enum Kind { PLAIN, RESIDUAL, DENSE, NESTED_TANH, NESTED_EXP, NESTED_SOFTMAX, SOFTMAX_PRODUCT, SECOND, SECOND_JACOBIAN }

    /** One expression, f(f(...f(x))) nested depth deep. */
    static String nested(String f, int depth) {
        return "x : 3\nL = sum(" + (f + "(").repeat(depth) + "x" + ")".repeat(depth) + ")\nderive L wrt x\n";
    }

    /** An elementwise product of depth softmaxes, softmax(x) .* softmax(2*x) .* ... */
    static String softmaxProduct(int depth) {
        StringBuilder h = new StringBuilder("softmax(x)");
        for (int k = 2; k <= depth; k++) h.append(" .* softmax(").append(k).append("*x)");
        return "x : 3\nh = " + h + "\nL = sum(h)\nderive L wrt x\n";
    }

    static String source(Kind kind, int depth) {
        if (kind == Kind.NESTED_TANH) return nested("tanh", depth);
        if (kind == Kind.NESTED_EXP) return nested("exp", depth);
        // sum(softmax(x)) is 1 whatever x: weighted by x, the derivative is not zero
        if (kind == Kind.NESTED_SOFTMAX) return nested("softmax", depth).replace(")\nderive", " .* x)\nderive");
        if (kind == Kind.SOFTMAX_PRODUCT) return softmaxProduct(depth);
        if (kind == Kind.SECOND || kind == Kind.SECOND_JACOBIAN) {
            // a derivative of a derivative: the gradient of a plain tanh network by its input, then
            // the gradient of its squared norm (reverse mode) or its Jacobian (forward mode)
            String plain = source(Kind.PLAIN, depth);
            String net = plain.substring(0, plain.indexOf("derive"));
            return net + "G = d(L)/d(x)\n" + (kind == Kind.SECOND ? "M = sum(G .^ 2)\nderive M wrt x\n" : "derive G wrt x\n");
        }
        StringBuilder s = new StringBuilder("x : 3\n");
        for (int i = 0; i < depth; i++) {
            s.append('W').append(i).append(" : 3 x 3\n");
            if (kind == Kind.PLAIN) s.append('b').append(i).append(" : 3\n");
        }
        s.append("h0 = x\n");
        for (int i = 0; i < depth; i++) {
            String h = "h" + i, next = "h" + (i + 1);
            switch (kind) {
                case PLAIN -> s.append(next).append(" = tanh(W").append(i).append('*').append(h)
                        .append(" + b").append(i).append(")\n");
                case RESIDUAL -> s.append(next).append(" = ").append(h).append(" + tanh(W").append(i).append('*')
                        .append(h).append(")\n");
                case DENSE -> s.append(next).append(" = tanh(W").append(i).append('*').append(h).append(')')
                        .append(i > 0 ? " + h" + (i - 1) : "").append('\n');
            }
        }
        s.append("L = sum(h").append(depth).append(" .^ 2)\n");
        s.append("derive L wrt ");
        for (int i = 0; i < depth; i++) s.append(i > 0 ? ", W" : "W").append(i);
        s.append('\n');
        return s.toString();
    }

    record Run(long loadNs, long deriveNs, long renderNs, long chars, long steps, long distinctSteps) {}

    static Run once(String src) {
        long t0 = System.nanoTime();
        Program p = Loader.load(new SourceFile("bench.nn", src));
        long t1 = System.nanoTime();
        Engine engine = new Engine(p);
        List<Answer> answers = new ArrayList<>();
        for (Program.Request r : p.requests())
            if (r instanceof Program.Derive d) answers.addAll(engine.derive(d.of(), d.ofText(), d.wrt()));
        long t2 = System.nanoTime();
        Text text = engine.text(false);
        long steps = 0;
        IdentityHashMap<Object, Boolean> distinct = new IdentityHashMap<>();
        // what 'chainrule derive' prints: the names of what repeats, each step the answers refer to once, each answer
        List<Step> referred = Engine.stepsOf(answers);
        for (Step st : referred) {
            steps++;
            distinct.put(st.value(), true);
        }
        Listing listing = new Listing(text);
        listing.name(referred, answers, false);
        listing.steps(referred);
        for (Answer a : answers) listing.answer(a, false, null, null, null);
        long chars = listing.toString().length();
        long t3 = System.nanoTime();
        return new Run(t1 - t0, t2 - t1, t3 - t2, chars, steps, distinct.size());
    }

    static void bench(int[] depths) {
        System.out.printf("%-9s %6s %10s %10s %10s %10s %12s %9s %9s%n",
                "kind", "depth", "load ms", "derive ms", "render ms", "total ms", "out chars", "steps", "distinct");
        String only = System.getProperty("kinds", java.util.Arrays.stream(Kind.values()).map(Kind::name)
                .collect(java.util.stream.Collectors.joining(",")));
        for (Kind kind : Kind.values()) {
            if (!java.util.Arrays.asList(only.split(",")).contains(kind.name())) continue;
            int[] these = switch (kind) {
                case NESTED_TANH -> nestedDepths(depths, 2000);
                case NESTED_EXP -> nestedDepths(depths, 400);
                case NESTED_SOFTMAX, SOFTMAX_PRODUCT -> java.util.Arrays.stream(depths).filter(d -> d <= 1000).toArray();
                default -> depths;
            };
            for (int depth : these) {
                String src = source(kind, depth);
                for (int w = 0; w < 3; w++) once(src);
                Run run = once(src);
                System.out.printf("%-9s %6d %10.1f %10.1f %10.1f %10.1f %12d %9d %9d%n", kind, depth,
                        run.loadNs / 1e6, run.deriveNs / 1e6, run.renderNs / 1e6,
                        (run.loadNs + run.deriveNs + run.renderNs) / 1e6, run.chars, run.steps, run.distinctSteps);
            }
        }
    }

    /** The layer depths, and the deepest nesting the bench must reach. */
    static int[] nestedDepths(int[] depths, int deepest) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(depths).filter(d -> d < deepest),
                java.util.stream.IntStream.of(deepest)).toArray();
    }

    public static void main(String[] args) throws InterruptedException {
        int[] depths = args.length == 0 ? new int[] {10, 100, 1000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                // the bench reports how large an answer prints, so it must not be cut off at the user's limit
                var d = chainrule.source.Limits.DEFAULT;
                chainrule.source.Limits.use(new chainrule.source.Limits(d.fileBytes(), d.depth(), d.statements(), Long.MAX_VALUE));
                bench(depths);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "bench", 1L << 30);
        t.start();
        t.join();
        if (failure[0] != null) {
            failure[0].printStackTrace();
            System.exit(1);
        }
    }
}
