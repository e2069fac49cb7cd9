package chainrule.cli;

import chainrule.parse.Parse;
import chainrule.parse.Stmt;
import chainrule.shape.Checker;
import chainrule.shape.Program;
import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a problem file through the parse and shape stages. */
public final class Loader {
    private Loader() {}

    public static SourceFile read(String file) {
        Path path = Path.of(file);
        try {
            if (Files.isDirectory(path)) throw usage(file + " is a folder, not a problem file");
            byte[] bytes = Files.readAllBytes(path);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw usage(file + " is not UTF-8 text (a problem file is UTF-8)");
            }
            return new SourceFile(file, text);
        } catch (NoSuchFileException e) {
            throw usage("no such file: " + file);
        } catch (IOException e) {
            throw usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static Program load(String file) {
        return load(read(file));
    }

    public static Program load(SourceFile source) {
        List<Stmt> statements = Parse.file(source);
        return Checker.check(source, statements);
    }

    public static ChainRuleException usage(String message) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, null, null, message));
    }
}
