package chainrule.cli;

import chainrule.shape.Program;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

/** Test access to the rows 'chainrule shapes' prints. */
public final class ShapesCommandAccess {
    private ShapesCommandAccess() {}

    public static List<Map.Entry<String, String>> rows(Program p) {
        return chainrule.render.ShapeTable.rows(p).stream()
                .map(r -> (Map.Entry<String, String>) new AbstractMap.SimpleEntry<>(r.name(), r.shape().toString()))
                .toList();
    }
}
