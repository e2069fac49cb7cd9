package chainrule.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same strings as KatexRendersTest, through JLaTeXMath in process: the renderer of --png. */
class JLatexMathRendersTest {

    @Test
    void everyLatexStringOfTheTestCasesParsesInJLatexMath() throws Exception {
        List<String> failures = new ArrayList<>();
        List<LatexOutputs.Item> items = LatexOutputs.all();
        for (LatexOutputs.Item item : items) {
            try {
                LatexPicture.icon(item.latex(), 20);
            } catch (RuntimeException e) {
                failures.add(item.source() + ":\n    " + item.latex() + "\n    " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + items.size() + " strings do not render in JLaTeXMath:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    @Test
    void pngOptionDrawsTheDerivation() throws Exception {
        Path png = Files.createTempFile("chainrule-", ".png");
        try {
            String said = LatexOutputs.latexCommand(Path.of("test-cases/seeds/000_skip_relu.nn"), "--png", png.toString());
            assertTrue(said.contains("wrote"), said);
            BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
            assertTrue(img.getWidth() > 400 && img.getHeight() > 300, img.getWidth() + " x " + img.getHeight());
            assertTrue(inked(img) > 0.005, "the picture is nearly blank");
        } finally {
            Files.deleteIfExists(png);
        }
    }

    /** The share of pixels that are not white. */
    static double inked(BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) dark++;
        }
        return (double) dark / ((long) img.getWidth() * img.getHeight());
    }
}
