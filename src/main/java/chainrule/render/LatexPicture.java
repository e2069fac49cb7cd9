package chainrule.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/** Formulas as pictures, with JLaTeXMath (pure Java, no TeX installation, no display needed). */
public final class LatexPicture {
    private LatexPicture() {}

    /** Thrown where JLaTeXMath cannot read a formula: its message says why. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The formula typeset, black on white, with a margin; size is the font size in pixels. */
    public static BufferedImage image(String latex, float size) {
        System.setProperty("java.awt.headless", "true");
        TeXIcon icon = icon(latex, size);
        icon.setInsets(new Insets(24, 24, 24, 24));
        int w = Math.max(1, icon.getIconWidth()), h = Math.max(1, icon.getIconHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        JLabel label = new JLabel();
        label.setForeground(Color.BLACK);
        icon.paintIcon(label, g, 0, 0);
        g.dispose();
        return img;
    }

    /** Parses and lays out the formula; throws {@link Unreadable} where JLaTeXMath cannot. */
    public static TeXIcon icon(String latex, float size) {
        try {
            TeXFormula formula = new TeXFormula(forJLatexMath(latex));
            return formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        } catch (ParseException e) {
            throw new Unreadable(e.getMessage(), e);
        }
    }

    /** JLaTeXMath 1.0.7 draws nothing for \\otimes (its glyph is missing); a small \\bigotimes looks the same. */
    static String forJLatexMath(String latex) {
        return latex.replace("\\otimes", "\\mathbin{\\scriptstyle\\bigotimes}");
    }

    public static void writePng(String latex, float size, Path out) throws IOException {
        ImageIO.write(image(latex, size), "png", out.toFile());
    }
}
