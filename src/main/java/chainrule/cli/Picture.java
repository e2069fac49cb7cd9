package chainrule.cli;

import chainrule.render.LatexPicture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** 'latex --png OUT.png --size PX': a bad path or size is bad input, named before any work is done. */
final class Picture {
    /** Beyond this many pixels a picture is refused rather than risk running out of memory. */
    static final long MAX_PIXELS = 50_000_000L;

    private Picture() {}

    static void check(Path png, float size) {
        if (!(size >= LatexCommand.MIN_SIZE && size <= LatexCommand.MAX_SIZE)) {
            throw Loader.usage("--size " + Output.number(size) + ": a font size is " + LatexCommand.MIN_SIZE + " to "
                    + LatexCommand.MAX_SIZE + " pixels");
        }
        String name = png.toString();
        if (Files.isDirectory(png)) throw Loader.usage(name, "a folder; --png needs a file name such as out.png");
        Path dir = png.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw Loader.usage(name, "no such folder: " + (png.getParent() == null ? dir : png.getParent()));
        if (!Files.isWritable(dir) || Files.exists(png) && !Files.isWritable(png)) {
            throw Loader.usage(name, "cannot write: permission denied");
        }
    }

    static void write(String latex, float size, Path png) {
        var icon = LatexPicture.icon(latex, size);
        long pixels = (long) (icon.getIconWidth() + 48) * (icon.getIconHeight() + 48);
        if (pixels > MAX_PIXELS) {
            throw Loader.usage(png.toString(), "the picture would be " + (icon.getIconWidth() + 48) + " x " + (icon.getIconHeight() + 48)
                    + " pixels, more than " + MAX_PIXELS + "; a smaller --size makes it smaller");
        }
        try {
            LatexPicture.writePng(latex, size, png);
        } catch (IOException e) {
            throw Loader.usage(png.toString(), "cannot write" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
