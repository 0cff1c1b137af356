package org.bookbuild.figure;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;

/**
 * A PDF file named as an image (Jupyter Book and LaTeX authors do this for vector figures; FOP reads no PDF images):
 * its first page is drawn by PDFBox at {@link #DPI} into {@code out/.cache/figures/pdf-<hash>.png}, once per content,
 * and placed from there at the page's own size, so the figure prints instead of a FOP error.
 */
public final class PdfPicture {
  /** Print resolution of the drawn page. */
  static final float DPI = 300f;
  /** Largest drawing, in pixels, below the image gate's limit. */
  static final double MAX_PIXELS = 40e6;

  /** The drawn page: the PNG file and the size it is placed at (the PDF page's crop box, in points). */
  public record Drawn(Path png, double widthPt, double heightPt) {}

  private PdfPicture() {}

  /** Draws the first page of the project file {@code rel}; null with an {@code image-unreadable} warning when it cannot. */
  public static Drawn draw(World world, String rel, SourcePos pos, Diagnostics diags) {
    try {
      byte[] bytes = world.read(rel);
      String cache = FigureEngine.CACHE_DIR + "pdf-" + sha(bytes) + ".png";
      Path out = world.outputPath(cache);
      try (PDDocument doc = Loader.loadPDF(bytes)) {
        if (doc.getNumberOfPages() == 0) {
          diags.warn("image-unreadable", pos, rel + " has no page to print");
          return null;
        }
        PDRectangle box = doc.getPage(0).getCropBox();
        double w = box.getWidth(), h = box.getHeight();
        if (!(w > 0 && h > 0)) {
          diags.warn("image-unreadable", pos, rel + " has an empty first page");
          return null;
        }
        if (!world.exists(cache)) {
          float dpi = DPI;
          double px = (w / 72 * dpi) * (h / 72 * dpi);
          if (px > MAX_PIXELS) dpi = (float) (dpi * Math.sqrt(MAX_PIXELS / px));
          BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
          world.writeAtomically(out, o -> ImageIO.write(img, "png", o));
        }
        return new Drawn(out, w, h);
      }
    } catch (IOException | RuntimeException e) {
      diags.warn("image-unreadable", pos, "cannot draw the PDF image " + rel + ": " + e.getMessage());
      return null;
    }
  }

  private static String sha(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
