package chainrule.parse;

import chainrule.source.Span;
import java.util.List;

/** An expression as the user wrote it, with its place in the source. */
public sealed interface Ast {

    Span span();

    record Name(String name, Span span) implements Ast {}

    record Number(double value, String text, Span span) implements Ast {}

    /** {@code opSpan} is the operator's own place: shape errors point there, where the operands meet. */
    record Binary(BinOp op, Ast left, Ast right, Span opSpan, Span span) implements Ast {}

    record Negate(Ast operand, Span span) implements Ast {}

    record Transpose(Ast operand, Span span) implements Ast {}

    /** {@code f(args)}, or with primes {@code f'(args)}: the derivative of an elementwise or opaque function. */
    record Call(String name, int primes, List<Ast> args, Span nameSpan, Span span) implements Ast {}

    /** {@code [a, b; c, d]}: rows of horizontally joined blocks, stacked. */
    record Matrix(List<List<Ast>> rows, Span span) implements Ast {}

    /** {@code A[i, j]} or {@code v[i]}, 1-based, inclusive ranges. */
    record Index(Ast target, List<IndexArg> args, Span span) implements Ast {}

    /**
     * {@code d(of)/d(wrt)}, {@code dL/dW}, {@code ∂L/∂W}. The short form {@code dL/dW} keeps its
     * reading as a division too, which wins where {@code dL} is a name of the file.
     */
    record Derivative(Ast of, Ast wrt, Ast asDivision, Span span) implements Ast {}

    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), HADAMARD(".*"), DIV("/"), EDIV("./"), POW("^"), EPOW(".^");

        public final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One index of a slice: all, a single position, or an inclusive range. */
    sealed interface IndexArg {
        Span span();

        record All(Span span) implements IndexArg {}

        record At(IndexExpr at, Span span) implements IndexArg {}

        record Between(IndexExpr from, IndexExpr to, Span span) implements IndexArg {}
    }

    /** A position: a whole number, {@code end}, a dimension symbol, and sums of these. */
    record IndexExpr(List<IndexTerm> terms) {}

    /** sign * number * the symbols ('end' is the symbol "end"): 3, m, 2*m, m*n. */
    record IndexTerm(int sign, long number, List<String> symbols) {}
}
