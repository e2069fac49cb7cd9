package chainrule.codegen;

import chainrule.expr.Expr;
import chainrule.expr.Expr.Derivative;
import chainrule.expr.Traverse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of one generated function: named statements written one a line with their shapes,
 * each on demand after the statements it refers to, and every subexpression that occurs more
 * than once computed once, into a temporary or into the statement whose whole value it is.
 */
final class Block implements Spell.Context {
    /** name = value; a derivative's statement is found by its name. */
    record Statement(String python, Derivative derivative, Expr value) {}

    private final Module module;
    private final Spell spell;
    private final List<String> lines = new ArrayList<>();
    private final Map<Integer, String> bound = new HashMap<>();
    private final Map<Integer, Integer> counts = new HashMap<>();
    /** Statements by the canonical number of their whole value, to compute a shared subexpression into. */
    private final Map<Integer, Statement> homes = new HashMap<>();
    private final Map<Derivative, Statement> byDerivative = new HashMap<>();
    private final Set<Statement> emitted = new HashSet<>();
    private final Set<Statement> emitting = new HashSet<>();
    private final Set<String> reads = new LinkedHashSet<>();
    private final Set<String> symbols = new LinkedHashSet<>();
    private final Map<String, String> opaque = new LinkedHashMap<>();

    Block(Module module, List<Statement> statements) {
        this.module = module;
        this.spell = new Spell(module.target, this);
        for (Statement s : statements) {
            if (s.derivative() != null) byDerivative.put(s.derivative(), s);
            count(s.value());
            homes.putIfAbsent(module.canon.id(s.value()), s);
        }
    }

    /** Occurrences of each subexpression; a repeated one is not looked into again, as it will be computed once. */
    private void count(Expr e) {
        int n = counts.merge(module.canon.id(e), 1, Integer::sum);
        if (n == 1 && !(e instanceof Derivative)) for (Expr c : Traverse.children(e)) count(c);
    }

    List<String> lines() {
        return lines;
    }

    /** The names of the problem this block reads. */
    Set<String> reads() {
        return reads;
    }

    Set<String> symbols() {
        return symbols;
    }

    /** The opaque functions called, as the parameter names they are passed by. */
    Map<String, String> opaque() {
        return opaque;
    }

    void emit(Statement s) {
        if (emitted.contains(s)) return;
        if (!emitting.add(s)) throw new IllegalStateException("internal: step " + s.python() + " refers to itself");
        int id = module.canon.id(s.value());
        String same = bound.get(id);
        Code code = same != null ? Code.atom(same) : spell.array(spell.spell(s.value()));
        lines.add(s.python() + " = " + code.text() + "  # " + module.shape(s.value().shape()));
        bound.putIfAbsent(id, s.python());
        emitted.add(s);
    }

    @Override
    public Code sub(Expr e) {
        if (e instanceof Derivative d) return Code.atom(derivative(d));
        int id = module.canon.id(e);
        String name = bound.get(id);
        if (name != null) return Code.atom(name);
        if (counts.getOrDefault(id, 0) > 1 && worthNaming(e)) {
            Statement home = homes.get(id);
            if (home == null || emitted.contains(home) || emitting.contains(home)) {
                home = new Statement(module.ids.fresh("t" + (++module.temporaries)), null, e);
            }
            emit(home);
            return Code.atom(bound.get(id));
        }
        return spell.spell(e);
    }

    /** Names, numbers, constants, transposes and broadcasts cost nothing to repeat; anything else is computed once. */
    private static boolean worthNaming(Expr e) {
        boolean free = e instanceof Expr.Var || e instanceof Expr.Num || e instanceof Expr.Size || e instanceof Expr.Zero
                || e instanceof Expr.Ones || e instanceof Expr.Identity || e instanceof Expr.Transpose
                || e instanceof Expr.Broadcast || e instanceof Derivative
                || (e instanceof Expr.Neg n && n.a() instanceof Expr.Var);
        return !free;
    }

    @Override
    public String variable(String name) {
        reads.add(name);
        return module.name(name);
    }

    @Override
    public String derivative(Derivative d) {
        Statement s = byDerivative.get(d);
        if (s == null) {
            // a derivative the steps do not define (one written inside a definition): worked out here
            s = new Statement(module.derivativeName(d), d, module.expand.apply(d));
            byDerivative.put(d, s);
        }
        emit(s);
        return s.python();
    }

    @Override
    public String symbol(String name) {
        symbols.add(name);
        return module.name(name);
    }

    @Override
    public Expr definition(String name) {
        return module.definition(name);
    }

    @Override
    public String opaque(String name, int order) {
        String key = name + "'".repeat(order);
        return opaque.computeIfAbsent(key, k -> module.opaqueName(name, order));
    }
}
