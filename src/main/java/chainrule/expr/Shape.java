package chainrule.expr;

import java.util.Map;

/** Rows by columns; a column vector is n x 1, a scalar 1 x 1. */
public record Shape(Dim rows, Dim cols) {

    public static final Shape SCALAR = new Shape(Dim.ONE, Dim.ONE);

    public static Shape of(long rows, long cols) {
        return new Shape(Dim.of(rows), Dim.of(cols));
    }

    public static Shape column(Dim n) {
        return new Shape(n, Dim.ONE);
    }

    public static Shape row(Dim n) {
        return new Shape(Dim.ONE, n);
    }

    public boolean isScalar() {
        return rows.isOne() && cols.isOne();
    }

    public boolean isColumn() {
        return cols.isOne();
    }

    public boolean isRow() {
        return rows.isOne();
    }

    /** A column or a row (a scalar counts as both). */
    public boolean isVector() {
        return isColumn() || isRow();
    }

    public boolean isSquare() {
        return rows.equals(cols);
    }

    public Shape transpose() {
        return new Shape(cols, rows);
    }

    /** The number of entries, rows times columns. */
    public Dim size() {
        return rows.times(cols);
    }

    public Shape substitute(Map<String, Dim> values) {
        return new Shape(rows.substitute(values), cols.substitute(values));
    }

    @Override
    public String toString() {
        return rows + " x " + cols;
    }
}
