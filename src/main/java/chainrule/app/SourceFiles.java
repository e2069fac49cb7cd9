package chainrule.app;

import chainrule.source.ChainRuleException;
import chainrule.source.ErrorKind;
import chainrule.source.Limits;
import chainrule.source.Problem;
import chainrule.source.SourceFile;
import chainrule.source.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A problem file read from disk (the command line's FILE, the REPL's :load), as UTF-8 text. */
public final class SourceFiles {
    private SourceFiles() {}

    /** The name standard input goes by in messages. */
    public static final String STDIN = "<stdin>";

    /** A problem file, or standard input for "-" (SPEC §4); no more than the limit's bytes. */
    public static SourceFile read(String file) {
        long limit = Limits.current().fileBytes();
        if (file.equals("-")) {
            try {
                byte[] bytes = System.in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (bytes.length > limit) throw Limits.current().tooLarge(STDIN, bytes.length);
                return new SourceFile(STDIN, utf8(STDIN, bytes));
            } catch (IOException e) {
                throw usage(STDIN, "cannot read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw Usage.error("'" + file + "' is not a file name");
        }
        if (Files.isDirectory(path)) throw usage(file, "is a folder, not a problem file");
        try {
            long size = Files.size(path);
            if (size > limit) throw Limits.current().tooLarge(file, size);
            return new SourceFile(file, utf8(file, Files.readAllBytes(path)));
        } catch (NoSuchFileException e) {
            throw usage(file, "no such file");
        } catch (AccessDeniedException e) {
            throw usage(file, "cannot read: permission denied");
        } catch (IOException e) {
            throw usage(file, "cannot read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** The text of a UTF-8 file; anything else is named at its first byte that is not UTF-8. */
    static String utf8(String file, byte[] bytes) {
        if (ascii(bytes)) return new String(bytes, StandardCharsets.US_ASCII); // the usual file: no decoder to set up
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            String before = out.flip().toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            String lineText = before.substring(before.lastIndexOf('\n') + 1);
            int col = 1 + lineText.codePointCount(0, lineText.length());
            int at = in.position();
            String hint = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                    || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
                    ? "it looks like UTF-16; save it as UTF-8" : "a problem file is UTF-8 text; save it as UTF-8";
            String message = "not UTF-8 text: byte 0x" + String.format(java.util.Locale.ROOT, "%02X", bytes[at] & 0xFF) + " here (" + hint + ")";
            SourceFile shown = new SourceFile(file, before);
            throw new ChainRuleException(new Problem(ErrorKind.ENCODING, shown,
                    new Span(line, col, before.length(), before.length()), message));
        }
        return out.flip().toString();
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return false;
        return true;
    }

    /** A usage error about a file (the JSON error names it). */
    static ChainRuleException usage(String file, String message) {
        return new ChainRuleException(new Problem(ErrorKind.USAGE, new SourceFile(file, ""), Span.NONE, message));
    }
}
