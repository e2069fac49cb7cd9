package chainrule.parse;

import chainrule.expr.Functions;
import chainrule.parse.LatexTokens.Kind;
import chainrule.parse.LatexTokens.Tok;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One statement of LaTeX math, written out in chainrule's plain syntax (SPEC §1, "LaTeX input"):
 * a declaration {@code x \in \mathbb{R}^{m \times n}}, a definition {@code z_1 = W_{1x} \cdot x + b_1}
 * (of a chain {@code h = [...] = \sigma(W h)}, the last form), or a claim whose left side is a
 * derivative. Every character written remembers the LaTeX it came from, so that messages point
 * into the LaTeX. A mistake is a {@link Mistake} at its place in the LaTeX.
 */
final class LatexLine {
    /** Bad LaTeX at text[start, end). */
    static final class Mistake extends RuntimeException {
        final int start;
        final int end;

        Mistake(String message, int start, int end) {
            super(message, null, false, false);
            this.start = start;
            this.end = end;
        }
    }

    /** The plain text written, with the LaTeX span each of its characters came from. */
    static final class Out {
        final StringBuilder text = new StringBuilder();
        final java.util.ArrayList<int[]> from = new java.util.ArrayList<>();

        void put(String s, int start, int end) {
            for (int i = 0; i < s.length(); i++) {
                text.append(s.charAt(i));
                from.add(new int[] {start, end});
            }
        }

        void put(String s, Tok t) {
            put(s, t.start(), t.end());
        }
    }

    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("sigma", "sigmoid"), Map.entry("log", "log"), Map.entry("ln", "log"), Map.entry("exp", "exp"),
            Map.entry("tanh", "tanh"), Map.entry("sin", "sin"), Map.entry("cos", "cos"), Map.entry("tan", "tan"),
            Map.entry("arctan", "atan"), Map.entry("max", "max"), Map.entry("min", "min"), Map.entry("det", "det"),
            Map.entry("sum", "sum"), Map.entry("tr", "tr"), Map.entry("erf", "erf"));
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "Delta", "epsilon", "varepsilon",
            "eta", "theta", "Theta", "lambda", "mu", "nu", "xi", "pi", "rho", "tau", "phi", "Phi", "varphi", "psi", "Psi",
            "omega", "Omega", "kappa", "zeta", "chi", "Sigma", "Lambda", "Gamma");
    private static final Set<String> ACCENTS = Set.of("hat", "bar", "tilde", "dot", "vec", "widehat", "widetilde", "overline");
    private static final Set<String> FONTS = Set.of("textbf", "mathbf", "boldsymbol", "bm", "mathit", "mathrm", "text",
            "operatorname", "textit", "mathsf", "mathcal");
    /** Spacing and sizing that mean nothing here. */
    private static final Set<String> IGNORED = Set.of(",", ";", ":", "!", "quad", "qquad", "displaystyle", "left", "right",
            "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "limits", "nolimits", "textstyle");
    private static final Set<String> TRANSPOSES = Set.of("T", "top", "intercal", "mathsf{T}", "prime");

    private final String source;
    private final List<Tok> toks;
    private final Set<String> knownNames;
    private final Set<String> userFunctions;
    private int at;
    private final Out out = new Out();

    private LatexLine(String source, int from, int to, Set<String> knownNames, Set<String> userFunctions) {
        this.source = source;
        this.userFunctions = userFunctions;
        // spacing and sizing go; \left( is (, \right) is )
        this.toks = LatexBrackets.withoutLineBreaks(LatexTokens.of(source, from, to).stream()
                .filter(t -> !(t.kind() == Kind.COMMAND && IGNORED.contains(t.text()))).toList());
        this.knownNames = knownNames;
    }

    /** The plain statement for source[from, to), which holds LaTeX math without its delimiters. */
    static Out translate(String source, int from, int to, Set<String> knownNames, Set<String> userFunctions) {
        LatexLine l = new LatexLine(source, from, to, knownNames, userFunctions);
        l.statement();
        return l.out;
    }

    /** The names a line of LaTeX declares or defines (its left side), for telling W^{x} and H^2 from powers. */
    static void collectNames(String source, int from, int to, Set<String> into) {
        LatexLine l = new LatexLine(source, from, to, Set.of(), Set.of());
        try {
            while (l.peek().kind() != Kind.END && !l.peek().is("=") && !l.peek().command("in")) {
                if (l.peek().is(",")) {
                    l.next();
                    continue;
                }
                Tok first = l.peek();
                String name = l.nameOnLeft();
                if (name == null) return;
                into.add(name);
                if (first == l.peek()) return;
            }
        } catch (Mistake e) {
            // the statement itself will report it
        }
    }

    // ---- statements

    private void statement() {
        int eq = topLevel("=");
        int in = indexOf(t -> t.command("in"));
        if (in >= 0 && (eq < 0 || in < eq)) {
            declaration(in);
            return;
        }
        if (eq < 0) {
            dropTrailingPunctuation();
            expression(toks.size() - 1);
            expectEnd();
            return;
        }
        if (derivativeAhead()) {
            // d(L)/d(W) = e1 = e2: a claim, checked step by step
            out.put("claim ", tok(0));
            dropTrailingPunctuation();
            while (true) {
                int eqAt = nextTopLevel("=", at);
                expression(eqAt < 0 ? toks.size() - 1 : eqAt);
                if (eqAt < 0 || at != eqAt) break;
                out.put(" = ", next());
            }
            expectEnd();
            return;
        }
        // name = e1 = e2 = ...: the last form defines it (the earlier ones restate it, often entry by entry)
        Tok first = peek();
        String name = nameOnLeft();
        if (name == null || !peek().is("=")) {
            throw new Mistake("the left side of a definition is one name, as in z_1 = W_1 x + b_1", first.start(), peek().end());
        }
        out.put(name, first.start(), tok(at - 1).end());
        out.put(" = ", peek());
        at = lastTopLevel("=") + 1;
        dropTrailingPunctuation();
        expression(toks.size() - 1);
        expectEnd();
    }

    private boolean derivativeAhead() {
        Tok t = peek();
        return t.kind() == Kind.COMMAND && (t.text().equals("frac") || t.text().equals("dfrac") || t.text().equals("tfrac"))
                && at + 2 < toks.size() && (tok(at + 2).command("partial") || tok(at + 2).kind() == Kind.WORD
                && tok(at + 2).text().startsWith("d"));
    }

    /** names \in \mathbb{R}^{m \times n} [properties] */
    private void declaration(int in) {
        boolean firstName = true;
        while (at < in) {
            Tok t = peek();
            if (t.is(",")) {
                next();
                continue;
            }
            String name = nameOnLeft();
            if (name == null) throw new Mistake("expected the name of a value before \\in", t.start(), t.end());
            if (!firstName) out.put(", ", t);
            out.put(name, t.start(), tok(at - 1).end());
            firstName = false;
        }
        Tok inTok = next();
        out.put(" : ", inTok);
        Tok set = next();
        if (set.command("mathbb") || set.command("mathbf") || set.command("Bbb") || set.command("mathrm")) {
            Tok r = groupWord();
            if (!r.text().equals("R")) throw new Mistake("expected \\mathbb{R}, the real numbers", r.start(), r.end());
            dims(set, false);
        } else if (set.command("R") || set.command("reals")) {
            dims(set, false);
        } else if (set.command("{")) {
            // \{0, 1\}^{n}: binary entries
            while (!peek().command("}") && peek().kind() != Kind.END) next();
            if (peek().kind() == Kind.END) throw new Mistake("\\{ is not closed", set.start(), set.end());
            next();
            dims(set, true);
        } else {
            throw new Mistake("expected \\mathbb{R}^{m \\times n} after \\in", set.start(), set.end());
        }
        properties();
    }

    private void dims(Tok set, boolean binary) {
        if (!peek().is("^")) {
            out.put("scalar", set);
        } else {
            next();
            if (peek().is("{")) {
                Tok open = next();
                int close = matching(at - 1);
                dimList(close);
                at = close + 1;
                if (open == null) return;
            } else {
                Tok d = next();
                if (d.kind() == Kind.NUMBER || d.kind() == Kind.WORD) out.put(d.text(), d);
                else throw new Mistake("expected a dimension", d.start(), d.end());
            }
        }
        if (binary) out.put(" binary", set);
    }

    private void dimList(int close) {
        while (at < close) {
            Tok t = next();
            if (t.command("times") || t.is("×") || t.is("x") || t.kind() == Kind.WORD && t.text().equals("x")) {
                out.put(" x ", t);
            } else if (t.kind() == Kind.NUMBER || t.kind() == Kind.WORD || t.is("+") || t.is("-")) {
                out.put(t.text(), t);
            } else if (t.command(",") || t.command(" ") || t.command(";")) {
                // spacing
            } else {
                throw new Mistake("a dimension is a whole number or a symbol, as in \\mathbb{R}^{m \\times n}", t.start(), t.end());
            }
        }
    }

    private void properties() {
        while (peek().kind() != Kind.END) {
            Tok t = next();
            if (t.is(",") || t.is(".") || t.kind() == Kind.COMMAND && IGNORED.contains(t.text()) || t.command(" ")) continue;
            if (t.command("text") || t.command("mathrm") || t.command("textrm")) {
                int close = matching(at);
                for (Tok w : toks.subList(at + 1, close)) out.put(" " + w.text(), w);
                at = close + 1;
            } else if (t.kind() == Kind.WORD) {
                out.put(" " + t.text(), t);
            } else {
                throw new Mistake("expected a property (onehot, onehot rows, binary, symmetric, positive) or the end of"
                        + " the declaration", t.start(), t.end());
            }
        }
    }

    // ---- expressions

    private void expression(int end) {
        boolean first = true, operand = true;
        while (at < end) {
            Tok t = peek();
            if (t.is("+") || t.is("-")) {
                next();
                out.put(first ? t.text() : " " + t.text() + " ", t);
                first = false;
                operand = true;
                continue;
            }
            if (!operand) break;
            term(end);
            first = false;
            operand = false;
        }
    }

    private void term(int end) {
        factor(end);
        while (at < end) {
            Tok t = peek();
            if (t.command(" ")) {
                next();
                continue;
            }
            String op = productOperator(t);
            if (op != null) {
                next();
                out.put(op, t);
                factor(end);
            } else if (startsFactor(t)) {
                // juxtaposition: W_3 h_2 is a product
                out.put("*", t.start(), t.start());
                factor(end);
            } else {
                return;
            }
        }
    }

    private static String productOperator(Tok t) {
        if (t.command("cdot") || t.command("times") || t.is("*") || t.is("·")) return "*";
        if (t.command("odot") || t.command("circ") || t.is("⊙") || t.is("∘")) return " .* ";
        if (t.is("/")) return " / ";
        if (t.command("oslash")) return " ./ ";
        return null;
    }

    private boolean startsFactor(Tok t) {
        return switch (t.kind()) {
            case WORD, NUMBER -> true;
            case SYMBOL -> t.is("(") || t.is("[") || t.is("{");
            case COMMAND -> productOperator(t) == null && !t.text().equals("end") && !t.text().equals("\\")
                    && !t.text().equals("in") && !t.text().equals("}") && !t.text().equals(" ") && !t.text().equals("|")
                    && !t.text().equals("rVert") && !t.text().equals("Vert");
            case END -> false;
        };
    }

    private void factor(int end) {
        skipIgnored();
        Tok t = peek();
        if (t.is("-")) {
            next();
            out.put("-", t);
        }
        primary(end);
        postfix();
    }

    private void postfix() {
        while (true) {
            Tok t = peek();
            if (t.is("'")) {
                next();
                out.put("'", t);
            } else if (t.is("^")) {
                next();
                superscript(t);
            } else {
                return;
            }
        }
    }

    /** ^T, ^{\top}: a transpose; anything else a power, in parentheses unless it is one number. */
    private void superscript(Tok hat) {
        if (peek().is("{")) {
            int close = matching(at);
            String inner = raw(at + 1, close);
            if (TRANSPOSES.contains(inner) || inner.equals("\\top") || inner.equals("\\intercal") || inner.equals("\\prime")) {
                out.put("'", hat.start(), tok(close).end());
                at = close + 1;
                return;
            }
            next();
            out.put("^(", hat);
            expression(close);
            if (at != close) throw new Mistake("cannot read this exponent", tok(at).start(), tok(close).end());
            out.put(")", tok(close));
            at = close + 1;
            return;
        }
        Tok t = next();
        if (t.kind() == Kind.WORD && t.text().equals("T") || t.command("top") || t.command("intercal") || t.command("prime")) {
            out.put("'", hat.start(), t.end());
        } else if (t.kind() == Kind.NUMBER) {
            out.put("^" + t.text().charAt(0), hat.start(), t.end());
        } else if (t.kind() == Kind.WORD) {
            out.put("^" + t.text().charAt(0), hat.start(), t.end());
        } else if (t.kind() == Kind.COMMAND && GREEK.contains(t.text())) {
            out.put("^" + t.text(), hat.start(), t.end());
        } else {
            throw new Mistake("expected an exponent after ^", t.start(), t.end());
        }
    }

    private void primary(int end) {
        skipIgnored();
        Tok t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                out.put(t.text(), t);
            }
            case WORD -> nameOrCall();
            case SYMBOL -> {
                if (t.is("(")) {
                    next();
                    out.put("(", t);
                    int close = closing(at - 1, "(", ")");
                    expression(close);
                    closeAt(close, ")");
                } else if (t.is("[")) {
                    matrixLiteral(t);
                } else if (t.is("{")) {
                    out.put("(", t);
                    int close = matching(at);
                    next();
                    expression(close);
                    closeAt(close, ")");
                } else if (t.is("|")) {
                    next();
                    out.put("abs(", t);
                    int close = closing(at - 1, "|", "|");
                    expression(close);
                    closeAt(close, ")");
                } else {
                    throw new Mistake("expected a value here, found '" + t.text() + "'", t.start(), t.end());
                }
            }
            case COMMAND -> command(t);
            case END -> throw new Mistake("expected a value here, the LaTeX ends first", t.start(), t.end());
        }
    }

    private void command(Tok t) {
        String c = t.text();
        if (c.equals("frac") || c.equals("dfrac") || c.equals("tfrac")) {
            fraction(t);
        } else if (c.equals("sqrt")) {
            next();
            if (peek().is("[")) throw new Mistake("only the square root \\sqrt{...} is known", peek().start(), peek().end());
            out.put("sqrt(", t);
            group();
            out.put(")", tok(at - 1));
        } else if (c.equals("|") || c.equals("lVert") || c.equals("Vert")) {
            next();
            out.put("norm(", t);
            int close = closing(at - 1, null, null);
            expression(close);
            Tok closer = tok(close);
            at = close + 1;
            if (peek().is("_")) {
                next();
                Tok p = next();
                if (p.is("{")) {
                    p = next();
                    next();
                }
                out.put(", " + p.text(), p);
            }
            out.put(")", closer);
        } else if (ACCENTS.contains(c) || FONTS.contains(c) || GREEK.contains(c) || FUNCTIONS.containsKey(c)) {
            nameOrCall();
        } else if (c.equals("begin")) {
            environment(t);
        } else if (c.equals("partial")) {
            throw new Mistake("a derivative is written \\frac{\\partial L}{\\partial W}", t.start(), t.end());
        } else {
            throw new Mistake("the LaTeX command \\" + c + " has no meaning here", t.start(), t.end());
        }
    }

    /** \frac{\partial L}{\partial W}, \frac{dL}{dW}: a derivative; \frac{d}{dW}(e): the derivative of e; else a quotient. */
    private void fraction(Tok t) {
        next();
        int numOpen = at, numClose = matching(numOpen);
        int denOpen = numClose + 1;
        if (!tok(denOpen).is("{")) throw new Mistake("\\frac takes two groups, {numerator}{denominator}", t.start(), t.end());
        int denClose = matching(denOpen);
        Tok n0 = tok(numOpen + 1), d0 = tok(denOpen + 1);
        boolean partial = n0.command("partial") && d0.command("partial");
        boolean straight = n0.kind() == Kind.WORD && n0.text().startsWith("d") && d0.kind() == Kind.WORD && d0.text().startsWith("d");
        if (partial || straight) {
            out.put("d(", t);
            boolean operator = partial ? numClose == numOpen + 2 : n0.text().equals("d") && numClose == numOpen + 2;
            if (operator) {
                // \frac{d}{dW}(e): the derivative of the parenthesized e that follows
                at = denClose + 1;
                if (!startsFactor(peek())) {
                    throw new Mistake("after \\frac{d}{dW} write what to differentiate", t.start(), tok(denClose).end());
                }
                // \frac{d}{dW}(e), or \frac{d}{dW} A B: the product that follows
                boolean parens = peek().is("(");
                denominator(partial, d0, denOpen, denClose, () -> {
                    if (parens) primary(Integer.MAX_VALUE);
                    else operandTerm();
                });
                return;
            }
            if (partial || n0.text().equals("d")) {
                at = numOpen + 2;
            } else {
                at = numOpen + 1;
                if (n0.text().length() > 1) {
                    // dLoss: the name is the rest of the word
                    splitWord(n0);
                }
            }
            int save = at;
            if (at < numClose) {
                at = save;
                expression(numClose);
            }
            if (at != numClose) throw new Mistake("cannot read this numerator", tok(at).start(), tok(numClose).end());
            denominator(partial, d0, denOpen, denClose, null);
            at = denClose + 1;
            return;
        }
        out.put("(", t);
        at = numOpen + 1;
        expression(numClose);
        closeAt(numClose, ")");
        out.put(" / (", tok(denOpen));
        at = denOpen + 1;
        expression(denClose);
        closeAt(denClose, ")");
    }

    /** The product after \frac{d}{dW}, in parentheses: it ends at a sum, an '=' or the end. */
    private void operandTerm() {
        Tok first = peek();
        out.put("(", first.start(), first.start());
        term(toks.size() - 1);
        out.put(")", tok(at - 1));
    }

    /** The ")/d(W)" of a derivative; with an operand, the operand goes between. */
    private void denominator(boolean partial, Tok d0, int denOpen, int denClose, Runnable operand) {
        int end = at;
        StringBuilder wrt = new StringBuilder();
        at = partial ? denOpen + 2 : denOpen + 1;
        Tok first = tok(at);
        if (!partial) {
            if (d0.text().length() == 1) at++;
        }
        int after = at;
        Out saved = null;
        String wrtName;
        if (!partial && d0.text().length() > 1) {
            // dW_7: the name is the rest of the word, with what follows it
            at = denOpen + 1;
            wrtName = nameFromWord(d0, 1);
        } else {
            at = after;
            wrtName = nameOnLeft();
        }
        if (wrtName == null || at != denClose) {
            throw new Mistake("a derivative is taken with respect to one name", first.start(), tok(denClose).end());
        }
        wrt.append(wrtName);
        if (operand != null) {
            at = denClose + 1;
            operand.run();
            out.put(")/d(" + wrt + ")", tok(denOpen).start(), tok(denClose).end());
        } else {
            out.put(")/d(" + wrt + ")", tok(denOpen).start(), tok(denClose).end());
            at = end;
        }
    }

    /** A word such as dLoss read as d and the name Loss. */
    private void splitWord(Tok w) {
        String name = nameFromWord(w, 1);
        out.put(name, w.start() + 1, tok(at - 1).end());
    }

    /** The name that starts with w.text() from index skip on, with its subscript and superscript. */
    private String nameFromWord(Tok w, int skip) {
        next();
        String base = w.text().substring(skip);
        return base + scripts(base, true);
    }

    private void matrixLiteral(Tok open) {
        next();
        out.put("[", open);
        int close = closing(at - 1, "[", "]");
        boolean firstEntry = true;
        while (at < close) {
            Tok t = peek();
            if (t.command(" ") || t.command(",") || t.command(";") || t.command("quad") || t.is(",") || t.is("&")) {
                next();
                continue;
            }
            if (t.is(";") || t.command("\\")) {
                next();
                out.put("; ", t);
                firstEntry = true;
                continue;
            }
            if (!firstEntry) out.put(", ", t.start(), t.start());
            int stop = entryEnd(close);
            expression(stop);
            firstEntry = false;
        }
        closeAt(close, "]");
    }

    /** An entry of [1\ H_2] ends at a separator: '\ ', ',', ';', '&' or '\\' at the top level. */
    private int entryEnd(int close) {
        int depth = 0;
        for (int i = at; i < close; i++) {
            Tok t = tok(i);
            if (t.is("(") || t.is("{") || t.is("[")) depth++;
            if (t.is(")") || t.is("}") || t.is("]")) depth--;
            if (depth == 0 && (t.command(" ") || t.is(",") || t.is(";") || t.is("&") || t.command("\\") || t.command("quad"))) return i;
        }
        return close;
    }

    /** \begin{bmatrix} a & b \\ c & d \end{bmatrix} */
    private void environment(Tok begin) {
        next();
        Tok name = groupWord();
        int endAt = -1;
        for (int i = at; i < toks.size(); i++) {
            if (tok(i).command("end")) {
                endAt = i;
                break;
            }
        }
        if (!name.text().endsWith("matrix") || endAt < 0) {
            throw new Mistake("only matrices (\\begin{bmatrix} ... \\end{bmatrix}) are read here", begin.start(), name.end());
        }
        out.put("[", begin);
        boolean firstEntry = true;
        while (at < endAt) {
            Tok t = peek();
            if (t.is("&") || t.command(" ") || t.command(",")) {
                next();
                continue;
            }
            if (t.command("\\")) {
                next();
                out.put("; ", t);
                firstEntry = true;
                continue;
            }
            if (!firstEntry) out.put(", ", t.start(), t.start());
            expression(entryEnd(endAt));
            firstEntry = false;
        }
        at = endAt + 1;
        Tok closeName = groupWord();
        out.put("]", closeName);
    }

    // ---- names

    /** A name: letters with a subscript (W_{1x} is W1x), an accent (\hat{y} is yhat), a font; a call if a function follows. */
    private void nameOrCall() {
        Tok t = peek();
        String c = t.kind() == Kind.COMMAND ? t.text() : null;
        if (c != null && FUNCTIONS.containsKey(c)) {
            next();
            function(FUNCTIONS.get(c), t);
            return;
        }
        if (c != null && (c.equals("text") || c.equals("operatorname") || c.equals("mathrm"))) {
            int close = matching(at + 1);
            String word = raw(at + 2, close).replace("\\_", "_");
            int open = at + 1;
            at = close + 1;
            String primes = "";
            while (word.endsWith("'")) {
                word = word.substring(0, word.length() - 1);
                primes += "'";
            }
            while (peek().is("'")) {
                next();
                primes += "'";
            }
            String fn = functionName(word);
            if (fn != null && (peek().is("(") || peek().command("left"))) {
                function(fn + primes, tok(open));
                return;
            }
            String name = word + scripts(word, false);
            out.put(name + primes, t.start(), tok(at - 1).end());
            return;
        }
        Tok first = peek();
        String name = nameOnLeft();
        if (name == null) throw new Mistake("expected a name", first.start(), first.end());
        String primes = "";
        while (peek().is("'") && functionName(name) != null) {
            next();
            primes += "'";
        }
        String fn = functionName(name);
        if (fn != null && !knownNames.contains(name) && (peek().is("(") || peek().command("left"))) {
            function(fn + primes, first);
            return;
        }
        out.put(name + primes, first.start(), tok(at - 1).end());
    }

    /** The function a word names (RELU is relu), or null. */
    private String functionName(String word) {
        if (userFunctions.contains(word)) return word;
        List<String> all = Functions.allNames();
        if (all.contains(word)) return word;
        String lower = word.toLowerCase(Locale.ROOT);
        return all.contains(lower) ? lower : null;
    }

    /** f(args), f\left( args \right), or f x for a function written before its argument (\log x). */
    private void function(String fname, Tok at0) {
        while (peek().is("'")) {
            next();
            fname += "'";
        }
        out.put(fname + "(", at0);
        skipSizing();
        if (peek().is("(")) {
            int close = closing(at, "(", ")");
            next();
            while (true) {
                expression(close);
                if (at < close && peek().is(",")) {
                    out.put(", ", next());
                    continue;
                }
                break;
            }
            closeAt(close, ")");
        } else {
            factor(Integer.MAX_VALUE);
            out.put(")", tok(at - 1));
        }
    }

    /**
     * A name as written on the left of '=' or '\in' (and as a value): letters or a Greek letter,
     * under an accent or a font, then a subscript and a superscript that belongs to the name.
     */
    private String nameOnLeft() {
        skipIgnored();
        Tok t = peek();
        String base;
        boolean onLeft = true;
        if (t.kind() == Kind.WORD) {
            next();
            base = t.text();
            // H1 written without a subscript is the name H1, as in the plain syntax
            if (peek().kind() == Kind.NUMBER && peek().start() == t.end() && peek().text().chars().allMatch(Character::isDigit)) {
                base += next().text();
            }
        } else if (t.kind() == Kind.COMMAND && GREEK.contains(t.text())) {
            next();
            base = t.text();
        } else if (t.kind() == Kind.COMMAND && (ACCENTS.contains(t.text()) || FONTS.contains(t.text()))) {
            next();
            int close = matching(at);
            at++;
            String inner = nameOnLeft();
            if (inner == null || at != close) throw new Mistake("expected a name inside \\" + t.text() + "{...}", t.start(), t.end());
            at = close + 1;
            base = ACCENTS.contains(t.text()) ? inner + accent(t.text()) : inner;
        } else {
            return null;
        }
        return base + scripts(base, onLeft && isLeftSide());
    }

    /** Whether the parser is still on the left of '=' or '\in' (there a superscript is part of the name). */
    private boolean isLeftSide() {
        for (int i = 0; i < at; i++) {
            if (tok(i).is("=") || tok(i).command("in")) return false;
        }
        return true;
    }

    private static String accent(String a) {
        return switch (a) {
            case "hat", "widehat" -> "hat";
            case "bar", "overline" -> "bar";
            case "tilde", "widetilde" -> "tilde";
            case "dot" -> "dot";
            default -> "";
        };
    }

    /** _1, _{1x}, ^{x}: the parts of a name after its letters. A digit superscript is part of it where the file names it so. */
    private String scripts(String base, boolean leftSide) {
        StringBuilder name = new StringBuilder();
        for (int round = 0; round < 2; round++) {
            if (peek().is("_")) {
                Tok u = next();
                String sub = scriptText(u);
                if (sub.contains(",")) {
                    throw new Mistake("index notation (w_{i,j}) is not read: write the matrix as one name and its"
                            + " products as matrix products (W x)", u.start(), tok(at - 1).end());
                }
                name.append(sub);
            } else if (peek().is("^")) {
                int save = at;
                Tok hat = next();
                String sup = scriptText(hat);
                String plain = sup.replace("(", "").replace(")", "");
                boolean transpose = TRANSPOSES.contains(sup) || sup.equals("\\top") || sup.equals("\\intercal");
                boolean letters = !plain.isEmpty() && plain.chars().allMatch(Character::isLetterOrDigit)
                        && plain.chars().anyMatch(Character::isLetter);
                boolean digits = !plain.isEmpty() && plain.chars().allMatch(Character::isDigit);
                boolean known = knownNames.contains(base + name + plain);
                if (!transpose && (letters || (digits && (leftSide || known || sup.startsWith("("))))) {
                    name.append(plain);
                } else {
                    at = save;
                    return name.toString();
                }
            } else {
                break;
            }
        }
        return name.toString();
    }

    /** The text of a script: one character, or a group {...} (with \text{...} inside read as its letters). */
    private String scriptText(Tok mark) {
        Tok t = next();
        if (t.is("{")) {
            int close = matching(at - 1);
            String s = raw(at, close);
            at = close + 1;
            return s.replace("\\text", "").replace("\\mathrm", "").replace("{", "").replace("}", "").replace(" ", "");
        }
        if (t.kind() == Kind.COMMAND) return "\\" + t.text();
        if (t.kind() == Kind.END) throw new Mistake("expected something after " + mark.text(), mark.start(), mark.end());
        if (t.kind() == Kind.WORD && t.text().length() > 1) {
            // W_ab is W_a b in LaTeX; only the first letter is the script
            throw new Mistake("write a subscript of several letters in braces: _{" + t.text() + "}", t.start(), t.end());
        }
        return t.text();
    }

    // ---- helpers

    /** The token at i; past either end, the END token, so a short statement reads as ending early. */
    private Tok tok(int i) {
        return toks.get(Math.max(0, Math.min(i, toks.size() - 1)));
    }

    private Tok peek() {
        return tok(Math.min(at, toks.size() - 1));
    }

    private Tok next() {
        Tok t = peek();
        if (at < toks.size() - 1) at++;
        return t;
    }

    private void skipIgnored() {
        while (peek().kind() == Kind.COMMAND && IGNORED.contains(peek().text())) next();
    }

    private void skipSizing() {
        while (peek().kind() == Kind.COMMAND && IGNORED.contains(peek().text()) && !peek().text().equals("left")) next();
        if (peek().command("left")) next();
    }

    private void expectEnd() {
        skipIgnored();
        Tok t = peek();
        if (t.kind() != Kind.END) throw new Mistake("cannot read the LaTeX from here on", t.start(), tok(toks.size() - 1).start());
    }

    /** A trailing comma or full stop ends the sentence the formula sits in; it is no part of it. */
    private void dropTrailingPunctuation() {
        int last = toks.size() - 2;
        while (last >= at && (tok(last).is(",") || tok(last).is(".") || tok(last).command("\\")
                || tok(last).command(",") || tok(last).command(";"))) {
            Tok end = tok(last + 1);
            toks.set(last, new Tok(Kind.END, "", tok(last).start(), end.end()));
            toks.subList(last + 1, toks.size()).clear();
            last--;
        }
    }

    /** {word} after a command: \mathbb{R}, \begin{bmatrix}. */
    private Tok groupWord() {
        Tok open = next();
        if (!open.is("{")) throw new Mistake("expected {", open.start(), open.end());
        Tok w = next();
        Tok close = next();
        if (!close.is("}")) throw new Mistake("expected }", close.start(), close.end());
        return w;
    }

    /** Reads a {group} as an expression, in parentheses where it needs them. */
    private void group() {
        Tok open = peek();
        if (!open.is("{")) {
            factor(Integer.MAX_VALUE);
            return;
        }
        int close = matching(at);
        next();
        expression(close);
        if (at != close) throw new Mistake("cannot read this group", tok(at).start(), tok(close).end());
        at = close + 1;
    }

    private void closeAt(int close, String text) {
        if (at != close) throw new Mistake("cannot read the LaTeX from here on", tok(at).start(), tok(close).end());
        out.put(text, tok(close));
        at = close + 1;
    }

    private int matching(int open) {
        return LatexBrackets.matching(toks, open);
    }

    private int closing(int open, String opener, String closer) {
        return LatexBrackets.closing(toks, open, opener, closer);
    }

    private int topLevel(String symbol) {
        return LatexBrackets.nextTopLevel(toks, symbol, 0);
    }

    private int nextTopLevel(String symbol, int from) {
        return LatexBrackets.nextTopLevel(toks, symbol, from);
    }

    private int lastTopLevel(String symbol) {
        return LatexBrackets.lastTopLevel(toks, symbol);
    }

    private int indexOf(java.util.function.Predicate<Tok> p) {
        for (int i = 0; i < toks.size(); i++) if (p.test(tok(i))) return i;
        return -1;
    }

    /** The LaTeX between two tokens, as written. */
    private String raw(int from, int to) {
        if (from >= to) return "";
        return source.substring(tok(from).start(), tok(to - 1).end()).strip();
    }
}
