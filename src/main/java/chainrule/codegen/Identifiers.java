package chainrule.codegen;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Python names for the names of a problem: letters, digits and underscores only (Greek letters
 * spelled out), never a keyword, a builtin the module might need or a name the module itself
 * uses, and never two alike.
 */
final class Identifiers {
    private static final Set<String> RESERVED = Set.of(
            // keywords
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            "match", "case", "type",
            // builtins a reader would not want shadowed
            "abs", "all", "any", "dict", "float", "int", "len", "list", "max", "min", "pow", "print", "range",
            "round", "set", "slice", "str", "sum", "tuple", "zip", "map", "filter", "input", "id", "object",
            "ValueError", "KeyError", "isinstance", "iter", "next", "vars", "dir", "format", "hash", "open",
            "super", "eval", "exec", "compile", "globals", "locals", "divmod", "sorted", "reversed", "enumerate",
            // the module's own names
            "np", "torch", "values", "forward", "gradients", "f");
    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "alpha"), Map.entry('β', "beta"), Map.entry('γ', "gamma"), Map.entry('δ', "delta"),
            Map.entry('ε', "epsilon"), Map.entry('ζ', "zeta"), Map.entry('η', "eta"), Map.entry('θ', "theta"),
            Map.entry('ι', "iota"), Map.entry('κ', "kappa"), Map.entry('λ', "lambda_"), Map.entry('μ', "mu"),
            Map.entry('ν', "nu"), Map.entry('ξ', "xi"), Map.entry('π', "pi"), Map.entry('ρ', "rho"),
            Map.entry('σ', "sigma"), Map.entry('τ', "tau"), Map.entry('υ', "upsilon"), Map.entry('φ', "phi"),
            Map.entry('χ', "chi"), Map.entry('ψ', "psi"), Map.entry('ω', "omega"), Map.entry('Δ', "Delta"),
            Map.entry('Σ', "Sigma"), Map.entry('Θ', "Theta"), Map.entry('Λ', "Lambda"), Map.entry('Φ', "Phi"),
            Map.entry('Ψ', "Psi"), Map.entry('Ω', "Omega"), Map.entry('Γ', "Gamma"), Map.entry('Π', "Pi"));

    private final Set<String> taken = new HashSet<>();

    /** A fresh identifier as near to {@code name} as Python allows. */
    String fresh(String name) {
        String ascii = ascii(name);
        String base = ascii.startsWith("_") ? "v" + ascii : ascii; // a leading underscore is the module's own
        String candidate = base;
        for (int i = 2; RESERVED.contains(candidate) || taken.contains(candidate); i++) {
            candidate = i == 2 ? base + "_" : base + "_" + i;
        }
        taken.add(candidate);
        return candidate;
    }

    /** Names the module defines itself (helpers, temporaries) must not be handed out again. */
    void reserve(String name) {
        taken.add(name);
    }

    static String ascii(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) {
                out.appendCodePoint(c);
            } else if (c < 0x10000 && GREEK.containsKey((char) c)) {
                out.append(GREEK.get((char) c));
            } else if (Character.getNumericValue(c) >= 0 && Character.getNumericValue(c) <= 9) {
                out.append(Character.getNumericValue(c)); // x₂ is x2
            } else {
                out.append("u").append(Integer.toHexString(c));
            }
        });
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) out.insert(0, 'v');
        return out.toString();
    }
}
