package chainrule.app;

import chainrule.codegen.Module;
import chainrule.codegen.Target;
import chainrule.diff.Answer;
import chainrule.diff.Step;
import chainrule.shape.Program;
import java.util.ArrayList;
import java.util.List;

/** The Python module of derive requests (SPEC §6), as the command line, the REPL and the tests ask for it. */
public final class CodeGeneration {
    private CodeGeneration() {}

    public static String forRequests(Engine engine, List<Program.Derive> requests, Target target) {
        List<Answer> answers = new ArrayList<>();
        for (Program.Derive d : requests) answers.addAll(engine.derive(d));
        return module(engine, answers, target);
    }

    /** From the answers' chains of steps: the same named steps 'derive --steps' prints. */
    public static String module(Engine engine, List<Answer> answers, Target target) {
        List<Module.Gradient> gradients = new ArrayList<>();
        List<Step> all = new ArrayList<>();
        for (Answer a : answers) {
            gradients.add(new Module.Gradient(key(a), a.allSteps()));
            all.addAll(a.allSteps());
        }
        return Module.generate(engine.program(), gradients, target, engine.expander(all));
    }

    /** The key of an answer in the dict gradients() returns: "d(L)/d(W)", or "hessian(L, w)". */
    public static String key(Answer a) {
        if (a.kind().equals("hessian")) return "hessian(" + a.of() + ", " + a.wrt().name() + ")";
        return "d(" + a.of() + ")/d(" + a.wrt().name() + ")";
    }
}
