package chainrule.parse;

import chainrule.expr.Dim;
import chainrule.grammar.ChainRuleBaseVisitor;
import chainrule.grammar.ChainRuleParser.*;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR's parse tree into {@link Stmt}s and {@link Ast}s; problems it finds are collected. */
final class AstBuilder extends ChainRuleBaseVisitor<Object> {
    private final SourceFile source;
    private final Places places;
    private final List<Problem> problems;

    AstBuilder(SourceFile source, Places places, List<Problem> problems) {
        this.source = source;
        this.places = places;
        this.problems = problems;
    }

    private Span span(ParserRuleContext ctx) {
        return places.span(ctx);
    }

    private Span span(Token t) {
        return places.span(t);
    }

    private void problem(Span at, String message) {
        problems.add(new Problem(ErrorKind.SYNTAX, source, at, message));
    }

    Ast.Name name(NameContext ctx) {
        return new Ast.Name(ctx.getText(), span(ctx));
    }

    // ---- statements

    @Override
    public Object visitFunDecl(FunDeclContext ctx) {
        Ast.Name kind = name(ctx.name(1));
        Stmt.FunKind k = switch (kind.name()) {
            case "scalar" -> Stmt.FunKind.SCALAR;
            case "elementwise" -> Stmt.FunKind.ELEMENTWISE;
            default -> {
                problem(kind.span(), "a function is declared 'scalar' or 'elementwise', not '" + kind.name() + "'");
                yield null;
            }
        };
        return k == null ? null : new Stmt.FunDecl(name(ctx.name(0)), k, span(ctx));
    }

    @Override
    public Object visitVarDecl(VarDeclContext ctx) {
        List<Ast.Name> names = each(ctx.name(), this::name);
        ShapeSpecContext spec = ctx.shapeSpec();
        List<DimContext> dims = spec.dim();
        if (spec.times() != null && !isTimes(spec.times().getText())) {
            problem(span(spec.times()), "expected 'x' or '\u00D7' between two dimensions, found '"
                    + spec.times().getText() + "': write " + dims.get(0).getText() + " x " + dims.get(1).getText());
            return null;
        }
        // in declaration order as an EnumSet keeps them, without the reflection an EnumSet's first use costs
        Set<Stmt.Property> props = new TreeSet<>();
        List<NameContext> words = spec.name();
        for (int i = 0; i < words.size(); i++) {
            NameContext p = words.get(i);
            String text = p.getText();
            switch (text) {
                case "onehot" -> {
                    boolean rows = i + 1 < words.size() && words.get(i + 1).getText().equals("rows");
                    props.add(rows ? Stmt.Property.ONEHOT_ROWS : Stmt.Property.ONEHOT);
                    if (rows) i++;
                }
                case "binary" -> props.add(Stmt.Property.BINARY);
                case "symmetric" -> props.add(Stmt.Property.SYMMETRIC);
                case "positive" -> props.add(Stmt.Property.POSITIVE);
                default -> {
                    problem(span(p), notAProperty(text, dims));
                    return null;
                }
            }
        }
        Dim rows, cols;
        if (dims.size() == 1 && dims.get(0).getText().equals("scalar")) {
            rows = Dim.ONE;
            cols = Dim.ONE;
        } else {
            rows = dim(dims.get(0));
            cols = dims.size() > 1 ? dim(dims.get(1)) : Dim.ONE;
        }
        return new Stmt.VarDecl(names, rows, cols, props, span(ctx));
    }

    private static boolean isTimes(String s) {
        return s.equals("x") || s.equals("\u00D7");
    }

    /** A word after a shape that is not a property: often a mistyped 'x' between dimensions. */
    private static String notAProperty(String word, List<DimContext> dims) {
        if (isTimes(word) && dims.size() == 1) return "missing the second dimension after '" + word + "'";
        boolean glued = word.length() > 1 && isTimes(word.substring(0, 1));
        if (glued && dims.size() == 1) {
            String first = dims.get(0).getText(), second = word.substring(1);
            return "'" + first + word + "' needs spaces around the x: write " + first + " x " + second;
        }
        if (isTimes(word) || glued) return "a shape has at most two dimensions, rows x columns";
        return "unknown property '" + word + "': a shape may be followed by onehot, onehot rows, binary, symmetric or positive";
    }

    private Dim dim(DimContext ctx) {
        Dim total = Dim.of(0);
        List<DimTermContext> terms = ctx.dimTerm();
        for (int i = 0; i < terms.size(); i++) {
            Dim term = dimTerm(terms.get(i));
            boolean minus = i > 0 && ctx.op.get(i - 1).getText().equals("-");
            total = minus ? total.minus(term) : total.plus(term);
        }
        if (terms.size() > 1 && total.isConstant() && total.constant() < 1) {
            problem(span(ctx), "a dimension must be 1 or more, but " + ctx.getText() + " is " + total.constant());
            return Dim.ONE;
        }
        return total;
    }

    private Dim dimTerm(DimTermContext ctx) {
        if (ctx.NUMBER() != null) {
            long n = wholeNumber(ctx.NUMBER().getSymbol());
            return ctx.name() == null ? Dim.of(n) : Dim.symbol(ctx.name().getText()).times(Dim.of(n));
        }
        String s = ctx.name().getText();
        if (s.equals("scalar")) {
            problem(span(ctx), "'scalar' stands alone: write 'c : scalar'");
        }
        return Dim.symbol(s);
    }

    private long wholeNumber(Token t) {
        try {
            long v = Long.parseLong(t.getText());
            if (v < 1 || v > 1_000_000_000L) {
                problem(span(t), "a dimension must be a whole number from 1 up, not " + t.getText());
                return 1;
            }
            return v;
        } catch (NumberFormatException e) {
            problem(span(t), "a dimension must be a whole number, not " + t.getText());
            return 1;
        }
    }

    @Override
    public Object visitDefinition(DefinitionContext ctx) {
        return new Stmt.Definition(name(ctx.name()), expr(ctx.expr()), span(ctx));
    }

    @Override
    public Object visitDerive(DeriveContext ctx) {
        return new Stmt.Derive(expr(ctx.expr()), each(ctx.name(), this::name), ctx.HESSIAN() != null, span(ctx));
    }

    @Override
    public Object visitClaim(ClaimContext ctx) {
        List<Ast> all = each(ctx.expr(), this::expr);
        Span whole = span(ctx.expr(0)).to(span(ctx.expr(ctx.expr().size() - 1)));
        return new Stmt.Claim(all.get(0), all.subList(1, all.size()), source.slice(whole), span(ctx));
    }

    @Override
    public Object visitBareExpr(BareExprContext ctx) {
        return new Stmt.Show(expr(ctx.expr()), span(ctx));
    }

    // ---- expressions

    Ast expr(ExprContext ctx) {
        return (Ast) visit(ctx);
    }

    @Override
    public Object visitAtom(AtomContext ctx) {
        return visit(ctx.primary());
    }

    @Override
    public Object visitTranspose(TransposeContext ctx) {
        return new Ast.Transpose(expr(ctx.expr()), span(ctx));
    }

    @Override
    public Object visitSlice(SliceContext ctx) {
        List<Ast.IndexArg> args = each(ctx.index(), this::index);
        return new Ast.Index(expr(ctx.expr()), args, span(ctx));
    }

    private Ast.IndexArg index(IndexContext ctx) {
        Span s = span(ctx);
        if (ctx.indexExpr().isEmpty()) return new Ast.IndexArg.All(s);
        if (ctx.indexExpr().size() == 1) return new Ast.IndexArg.At(indexExpr(ctx.indexExpr(0)), s);
        return new Ast.IndexArg.Between(indexExpr(ctx.indexExpr(0)), indexExpr(ctx.indexExpr(1)), s);
    }

    private Ast.IndexExpr indexExpr(IndexExprContext ctx) {
        List<Ast.IndexTerm> terms = new ArrayList<>();
        List<IndexTermContext> ts = ctx.indexTerm();
        for (int i = 0; i < ts.size(); i++) {
            int sign = i > 0 && ctx.op.get(i - 1).getText().equals("-") ? -1 : 1;
            IndexTermContext t = ts.get(i);
            long v = 1;
            if (t.NUMBER() != null) {
                try {
                    v = Long.parseLong(t.NUMBER().getText());
                } catch (NumberFormatException e) {
                    problem(span(t), "an index must be a whole number, not " + t.NUMBER().getText());
                }
            }
            terms.add(new Ast.IndexTerm(sign, v, each(t.name(), NameContext::getText)));
        }
        return new Ast.IndexExpr(terms);
    }

    @Override
    public Object visitPower(PowerContext ctx) {
        Ast.BinOp op = ctx.op.getText().equals("^") ? Ast.BinOp.POW : Ast.BinOp.EPOW;
        ExponentContext e = ctx.exponent();
        Ast exponent = (Ast) visit(e.primary());
        if (e.getChildCount() > 1) exponent = new Ast.Negate(exponent, span(e));
        return new Ast.Binary(op, expr(ctx.expr()), exponent, span(ctx.op), span(ctx));
    }

    @Override
    public Object visitNegate(NegateContext ctx) {
        return new Ast.Negate(expr(ctx.expr()), span(ctx));
    }

    @Override
    public Object visitMultiply(MultiplyContext ctx) {
        Ast.BinOp op = switch (ctx.op.getText()) {
            case "*", "\u00B7", "\u22C5" -> Ast.BinOp.MUL;
            case ".*", "\u2299", "\u2218" -> Ast.BinOp.HADAMARD;
            case "/" -> Ast.BinOp.DIV;
            default -> Ast.BinOp.EDIV;
        };
        return new Ast.Binary(op, expr(ctx.expr(0)), expr(ctx.expr(1)), span(ctx.op), span(ctx));
    }

    @Override
    public Object visitAdd(AddContext ctx) {
        Ast.BinOp op = ctx.op.getText().equals("+") ? Ast.BinOp.ADD : Ast.BinOp.SUB;
        return new Ast.Binary(op, expr(ctx.expr(0)), expr(ctx.expr(1)), span(ctx.op), span(ctx));
    }

    // ---- primaries

    @Override
    public Object visitDerivParens(DerivParensContext ctx) {
        return new Ast.Derivative(expr(ctx.expr(0)), expr(ctx.expr(1)), null, span(ctx));
    }

    @Override
    public Object visitDerivPartial(DerivPartialContext ctx) {
        return new Ast.Derivative((Ast) visit(ctx.primary(0)), (Ast) visit(ctx.primary(1)), null, span(ctx));
    }

    @Override
    public Object visitDerivShort(DerivShortContext ctx) {
        Token num = ctx.DNAME(0).getSymbol(), den = ctx.DNAME(1).getSymbol();
        Ast.Name of = new Ast.Name(num.getText().substring(1), shifted(num));
        Ast.Name wrt = new Ast.Name(den.getText().substring(1), shifted(den));
        Ast division = new Ast.Binary(Ast.BinOp.DIV, new Ast.Name(num.getText(), span(num)),
                new Ast.Name(den.getText(), span(den)), span((Token) ctx.getChild(1).getPayload()), span(ctx));
        return new Ast.Derivative(of, wrt, division, span(ctx));
    }

    /** The span of a name inside a `dName` token, past the d. */
    private Span shifted(Token t) {
        Span s = span(t);
        return new Span(s.line(), s.col() + 1, s.start() + 1, s.stop());
    }

    @Override
    public Object visitCall(CallContext ctx) {
        int primes = ctx.getChildCount() - ctx.expr().size() - Math.max(0, ctx.expr().size() - 1) - 3;
        List<Ast> args = each(ctx.expr(), this::emptyOrExpr);
        return new Ast.Call(ctx.name().getText(), primes, args, span(ctx.name()), span(ctx));
    }

    /** An argument; [] (MATLAB's max(X, [], 1)) is read here, where it may stand, as a matrix without rows. */
    private Ast emptyOrExpr(ExprContext e) {
        if (e instanceof AtomContext a && a.primary() instanceof MatrixContext m && m.row().isEmpty()) {
            return new Ast.Matrix(List.of(), span(m));
        }
        return expr(e);
    }

    @Override
    public Object visitNumber(NumberContext ctx) {
        String text = ctx.getText();
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            problem(span(ctx), "the number " + SyntaxMessages.printable(text) + " is too large");
            value = 0;
        }
        return new Ast.Number(value, text, span(ctx));
    }

    @Override
    public Object visitVariable(VariableContext ctx) {
        return name(ctx.name());
    }

    @Override
    public Object visitParens(ParensContext ctx) {
        return expr(ctx.expr());
    }

    @Override
    public Object visitMatrix(MatrixContext ctx) {
        if (ctx.row().isEmpty()) {
            problem(span(ctx), "an empty matrix [] has no shape; write zeros(m, n) for a matrix of zeros");
            return new Ast.Number(0, "0", span(ctx));
        }
        List<List<Ast>> rows = new ArrayList<>();
        for (RowContext r : ctx.row()) rows.add(each(r.expr(), this::expr));
        return new Ast.Matrix(rows, span(ctx));
    }

    /** f of each element, as an unmodifiable list like Stream.toList (which also holds nulls), without a stream. */
    private static <A, B> List<B> each(List<A> in, java.util.function.Function<? super A, ? extends B> f) {
        List<B> out = new ArrayList<>(in.size());
        for (A a : in) out.add(f.apply(a));
        return java.util.Collections.unmodifiableList(out);
    }
}
