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

@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "The values of the file's definitions (or of the NAMEs given) at --at VALUES.json.",
        description = "VALUES.json maps every input to a number, an array (a column) or an array of rows; \"dims\": {\"n\": 3} fixes symbolic sizes.",
        footerHeading = "%nExamples:%n",
        footer = {"  chainrule eval net.nn --at values.json",
            "  chainrule eval net.nn --at values.json L h1 --format json"})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a problem file (.nn), or - for standard input")
    String file;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "names to show (default: every definition)")
    List<String> names;

    @Option(names = "--at", required = true, paramLabel = "VALUES.json", description = "the inputs' values (a JSON object, SPEC §4)")
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
        Map<String, RealMatrix> out = new LinkedHashMap<>();
        for (String n : wanted) {
            RealMatrix m = values.get(n);
            if (m == null) throw Loader.usage(p.source().name(), "no name '" + n + "' in the file");
            out.put(n, m);
        }
        Output output = common.output();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            out.forEach((k, v) -> json.put(k, Values.rows(v)));
            output.printJson(Map.of("values", json));
        } else {
            out.forEach((k, v) -> output.out().println(k + " = " + Output.matrix(v)));
        }
        return Main.OK;
    }
}
