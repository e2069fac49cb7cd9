package chainrule.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One run of the command line, as a user sees it: the exit status, standard output and standard error. */
record Run(int status, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** Writes a problem file (UTF-8) into the folder and returns its path. */
    static Path file(Path dir, String text) {
        return file(dir, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path file(Path dir, byte[] bytes) {
        try {
            Path f = Files.createTempFile(dir, "t", ".nn");
            Files.write(f, bytes);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String[] errLines() {
        return err.split("\\R", -1);
    }
}
