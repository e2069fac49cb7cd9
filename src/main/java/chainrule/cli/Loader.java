package chainrule.cli;

import chainrule.app.Answering;
import chainrule.app.SourceFiles;
import chainrule.app.Usage;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Limits;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a problem file (through app, which the REPL shares) and values files. */
public final class Loader {
    private Loader() {}

    /** The name standard input goes by in messages. */
    public static final String STDIN = SourceFiles.STDIN;

    /** A problem file, or standard input for "-" (SPEC §4); no more than the limit's bytes. */
    public static SourceFile read(String file) {
        return SourceFiles.read(file);
    }

    public static Program load(String file) {
        return Answering.load(read(file));
    }

    public static Program load(SourceFile source) {
        return Answering.load(source);
    }

    /** A values file (--at): its JSON text, read by the eval stage. */
    public static SourceFile values(String file) {
        try {
            return new SourceFile(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw usage(file, "no such file");
        } catch (IOException e) {
            throw usage(file, "cannot read it" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** A file to write, given with an option (--png, -o); null when the option is not given. */
    static Path outputFile(String name) {
        if (name == null) return null;
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw usage("'" + name + "' is not a file name");
        }
    }

    /** A usage error: no place in a file, exit status 2. */
    public static ChainRuleException usage(String message) {
        return Usage.error(message);
    }

    /** A usage error about a file given on the command line (the JSON error names it). */
    public static ChainRuleException usage(String file, String message) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, new SourceFile(file, ""), Span.NONE, message));
    }
}
