package chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'chainrule shapes': every name with its shape and where it comes from; notes on what nothing constrains. */
class ShapesCommandTest {
    @TempDir
    static Path dir;

    private static final String FILE = """
            x : n
            W : m x n
            z = W*x + c
            L = lam*sum(z)
            """;

    @Test
    void textListsNamesShapesOriginsAndNotes() {
        Run r = Run.of("shapes", Run.file(dir, FILE).toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals("""
                x    n x 1  declared, line 1
                W    m x n  declared, line 2
                c    m x 1  inferred from its use at line 3:11
                z    m x 1  defined, line 3
                lam  1 x 1  inferred from its use at line 4:5
                L    1 x 1  defined, line 4
                dimensions: m, n
                note: lam: nothing constrains its shape; taken as a scalar
                """, r.out());
    }

    @Test
    void jsonHasShapesDimensionsAndNotes() {
        Run r = Run.of("shapes", Run.file(dir, FILE).toString(), "--format", "json");
        assertEquals(Main.OK, r.status(), r.err());
        String json = r.out().replaceAll("\\s+", " ");
        assertTrue(json.contains("{ \"name\" : \"c\", \"shape\" : [ \"m\", 1 ], \"origin\" : \"inferred\", \"line\" : 3 }"), json);
        assertTrue(json.contains("\"dims\" : [ \"m\", \"n\" ]"), json);
        assertTrue(json.contains("\"notes\" : [ \"lam: nothing constrains its shape; taken as a scalar\" ]"), json);
    }
}
