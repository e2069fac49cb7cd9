package chainrule.eval;

import static org.junit.jupiter.api.Assertions.*;

import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class ValuesTest {
    final Program p = Programs.of("W1 : 3 x 2", "x : 2", "r : 1 x 2", "c : scalar", "y = W1*x + c");

    static final String GOOD = """
            {"W1": [[1, 2], [3, 4], [5, 6]], "x": [1, -1], "r": [[0.5, 2]], "c": 3}
            """;

    @Test
    void numbersFlatArraysAndRows() {
        Point point = Values.parse(GOOD, p);
        assertEquals(3, point.values().get("W1").getRowDimension());
        assertEquals(6, point.values().get("W1").getEntry(2, 1));
        assertEquals(2, point.values().get("x").getRowDimension());
        assertEquals(1, point.values().get("x").getColumnDimension());
        assertEquals(2, point.values().get("r").getEntry(0, 1));
        assertEquals(3, point.values().get("c").getEntry(0, 0));
        RealMatrix y = Sampler.evaluateDefinitions(p, point, null).get("y");
        assertEquals(List.of(List.of(2.0), List.of(2.0), List.of(2.0)), Values.rows(y));
    }

    @Test
    void rowsAreAlwaysAnArrayOfRows() {
        assertEquals(List.of(List.of(5.0)), Values.rows(Matrices.scalar(5)));
        assertEquals(List.of(List.of(1.0, 2.0)), Values.rows(Matrices.unvec(new double[] {1, 2}, 1, 2)));
    }

    static String error(String json, Program p) {
        ChainRuleException e = assertThrows(ChainRuleException.class, () -> Values.parse(json, p));
        assertEquals(ErrorKind.VALUE, e.first().kind());
        return e.first().message();
    }

    @Test
    void wrongShapeNamesTheInputAndBothShapes() {
        String msg = error(GOOD.replace("[[1, 2], [3, 4], [5, 6]]", "[[1, 2], [3, 4]]"), p);
        assertEquals("W1 is 3 x 2 in the file but the values give 2 x 2", msg);
        assertTrue(error(GOOD.replace("[[0.5, 2]]", "[0.5, 2]"), p).contains("r is 1 x 2 in the file but the values give 2 x 1"));
    }

    /** The JSON mistakes people make, each in words, never the parser's character codes or switches. */
    @Test
    void jsonMistakesInWords() {
        String[][] cases = {
            {GOOD.replace("\"c\": 3", "\"c\": 3,"), "a ',' before '}' with no entry after it (JSON allows no trailing comma)"},
            {GOOD.replace("[0.5, 2]", "[0.5, 2,]"), "a ',' before ']' with no value after it (JSON allows no trailing comma)"},
            {GOOD.replace("\"x\": [1, -1],", "\"x\": [1, -1]"), "a ',' is missing before this entry (or a '}' where the object ends)"},
            {GOOD.replace("[0.5, 2]", "[0.5 2]"), "a ',' is missing before this value (or a ']' where the array ends)"},
            {GOOD.replace("\"c\"", "'c'"), "names are written in double quotes in JSON, not single ones"},
            {GOOD.replace("\"c\": 3", "\"c\": NaN"), "NaN is not a number JSON knows: every value must be a finite number"},
            {GOOD.replace("\"c\": 3", "\"c\": three"), "'three' is not a JSON value"},
            {GOOD.replace("\"c\": 3", "\"c\": 03"), "a number does not start with 0 in JSON (write 5 or 0.5)"},
            {GOOD.replace("\"c\": 3}", "\"c\": 3"), "the text ends before the JSON does: a '}' is missing"},
            {"# values\n" + GOOD, "JSON has no comments"},
            {GOOD.replace("\"c\": 3", "\"c\": 3, \"c\": 4"), "\"c\" is given twice"},
            {GOOD + "{}", "more text after the JSON value has ended"},
        };
        for (String[] c : cases) {
            String msg = error(c[0], p);
            assertTrue(msg.startsWith("the values are not valid JSON"), msg);
            assertTrue(msg.contains(c[1]), c[0] + " -> " + msg);
            assertFalse(msg.contains("code ") || msg.contains("enable") || msg.contains("Feature"), msg);
        }
    }

    @Test
    void missingAndUnknownNames() {
        assertTrue(error(GOOD.replace(", \"c\": 3", ""), p).contains("no value for the input c"));
        assertTrue(error(GOOD.replace("\"c\": 3", "\"c\": 3, \"q\": 1"), p).contains("q, which is not an input"));
        assertTrue(error(GOOD.replace("\"c\": 3", "\"c\": 3, \"y\": [1, 2, 3]"), p).contains("y is a definition"));
    }

    @Test
    void malformedValues() {
        assertTrue(error("[1, 2]", p).contains("JSON object"));
        assertTrue(error("{\"W1\": ", p).contains("not valid JSON"));
        assertTrue(error(GOOD.replace("[[1, 2], [3, 4], [5, 6]]", "[[1, 2], [3], [5, 6]]"), p).contains("equally long"));
        assertTrue(error(GOOD.replace("\"c\": 3", "\"c\": \"three\""), p).contains("c: \"three\" is not a value"));
    }

    @Test
    void symbolicSizesFromDimsOrFromTheValues() {
        Program q = Programs.of("W : k x n", "x : n", "b : k+1", "y = W*x");
        String json = "{\"W\": [[1, 2, 3], [4, 5, 6]], \"x\": [1, 2, 3], \"b\": [0, 0, 0]}";
        Point point = Values.parse(json, q);
        assertEquals(2L, point.sizes().get("k"));
        assertEquals(3L, point.sizes().get("n"));
        Point withDims = Values.parse(json.replace("{", "{\"dims\": {\"n\": 3, \"k\": 2}, "), q);
        assertEquals(point.sizes(), withDims.sizes());
        String msg = error(json.replace("{", "{\"dims\": {\"n\": 2}, "), q);
        assertTrue(msg.startsWith("W is k x n in the file (2 x 2 with k = 2, n = 2) but the values give 2 x 3"), msg);
        assertTrue(error(json.replace("{", "{\"dims\": {\"m\": 2}, "), q).contains("m is not a dimension"));
        assertTrue(error(json.replace("{", "{\"dims\": {\"n\": 0}, "), q).contains("at least 1"));
    }

    @Test
    void aSizeTheValuesCannotFixNeedsDims() {
        Program q = Programs.of("x : n+m", "s = sum(x)");
        String msg = error("{\"x\": [1, 2, 3]}", q);
        assertTrue(msg.contains("leave the size of m, n open"), msg);
        Point point = Values.parse("{\"dims\": {\"n\": 1}, \"x\": [1, 2, 3]}", q);
        assertEquals(2L, point.sizes().get("m"));
    }
}
