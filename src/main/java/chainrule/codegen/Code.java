package chainrule.codegen;

/**
 * A Python expression: its text, how tightly it binds, and whether it is an array (a tensor) or a
 * plain Python number, which broadcasts everywhere but has no shape of its own.
 */
record Code(String text, int prec, boolean array) {
    /** Python's precedence levels, loosest first, as far as generated code uses them. */
    static final int ADD = 1, MUL = 2, UNARY = 3, POW = 4, ATOM = 5;

    static Code atom(String text) {
        return new Code(text, ATOM, true);
    }

    /** Parenthesised unless it binds at least as tightly as {@code min}. */
    String at(int min) {
        return prec >= min ? text : "(" + text + ")";
    }

    /**
     * The precedence of a template's text: the loosest operator outside parentheses and brackets
     * (a leading minus is unary).
     */
    static int precedence(String text) {
        int depth = 0, loosest = ATOM;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && i > 0 && text.charAt(i - 1) == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                if (c == '+' || c == '-') loosest = Math.min(loosest, ADD);
                else if (c == '*' || c == '/' || c == '@') loosest = Math.min(loosest, MUL);
            } else if (depth == 0 && c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                loosest = Math.min(loosest, POW);
                i++;
            }
        }
        if (loosest > UNARY && text.startsWith("-")) loosest = UNARY;
        return loosest;
    }

    /** The binary operators outside parentheses and brackets ("+", "*", "@", ...). */
    static java.util.Set<String> operators(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        int depth = 0;
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ' && "+-*/@".indexOf(c) >= 0) out.add(String.valueOf(c));
        }
        return out;
    }
}
