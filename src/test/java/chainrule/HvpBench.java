package chainrule;

import chainrule.app.Engine;
import chainrule.cli.Loader;
import chainrule.diff.Derived;
import chainrule.diff.Step;
import chainrule.eval.Evaluator;
import chainrule.render.Text;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.expr.Expr;
import chainrule.expr.Traverse;
import chainrule.shape.Program;
import chainrule.source.SourceFile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Not a test (Surefire runs only *Test classes): the Hessian-vector product of a residual tanh
 * network, h(i+1) = h(i) + tanh(W(i)*h(i)), L = sum(h(depth).^2), with respect to the first
 * layer's weights W0 (10 x 10, so v has 100 entries): hessian(L, W0)*v worked out symbolically
 * (Pearlmutter's form: the gradient of vec(d(L)/d(W0))'*v) and evaluated at one point. Prints,
 * for each depth, the warm median time to derive (work out and simplify), to evaluate (the
 * network's values included), and the size of the printed answer with the steps it refers to. Usage: bash scripts/hvp-bench.sh [depths...] (25 50 100 by default).
 */
public class HvpBench {
    static final int WIDTH = 10;
    static final int WARM_UP = 3, ROUNDS = 5;

    static String source(int depth) {
        StringBuilder s = new StringBuilder("x : " + WIDTH + "\nv : " + WIDTH * WIDTH + "\n");
        for (int i = 0; i < depth; i++) s.append('W').append(i).append(" : ").append(WIDTH).append(" x ").append(WIDTH).append('\n');
        s.append("h0 = x\n");
        for (int i = 0; i < depth; i++) {
            s.append('h').append(i + 1).append(" = h").append(i).append(" + tanh(W").append(i).append("*h").append(i).append(")\n");
        }
        s.append("L = sum(h").append(depth).append(" .^ 2)\n");
        s.append("hessian(L, W0)*v\n");
        return s.toString();
    }

    public static void main(String[] args) {
        // the printed size is what is measured: no limit on it
        var d0 = chainrule.source.Limits.DEFAULT;
        chainrule.source.Limits.use(new chainrule.source.Limits(d0.fileBytes(), d0.depth(), d0.statements(), Long.MAX_VALUE));
        int[] depths = args.length == 0 ? new int[] {25, 50, 100} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("Hessian-vector product of a residual tanh network, 10 x 10 layers, wrt W0 (warm, median of "
                + ROUNDS + " after " + WARM_UP + " warm-up runs)");
        System.out.printf(java.util.Locale.ROOT, "%6s  %10s  %10s  %10s  %12s  %12s%n", "depth", "derive ms", "eval ms", "total ms",
                "chars", "chars/depth");
        for (int depth : depths) {
            Program p = Loader.load(new SourceFile("hvp.nn", source(depth)));
            Expr product = ((Program.Show) p.requests().get(0)).expr();
            long[] derive = new long[ROUNDS], eval = new long[ROUNDS];
            long chars = 0;
            // hessian(L, W0)*v is vec(d(vec(d(L)/d(W0))'*v)/d(W0)) once typed: derive that gradient, with its steps
            Expr.Derivative gradient = (Expr.Derivative) ((Expr.Reshape) product).a();
            for (int r = -WARM_UP; r < ROUNDS; r++) {
                Engine engine = new Engine(p);
                long t0 = System.nanoTime();
                Derived hvp = engine.differentiator().derive(gradient.of(), gradient.wrt(), false);
                Expr answer = chainrule.expr.Ex.vec(hvp.answer());
                long t1 = System.nanoTime();
                var expand = engine.expander(hvp.steps());
                Point point = new Sampler(p, 1, expand).draw();
                Map<String, RealMatrix> values = Sampler.evaluateDefinitions(p, point, expand);
                RealMatrix hv = new Evaluator(point.sizes(), values, expand).eval(answer);
                long t2 = System.nanoTime();
                if (hv.getRowDimension() != WIDTH * WIDTH) throw new IllegalStateException("HVP of " + hv.getRowDimension());
                Text text = engine.text(false);
                chars = text.render(answer).length();
                for (Step st : hvp.steps()) chars += text.derivativeName(st.name()).length() + 3 + text.render(st.value()).length();
                if (r >= 0) {
                    derive[r] = t1 - t0;
                    eval[r] = t2 - t1;
                }
            }
            double d = median(derive), e = median(eval);
            System.out.printf(java.util.Locale.ROOT, "%6d  %10.1f  %10.1f  %10.1f  %12d  %12.1f%n", depth, d, e, d + e, chars,
                    (double) chars / depth);
        }
    }

    private static double median(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
