package chainrule.app;

import chainrule.source.SourceFile;
import java.util.List;

/**
 * What a user asks of a problem: one record a command. The command line, the REPL and the web
 * server each build one and hand it to {@link Answering#answer}; nothing else does the work.
 */
public sealed interface Request {
    SourceFile source();

    /** 'chainrule FILE': every request of the file in order, each derivative checked numerically. */
    record Run(SourceFile source, long seed) implements Request {}

    /**
     * Derivatives of the file's requests, or of {@code of} by {@code wrt} (either may be null: the
     * other is then taken from the file); {@code at} is a values file (JSON text), or null.
     */
    record Derive(SourceFile source, String of, List<String> wrt, SourceFile at, boolean check, boolean steps, long seed)
            implements Request {}

    /** The file's claims, or the one given (claim may be null). */
    record Check(SourceFile source, String claim, long seed) implements Request {}

    record Shapes(SourceFile source) implements Request {}

    /** The values of the definitions (or of the names given) at the values in {@code at}. */
    record Eval(SourceFile source, SourceFile at, List<String> names) implements Request {}

    /** The derivatives of the file's requests (or of and wrt) as a Python module for NumPy or PyTorch (SPEC §6). */
    record Codegen(SourceFile source, String target, String of, List<String> wrt) implements Request {}

    /** The derivation as LaTeX; claims are checked for their verdicts. */
    record Latex(SourceFile source, boolean standalone, long seed) implements Request {}
}
