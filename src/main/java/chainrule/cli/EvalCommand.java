package chainrule.cli;

import chainrule.app.Engine;
import chainrule.eval.Point;
import chainrule.eval.Sampler;
import chainrule.eval.Values;
import chainrule.shape.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.linear.RealMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", description = "The values of the file's definitions (or of the NAMEs given) at --at VALUES.json.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn)")
    String file;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "names to show (default: every definition)")
    List<String> names;

    @Option(names = "--at", required = true, paramLabel = "VALUES.json", description = "the inputs' values")
    String at;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Program p = Loader.load(file);
        Engine engine = new Engine(p);
        Point point = Values.read(Path.of(at), p);
        Map<String, RealMatrix> values = Sampler.evaluateDefinitions(p, point, engine.expander(List.of()));
        List<String> wanted = names;
        if (wanted == null || wanted.isEmpty()) {
            wanted = new ArrayList<>();
            for (Program.Definition d : p.definitions()) wanted.add(d.name());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : wanted) {
            RealMatrix m = values.get(n);
            if (m == null) throw Loader.usage("'" + n + "' is not a name of " + file);
            out.put(n, Values.rows(m));
        }
        Output output = common.output();
        if (output.json()) {
            output.printJson(Map.of("values", out));
        } else {
            out.forEach((k, v) -> output.out().println(k + " = " + v));
        }
        return Main.OK;
    }
}
