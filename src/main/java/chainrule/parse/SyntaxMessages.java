package chainrule.parse;

import chainrule.expr.Builtin;
import chainrule.grammar.ChainRuleLexer;
import chainrule.grammar.ChainRuleParser;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The first syntax error of a statement, in the words a user of chainrule needs instead of
 * ANTLR's "mismatched input ... expecting {...}". It looks at the token where parsing failed,
 * the tokens around it and the rule being read, and names the common mistakes: a missing
 * operand or operator, a doubled operator, a statement cut short, a malformed shape, habits
 * from MATLAB and NumPy.
 */
final class SyntaxMessages {
    private static final Set<String> BINARY = Set.of("+", "-", "*", "/", "./", ".*", "^", ".^",
            "\u00B7", "\u22C5", "\u2299", "\u2218");
    private static final String SHAPE_FORMS = "a shape is written 3, 3 x 2, m x n, n+1 x 1 or scalar";

    private SyntaxMessages() {}

    /** A message and whether it points at the token before the failing one (something is missing after it). */
    private record Message(String text, boolean atPrevious) {
        static Message here(String text) {
            return new Message(text, false);
        }

        static Message before(String text) {
            return new Message(text, true);
        }
    }

    /**
     * What is known where parsing failed: the token there ({@code at}, the end of the statement
     * when it is EOF), the one before ({@code prev}, null at the start), the one after, the rule
     * being read, what the parser would have taken (null when it cannot say), and a few facts
     * about the statement.
     */
    private record Failure(Token at, Token prev, Token next, ParserRuleContext ctx, IntervalSet expected,
                           boolean afterWrt, boolean hasWrt, boolean hasEquals, boolean colonLater, boolean inSquare,
                           String firstName, String primed) {

        static Failure of(Parser parser, Token at, RecognitionException e) {
            TokenStream in = parser.getInputStream();
            int i = at.getTokenIndex();
            ParserRuleContext ctx = e != null && e.getCtx() instanceof ParserRuleContext c ? c : parser.getContext();
            // past the end of a whole statement: the statement read so far tells what was meant
            if (ctx instanceof ChainRuleParser.LoneContext lone && lone.statement() != null) ctx = lone.statement();
            boolean afterWrt = false, hasWrt = false, hasEquals = false, colonLater = false;
            Deque<Integer> open = new ArrayDeque<>();
            for (int k = 0; k < in.size() && in.get(k).getType() != Token.EOF; k++) {
                Token t = in.get(k);
                hasWrt |= t.getType() == ChainRuleLexer.WRT;
                hasEquals |= t.getText().equals("=");
                if (k < i) {
                    afterWrt |= t.getType() == ChainRuleLexer.WRT;
                    if (t.getType() == ChainRuleLexer.LPAREN || t.getType() == ChainRuleLexer.LBRACK) open.push(t.getType());
                    else if ((t.getType() == ChainRuleLexer.RPAREN || t.getType() == ChainRuleLexer.RBRACK) && !open.isEmpty()) open.pop();
                } else if (k > i) {
                    colonLater |= t.getText().equals(":");
                }
            }
            boolean inSquare = !open.isEmpty() && open.peek() == ChainRuleLexer.LBRACK;
            IntervalSet expected = e instanceof NoViableAltException ? null : SyntaxMessages.expected(parser, e);
            Token prev = i > 0 ? in.get(i - 1) : null, next = i + 1 < in.size() ? in.get(i + 1) : null;
            String firstName = in.size() > 1 && in.get(1).getType() == ChainRuleLexer.ID ? in.get(1).getText() : "g";
            // relu′ without its argument: the function and its primes
            String primed = null;
            if (prev != null && prev.getType() == ChainRuleLexer.PRIME) {
                int k = i - 1;
                while (k > 0 && (in.get(k).getType() == ChainRuleLexer.PRIME || in.get(k).getText().equals("'"))) k--;
                StringBuilder name = new StringBuilder();
                for (int j = k; j < i; j++) name.append(in.get(j).getText());
                primed = name.toString();
            }
            return new Failure(at, prev, next, ctx, expected, afterWrt, hasWrt, hasEquals, colonLater, inSquare, firstName,
                    primed);
        }

        boolean end() {
            return at.getType() == Token.EOF;
        }

        /** The token where it failed, as written. */
        String t() {
            return text(at);
        }

        /** The token before, as written ("" at the start of the statement). */
        String p() {
            return prev == null ? "" : text(prev);
        }

        boolean within(Class<? extends ParserRuleContext> kind) {
            for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
                if (kind.isInstance(c)) return true;
            }
            return false;
        }

        boolean prevWantsOperand() {
            return prev != null && wantsOperand(prev);
        }
    }

    static Problem problem(SourceFile source, Places places, Parser parser, Token at, RecognitionException e) {
        Failure f = Failure.of(parser, at, e);
        Message m = message(f);
        Span span;
        if (m.atPrevious() && f.prev() != null) span = places.span(f.prev());
        else if (f.end() && f.prev() != null) span = places.after(f.prev());
        else span = places.span(at);
        return new Problem(ErrorKind.SYNTAX, source, span, m.text());
    }

    private static IntervalSet expected(Parser parser, RecognitionException e) {
        try {
            return e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static Message message(Failure f) {
        if (f.at().getType() == ChainRuleLexer.ERRCHAR) return Message.here(unexpectedCharacter(f));
        if (f.prev() != null && f.prev().getType() == ChainRuleLexer.ID && f.at().getType() == ChainRuleLexer.ID && f.colonLater()) {
            return Message.here("separate the names of a declaration with commas: " + f.p() + ", " + f.t() + " : ...");
        }
        if (f.within(ChainRuleParser.DeriveContext.class) && !f.hasWrt() && !f.prevWantsOperand()) {
            return Message.here("missing 'wrt' and the names to differentiate with respect to, as in derive L wrt W");
        }
        if (f.within(ChainRuleParser.ClaimContext.class) && !f.hasEquals() && !f.prevWantsOperand()) {
            return Message.here("a claim says what a derivative equals: claim d(L)/d(W) = expression");
        }
        if (f.within(ChainRuleParser.VarDeclContext.class) || f.within(ChainRuleParser.ShapeSpecContext.class)) return shape(f);
        if (f.within(ChainRuleParser.FunDeclContext.class)) {
            return Message.here("a function is declared as 'fun " + f.firstName() + " : scalar' or 'fun " + f.firstName()
                    + " : elementwise'");
        }
        if (f.afterWrt() && f.within(ChainRuleParser.DeriveContext.class)) return wrt(f);
        if (f.primed() != null) {
            return Message.here("missing the argument of " + printable(f.primed()) + ": write " + printable(f.primed()) + "(x)");
        }
        return f.end() ? atEnd(f) : inside(f);
    }

    // ---- the statement ends too early

    private static Message atEnd(Failure f) {
        String p = f.p();
        if (p.equals("^") || p.equals(".^")) return Message.before("missing the exponent after '" + p + "'");
        if (f.prevWantsOperand()) return Message.before("missing an expression after '" + p + "'");
        return Message.before("the statement ends too early after '" + p + "'" + expecting(f.expected()));
    }

    // ---- something unexpected inside a statement

    private static Message inside(Failure f) {
        String t = f.t(), p = f.p();
        Token at = f.at(), prev = f.prev();
        if (prev == null) {
            return Message.here("a statement cannot start with '" + t + "'; write name = expression, name : shape,"
                    + " derive ... wrt ..., or claim ... = ...");
        }
        if (wantsOperand(prev) && !startsValue(at) && !t.equals("-")) {
            if (p.equals("=") && t.equals("=")) return Message.here("'==' is not an operator: write a single '='");
            if (p.equals("*") && t.equals("*")) {
                return Message.here("'**' is not an operator: write ^ for a power of a scalar, .^ for an elementwise power");
            }
            if (p.equals("^") || p.equals(".^")) return Message.here("expected the exponent after '" + p + "', found '" + t + "'");
            return Message.here("expected an expression after '" + p + "', found '" + t + "'");
        }
        if (endsValue(prev) && startsValue(at)) return missingOperator(f);
        if (t.equals(";")) {
            return Message.here("';' separates the rows of a matrix inside [ ]; a statement ends at the end of its line");
        }
        if (t.equals("=") && (p.equals("dim") || p.equals("axis"))) {
            return Message.here("no keyword arguments: the dimension is the second argument, counted from 1 as in MATLAB:"
                    + " 1 each column, 2 each row (PyTorch's dim=0 and dim=1, NumPy's axis=0 and axis=1)");
        }
        if (t.equals("=")) {
            return f.within(ChainRuleParser.DefinitionContext.class)
                    ? Message.here("a definition has one '='; only a claim chains expressions with '='")
                    : Message.here("unexpected '=': a definition is written name = expression, with a single name on the left");
        }
        if (t.equals(",")) {
            return Message.here("unexpected ',': a comma separates the arguments of a function, the entries of [a, b]"
                    + " or the names of a declaration");
        }
        if (t.equals(":")) {
            return Message.here(f.inSquare()
                    ? "unexpected ':': an index is a position or a range from:to, as in A[2:end, :]"
                    : "unexpected ':': a declaration is written name : shape, as in W : 3 x 2");
        }
        if (at.getType() == ChainRuleLexer.TIMES) {
            return Message.here("'\u00D7' separates the dimensions of a declaration; write * for a product");
        }
        return Message.here("unexpected '" + t + "' after '" + p + "'" + expecting(f.expected()));
    }

    /** Two operands side by side: 2x, relu x, [1 2 3]. */
    private static Message missingOperator(Failure f) {
        String t = f.t(), p = f.p();
        if (f.prev().getType() == ChainRuleLexer.ID && isFunction(p) && f.at().getType() != ChainRuleLexer.LPAREN) {
            return Message.here("missing the parentheses of " + p + ": write " + p + "(" + t + ")");
        }
        String between = "missing an operator between '" + p + "' and '" + t + "'";
        if (f.inSquare()) return Message.here(between + "; the entries of [ ] are separated by commas, as in [a, b]");
        boolean simple = isOperand(f.prev()) && isOperand(f.at()) && p.length() + t.length() < 30;
        return Message.here(between + (simple ? "; for a product write " + p + "*" + t : "; write * for a product"));
    }

    // ---- declarations and derive requests

    private static Message shape(Failure f) {
        String p = f.p();
        boolean end = f.end();
        if (p.equals(",")) {
            return Message.before("expected a name after ',', found " + (end ? f.t() : "'" + f.t() + "'")
                    + "; several names are declared as W, V : n x n");
        }
        if (end && p.equals(":")) return Message.before("missing the shape after ':'; " + SHAPE_FORMS);
        if (end && (p.equals("+") || p.equals("-") || p.equals("*"))) {
            return Message.before("the dimension is cut short after '" + p + "'; " + SHAPE_FORMS);
        }
        if (end && isTimes(p)) return Message.before("missing the second dimension after '" + p + "'");
        if (end) return Message.before("the declaration is cut short after '" + p + "'; " + SHAPE_FORMS);
        if (isTimes(p)) return Message.here("a shape has at most two dimensions, rows x columns");
        return Message.here("unexpected '" + f.t() + "' in the shape; " + SHAPE_FORMS);
    }

    private static Message wrt(Failure f) {
        String p = f.p(), t = f.t();
        if (f.end()) return Message.before("missing a name after '" + p + "': derive L wrt W, or derive L wrt W1, b1 for several");
        if (f.prev().getType() == ChainRuleLexer.WRT || p.equals(",")) {
            return Message.here("expected a name after '" + p + "', found '" + t + "': a derivative is taken"
                    + " with respect to names, as in derive L wrt W1, b1");
        }
        if (startsValue(f.at())) return Message.here("separate the names after 'wrt' with commas: wrt " + p + ", " + t);
        return Message.here("unexpected '" + t + "': after 'wrt' come names separated by commas, as in derive L wrt W1, b1");
    }

    private static final java.util.Set<String> MODULES = java.util.Set.of("np", "numpy", "torch", "tf", "F", "jnp", "math");

    /** np.maximum(a, b) and friends: the function without its module, in chainrule's spelling. */
    private static String modulePrefix(String module, String function) {
        String instead = switch (function) {
            case "dot" -> "dot(a, b) for a dot product, A*B for a matrix product";
            case "matmul", "mm" -> "A*B for a matrix product";
            case "multiply", "mul" -> "a .* b for an elementwise product";
            case "maximum" -> "max(a, b)";
            case "minimum" -> "min(a, b)";
            case "transpose" -> "A' for a transpose";
            case "clamp" -> "clip(x, lo, hi)";
            default -> isFunction(function) ? function + "(...)" : null;
        };
        String without = ": functions are written without the '" + module + ".' prefix";
        return instead == null ? without : without + "; write " + instead;
    }

    private static final String LATEX = ": this looks like LaTeX, which is read on a line inside $...$ or in a .tex file";

    private static String unexpectedCharacter(Failure f) {
        String c = f.at().getText(), next = f.next() == null ? "" : f.next().getText();
        String hint = switch (c) {
            case "." -> next.equals("T") ? ": write W' or W\u1D40 for a transpose"
                    : f.prev() != null && MODULES.contains(f.prev().getText()) ? modulePrefix(f.prev().getText(), next)
                    : ": '.' only starts .* ./ .^ or a number such as .5; write dot(a, b) for a dot product";
            case "@" -> ": write * for a matrix product";
            case "\u00B2" -> ": write ^2 for a scalar, .^2 elementwise";
            case "\u00B3" -> ": write ^3 for a scalar, .^3 elementwise";
            case "\"" -> ": chainrule has no strings; a comment starts with #";
            case "!", "&", "|", "<", ">" -> ": chainrule has no logical operators or comparisons";
            case "{", "}" -> f.prev() != null && (f.prev().getText().endsWith("_") || f.prev().getText().equals("^")) ? LATEX
                    : ": group with ( ), build matrices with [ ]";
            case "\\" -> LATEX;
            case "\u2211" -> ": write sum(...)";
            case "\u221A" -> ": write sqrt(...)";
            case "\u2212", "\u2013", "\u2014" -> ": a dash or a typeset minus sign; write -";
            case "\u2217", "\u22C6" -> ": write * for a product";
            default -> Character.getType(c.codePointAt(0)) == Character.FORMAT
                    ? ": an invisible character (copied from a document?); delete it" : "";
        };
        return "unexpected character '" + printable(c) + "'" + hint;
    }

    // ---- tokens

    /** A token after which an operand must come. */
    private static boolean wantsOperand(Token t) {
        String s = t.getText();
        return BINARY.contains(s) || s.equals("=") || s.equals(",") || s.equals(";") || s.equals("(") || s.equals("[")
                || t.getType() == ChainRuleLexer.DERIVE || t.getType() == ChainRuleLexer.CLAIM
                || t.getType() == ChainRuleLexer.PARTIAL;
    }

    /** A token that can begin an operand ('-' aside, which is also an operator). */
    private static boolean startsValue(Token t) {
        return switch (t.getType()) {
            case ChainRuleLexer.ID, ChainRuleLexer.NUMBER, ChainRuleLexer.D, ChainRuleLexer.DNAME, ChainRuleLexer.END, ChainRuleLexer.HESSIAN,
                 ChainRuleLexer.PARTIAL, ChainRuleLexer.LPAREN, ChainRuleLexer.LBRACK -> true;
            default -> false;
        };
    }

    /** A token that can end an operand. */
    private static boolean endsValue(Token t) {
        return switch (t.getType()) {
            case ChainRuleLexer.ID, ChainRuleLexer.NUMBER, ChainRuleLexer.D, ChainRuleLexer.DNAME, ChainRuleLexer.END, ChainRuleLexer.HESSIAN,
                 ChainRuleLexer.RPAREN, ChainRuleLexer.RBRACK, ChainRuleLexer.TRANSPOSE_T, ChainRuleLexer.SUPER_T -> true;
            default -> t.getText().equals("'");
        };
    }

    /** A name or a number: "2x" reads well as 2*x, "2 (x" does not as 2*(. */
    private static boolean isOperand(Token t) {
        return t.getType() == ChainRuleLexer.ID || t.getType() == ChainRuleLexer.NUMBER;
    }

    private static boolean isTimes(String s) {
        return s.equals("x") || s.equals("\u00D7");
    }

    private static boolean isFunction(String name) {
        return Builtin.named(name).isPresent() || chainrule.expr.Functions.named(name).isPresent();
    }

    /** "; expected ')', ',' or an operator" when the list is short enough to help. */
    private static String expecting(IntervalSet set) {
        if (set == null) return "";
        List<Integer> types = set.toList();
        boolean expression = types.contains(ChainRuleLexer.ID) && types.contains(ChainRuleLexer.NUMBER)
                && types.contains(ChainRuleLexer.LPAREN);
        boolean operator = types.contains(literal("+")) && types.contains(literal("*"));
        Set<String> words = new LinkedHashSet<>();
        for (int type : types) words.add(word(type, expression, operator));
        if (words.isEmpty() || words.size() > 5) return "";
        List<String> list = new ArrayList<>(words);
        String last = list.remove(list.size() - 1);
        return "; expected " + (list.isEmpty() ? last : String.join(", ", list) + " or " + last);
    }

    /** A token type in words; the starts of an expression are "an expression", the operators "an operator". */
    private static String word(int type, boolean expression, boolean operator) {
        return switch (type) {
            case Token.EOF, ChainRuleLexer.NL -> "the end of the line";
            case ChainRuleLexer.ID, ChainRuleLexer.D, ChainRuleLexer.DNAME, ChainRuleLexer.END, ChainRuleLexer.HESSIAN ->
                    expression ? "an expression" : "a name";
            case ChainRuleLexer.NUMBER, ChainRuleLexer.PARTIAL, ChainRuleLexer.LPAREN ->
                    expression ? "an expression" : literalOrName(type);
            case ChainRuleLexer.LBRACK -> expression ? "an expression" : operator ? "an operator" : literalOrName(type);
            default -> {
                String lit = ChainRuleParser.VOCABULARY.getLiteralName(type);
                String bare = lit == null ? "" : lit.substring(1, lit.length() - 1);
                if (expression && bare.equals("-")) yield "an expression";
                if (operator && (BINARY.contains(bare) || bare.equals("'") || type == ChainRuleLexer.TRANSPOSE_T
                        || type == ChainRuleLexer.SUPER_T || type == ChainRuleLexer.DOT || type == ChainRuleLexer.ODOT
                        || type == ChainRuleLexer.CIRC)) {
                    yield "an operator";
                }
                yield literalOrName(type);
            }
        };
    }

    private static int literal(String text) {
        for (int type = 1; type <= ChainRuleParser.VOCABULARY.getMaxTokenType(); type++) {
            if (("'" + text + "'").equals(ChainRuleParser.VOCABULARY.getLiteralName(type))) return type;
        }
        return -1;
    }

    private static String literalOrName(int type) {
        return switch (type) {
            case ChainRuleLexer.NUMBER -> "a number";
            case ChainRuleLexer.ID, ChainRuleLexer.DNAME -> "a name";
            default -> {
                String lit = ChainRuleParser.VOCABULARY.getLiteralName(type);
                yield lit == null ? ChainRuleParser.VOCABULARY.getDisplayName(type) : printable(lit);
            }
        };
    }

    private static String text(Token t) {
        return t.getType() == Token.EOF ? "the end of the line" : printable(t.getText());
    }

    /** Control characters escaped, long text cut: a message stays one readable line. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> {
            if (c < 32 || c == 127 || (c >= 0x80 && c < 0xA0) || c == 0xFFFD || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (s.codePointCount(0, s.length()) > 40) out.append("...");
        return out.toString();
    }
}
