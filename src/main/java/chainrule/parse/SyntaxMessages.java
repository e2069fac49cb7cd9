package chainrule.parse;

import chainrule.expr.Builtin;
import chainrule.grammar.ChainRuleLexer;
import chainrule.grammar.ChainRuleParser;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
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
 * the token before it and the rule being read, and names the common mistakes: a missing
 * operand or operator, a doubled operator, a statement cut short, a malformed shape.
 */
final class SyntaxMessages {
    private static final Set<String> BINARY = Set.of("+", "-", "*", "/", "./", ".*", "^", ".^",
            "\u00B7", "\u22C5", "\u2299", "\u2218");
    /** Functions that are not elementwise (the shape stage has the full table). */
    private static final Set<String> FUNCTIONS = Set.of("softmax", "log_softmax", "logsumexp", "sum", "mean", "norm",
            "tr", "det", "logdet", "inv", "dot", "diag", "kron", "vec", "eye", "ones", "zeros");
    private static final String SHAPE_FORMS = "a shape is written 3, 3 x 2, m x n, n+1 x 1 or scalar";

    private SyntaxMessages() {}

    /** A message and whether it points at the token before the failing one (something missing after it). */
    private record Message(String text, boolean atPrevious) {
        static Message here(String text) {
            return new Message(text, false);
        }

        static Message before(String text) {
            return new Message(text, true);
        }
    }

    static Problem problem(SourceFile source, Places places, Parser parser, Token at, RecognitionException e) {
        TokenStream in = parser.getInputStream();
        int i = at.getTokenIndex();
        Token prev = i > 0 ? in.get(i - 1) : null;
        ParserRuleContext ctx = e != null && e.getCtx() instanceof ParserRuleContext c ? c : parser.getContext();
        // past the end of a whole statement: the statement read so far tells what was meant
        if (ctx instanceof ChainRuleParser.LoneContext lone && lone.statement() != null) ctx = lone.statement();
        boolean colonLater = false;
        for (int k = i + 1; k < in.size() && in.get(k).getType() != Token.EOF; k++) colonLater |= in.get(k).getText().equals(":");
        boolean afterWrt = false;
        for (int k = 0; k < i; k++) afterWrt |= in.get(k).getType() == ChainRuleLexer.WRT;
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int k = 0; k < i; k++) {
            int type = in.get(k).getType();
            if (type == ChainRuleLexer.LPAREN || type == ChainRuleLexer.LBRACK) open.push(type);
            else if ((type == ChainRuleLexer.RPAREN || type == ChainRuleLexer.RBRACK) && !open.isEmpty()) open.pop();
        }
        boolean inSquare = !open.isEmpty() && open.peek() == ChainRuleLexer.LBRACK;
        boolean hasWrt = afterWrt, hasEquals = false;
        for (int k = 0; k < in.size() && in.get(k).getType() != Token.EOF; k++) {
            hasWrt |= in.get(k).getType() == ChainRuleLexer.WRT;
            hasEquals |= in.get(k).getText().equals("=");
        }
        IntervalSet expected = e instanceof NoViableAltException ? null : expected(parser, e);
        Message m;
        if (prev != null && prev.getType() == ChainRuleLexer.ID && at.getType() == ChainRuleLexer.ID && colonLater) {
            m = Message.here("separate the names of a declaration with commas: " + text(prev) + ", " + text(at) + " : ...");
        } else if (inside(ctx, ChainRuleParser.DeriveContext.class) && !hasWrt && !(prev != null && wantsOperand(prev))) {
            m = Message.here("missing 'wrt' and the names to differentiate with respect to, as in derive L wrt W");
        } else if (inside(ctx, ChainRuleParser.ClaimContext.class) && !hasEquals && !(prev != null && wantsOperand(prev))) {
            m = Message.here("a claim says what a derivative equals: claim d(L)/d(W) = expression");
        } else {
            m = message(in, at, prev, ctx, expected, afterWrt, inSquare);
        }
        Span span;
        if (m.atPrevious() && prev != null) span = places.span(prev);
        else if (at.getType() == Token.EOF && prev != null) span = places.after(prev);
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

    private static Message message(TokenStream in, Token at, Token prev, ParserRuleContext ctx, IntervalSet expected,
                                   boolean afterWrt, boolean inSquare) {
        if (at.getType() == ChainRuleLexer.ERRCHAR) {
            Token next = at.getTokenIndex() + 1 < in.size() ? in.get(at.getTokenIndex() + 1) : null;
            return Message.here(unexpectedCharacter(at.getText(), next == null ? "" : next.getText()));
        }
        boolean end = at.getType() == Token.EOF;
        String p = prev == null ? null : text(prev);
        if (inside(ctx, ChainRuleParser.VarDeclContext.class) || inside(ctx, ChainRuleParser.ShapeSpecContext.class)) {
            return shape(at, prev, end);
        }
        if (inside(ctx, ChainRuleParser.FunDeclContext.class)) {
            Token name = in.size() > 1 ? in.get(1) : null;
            String g = name != null && name.getType() == ChainRuleLexer.ID ? name.getText() : "g";
            return Message.here("a function is declared as 'fun " + g + " : scalar' or 'fun " + g + " : elementwise'");
        }
        if (afterWrt && inside(ctx, ChainRuleParser.DeriveContext.class)) return wrt(at, prev, end);
        if (end) return atEnd(prev, p, ctx, expected);
        return inside(at, prev, p, ctx, expected, inSquare);
    }

    // ---- the statement ends too early

    private static Message atEnd(Token prev, String p, ParserRuleContext ctx, IntervalSet expected) {
        if (p.equals("^") || p.equals(".^")) return Message.before("missing the exponent after '" + p + "'");
        if (wantsOperand(prev)) return Message.before("missing an expression after '" + p + "'");
        return Message.before("the statement ends too early after '" + p + "'" + expecting(expected));
    }

    // ---- something unexpected inside a statement

    private static Message inside(Token at, Token prev, String p, ParserRuleContext ctx, IntervalSet expected,
                                  boolean inSquare) {
        String t = text(at);
        if (prev == null) {
            return Message.here("a statement cannot start with '" + t + "'; write name = expression, name : shape,"
                    + " derive ... wrt ..., or claim ... = ...");
        }
        if (wantsOperand(prev) && !startsValue(at) && !t.equals("-")) {
            if (p.equals("=") && t.equals("=")) return Message.here("'==' is not an operator: write a single '='");
            if (p.equals("*") && t.equals("*")) return Message.here("'**' is not an operator: write ^ for a power of a scalar, .^ for an elementwise power");
            if (p.equals("^") || p.equals(".^")) return Message.here("expected the exponent after '" + p + "', found '" + t + "'");
            return Message.here("expected an expression after '" + p + "', found '" + t + "'");
        }
        if (endsValue(prev) && startsValue(at)) {
            if (prev.getType() == ChainRuleLexer.ID && isFunction(p) && at.getType() != ChainRuleLexer.LPAREN) {
                return Message.here("missing the parentheses of " + p + ": write " + p + "(" + text(at) + ")");
            }
            String between = "missing an operator between '" + p + "' and '" + t + "'";
            if (inSquare) return Message.here(between + "; the entries of [ ] are separated by commas, as in [a, b]");
            boolean simple = isOperand(prev) && isOperand(at) && p.length() + t.length() < 30;
            return Message.here(between + (simple ? "; for a product write " + p + "*" + t : "; write * for a product"));
        }
        if (t.equals(";")) {
            return Message.here("';' separates the rows of a matrix inside [ ]; a statement ends at the end of its line");
        }
        if (t.equals("=")) {
            return inside(ctx, ChainRuleParser.DefinitionContext.class)
                    ? Message.here("a definition has one '='; only a claim chains expressions with '='")
                    : Message.here("unexpected '=': a definition is written name = expression, with a single name on the left");
        }
        if (t.equals(",")) {
            return Message.here("unexpected ',': a comma separates the arguments of a function, the entries of [a, b]"
                    + " or the names of a declaration");
        }
        if (t.equals(":") && inSquare) {
            return Message.here("unexpected ':': an index is a position or a range from:to, as in A[2:end, :]");
        }
        if (at.getType() == ChainRuleLexer.TIMES) {
            return Message.here("'\u00D7' separates the dimensions of a declaration; write * for a product");
        }
        if (t.equals(":")) return Message.here("unexpected ':': a declaration is written name : shape, as in W : 3 x 2");
        return Message.here("unexpected '" + t + "' after '" + p + "'" + expecting(expected));
    }

    // ---- declarations and derive requests

    private static Message shape(Token at, Token prev, boolean end) {
        String p = prev == null ? "" : text(prev);
        if (p.equals(",")) {
            return Message.before("expected a name after ',', found " + (end ? "" : "'") + text(at) + (end ? "" : "'")
                    + "; several names are declared as W, V : n x n");
        }
        if (end && p.equals(":")) return Message.before("missing the shape after ':'; " + SHAPE_FORMS);
        if (end && (p.equals("+") || p.equals("-") || p.equals("*"))) {
            return Message.before("the dimension is cut short after '" + p + "'; " + SHAPE_FORMS);
        }
        if (end && isTimes(p)) return Message.before("missing the second dimension after '" + p + "'");
        if (end) return Message.before("the declaration is cut short after '" + p + "'; " + SHAPE_FORMS);
        if (isTimes(p)) return Message.here("a shape has at most two dimensions, rows x columns");
        return Message.here("unexpected '" + text(at) + "' in the shape; " + SHAPE_FORMS);
    }

    private static Message wrt(Token at, Token prev, boolean end) {
        String p = text(prev);
        if (end) return Message.before("missing a name after '" + p + "': derive L wrt W, or derive L wrt W1, b1 for several");
        if (prev.getType() == ChainRuleLexer.WRT || p.equals(",")) {
            return Message.here("expected a name after '" + p + "', found '" + text(at) + "': a derivative is taken"
                    + " with respect to names, as in derive L wrt W1, b1");
        }
        if (startsValue(at)) return Message.here("separate the names after 'wrt' with commas: wrt " + p + ", " + text(at));
        return Message.here("unexpected '" + text(at) + "': after 'wrt' come names separated by commas, as in derive L wrt W1, b1");
    }

    // ---- tokens

    private static boolean inside(ParserRuleContext ctx, Class<? extends ParserRuleContext> kind) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (kind.isInstance(c)) return true;
        }
        return false;
    }

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
            case ChainRuleLexer.ID, ChainRuleLexer.NUMBER, ChainRuleLexer.D, ChainRuleLexer.DNAME, ChainRuleLexer.END,
                 ChainRuleLexer.PARTIAL, ChainRuleLexer.LPAREN, ChainRuleLexer.LBRACK -> true;
            default -> false;
        };
    }

    /** A token that can end an operand. */
    private static boolean endsValue(Token t) {
        return switch (t.getType()) {
            case ChainRuleLexer.ID, ChainRuleLexer.NUMBER, ChainRuleLexer.D, ChainRuleLexer.DNAME, ChainRuleLexer.END,
                 ChainRuleLexer.RPAREN, ChainRuleLexer.RBRACK, ChainRuleLexer.TRANSPOSE_T, ChainRuleLexer.SUPER_T -> true;
            default -> t.getText().equals("'");
        };
    }

    private static boolean isTimes(String s) {
        return s.equals("x") || s.equals("\u00D7");
    }

    /** A name or a number: "2x" reads well as 2*x, "f (x)" does not as f*(. */
    private static boolean isOperand(Token t) {
        return t.getType() == ChainRuleLexer.ID || t.getType() == ChainRuleLexer.NUMBER;
    }

    private static boolean isFunction(String name) {
        return Builtin.named(name).isPresent() || FUNCTIONS.contains(name);
    }

    /** "; expected ')', ',' or an operator" when the list is short enough to help. */
    private static String expecting(IntervalSet set) {
        if (set == null) return "";
        Set<String> words = new LinkedHashSet<>();
        List<Integer> types = set.toList();
        boolean expression = types.contains(ChainRuleLexer.ID) && types.contains(ChainRuleLexer.NUMBER)
                && types.contains(ChainRuleLexer.LPAREN);
        boolean operator = types.contains(literal("+")) && types.contains(literal("*"));
        for (int type : types) {
            String word = switch (type) {
                case Token.EOF, ChainRuleLexer.NL -> "the end of the line";
                case ChainRuleLexer.ID, ChainRuleLexer.D, ChainRuleLexer.DNAME, ChainRuleLexer.END ->
                        expression ? "an expression" : "a name";
                case ChainRuleLexer.NUMBER, ChainRuleLexer.PARTIAL, ChainRuleLexer.LPAREN, ChainRuleLexer.LBRACK ->
                        expression ? "an expression" : literalOrName(type);
                default -> {
                    String lit = ChainRuleParser.VOCABULARY.getLiteralName(type);
                    String bare = lit == null ? "" : lit.substring(1, lit.length() - 1);
                    if (operator && (BINARY.contains(bare) || bare.equals("'") || bare.equals("[")
                            || type == ChainRuleLexer.TRANSPOSE_T || type == ChainRuleLexer.SUPER_T
                            || type == ChainRuleLexer.DOT || type == ChainRuleLexer.ODOT || type == ChainRuleLexer.CIRC)) {
                        yield "an operator";
                    }
                    if (expression && bare.equals("-")) yield "an expression";
                    yield literalOrName(type);
                }
            };
            words.add(word);
        }
        if (words.isEmpty() || words.size() > 5) return "";
        List<String> list = new ArrayList<>(words);
        String last = list.remove(list.size() - 1);
        return "; expected " + (list.isEmpty() ? last : String.join(", ", list) + " or " + last);
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

    private static String unexpectedCharacter(String c, String next) {
        String hint = switch (c) {
            case "." -> next.equals("T") ? ": write W' or W\u1D40 for a transpose"
                    : ": '.' only starts .* ./ .^ or a number such as .5; write dot(a, b) for a dot product";
            case "@" -> ": write * for a matrix product";
            case "\u00B2" -> ": write ^2 for a scalar, .^2 elementwise";
            case "\u00B3" -> ": write ^3 for a scalar, .^3 elementwise";
            case "\"" -> ": chainrule has no strings; a comment starts with #";
            case "!", "&", "|", "<", ">" -> ": chainrule has no logical operators or comparisons";
            case "{", "}" -> ": group with ( ), build matrices with [ ]";
            case "\u2212" -> ": this is a Unicode minus sign; write -";
            default -> "";
        };
        return "unexpected character '" + printable(c) + "'" + hint;
    }

    /** Control characters escaped, long text cut: a message stays one readable line. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> {
            if (c < 32 || c == 127 || (c >= 0x80 && c < 0xA0) || c == 0xFFFD || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (s.codePointCount(0, s.length()) > 40) out.append("...");
        return out.toString();
    }
}
