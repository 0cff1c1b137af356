package org.bookbuild.math.fop;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.apache.xmlgraphics.image.loader.Image;
import org.apache.xmlgraphics.image.loader.ImageFlavor;
import org.apache.xmlgraphics.image.loader.XMLNamespaceEnabledImageFlavor;
import org.apache.xmlgraphics.image.loader.impl.AbstractImageConverter;
import org.apache.xmlgraphics.image.loader.impl.ImageGraphics2D;
import org.apache.xmlgraphics.image.loader.impl.ImageXMLDOM;
import org.apache.xmlgraphics.java2d.Graphics2DImagePainter;
import org.bookbuild.math.Typesetter;

/**
 * Converts a formula DOM into a Graphics2D painting. FOP's PDF painter then runs the painting through its PDF
 * Graphics2D, which sets every glyph jlatexmath draws as text in the registered (embedded) math fonts.
 */
public final class FormulaConverter extends AbstractImageConverter {
  private static final ImageFlavor SOURCE =
      new XMLNamespaceEnabledImageFlavor(ImageFlavor.XML_DOM, FormulaElementMapping.NAMESPACE);

  @Override
  public Image convert(Image src, Map hints) {
    checkSourceFlavor(src);
    ImageXMLDOM dom = (ImageXMLDOM) src;
    Typesetter.Laid laid = FormulaImages.layout(dom.getDocument().getDocumentElement());
    return new ImageGraphics2D(src.getInfo(), new Painter(laid));
  }

  @Override
  public ImageFlavor getSourceFlavor() {
    return SOURCE;
  }

  @Override
  public ImageFlavor getTargetFlavor() {
    return ImageFlavor.GRAPHICS2D;
  }

  private record Painter(Typesetter.Laid laid) implements Graphics2DImagePainter {
    @Override
    public void paint(Graphics2D g, Rectangle2D area) {
      Graphics2D g2 = (Graphics2D) g.create();
      try {
        double x = area.getX();
        double y = area.getY();
        // FOP gives the area it reserved; the painting is scaled from the size it was told (never zero: Laid.MIN_MPT).
        // A scale or offset that is not a finite number would reach the content stream as "NaN" and stop viewers
        // drawing the page, so such a drawing is left out rather than written.
        double sx = area.getWidth() / (laid.widthMpt() / 1000.0);
        double sy = area.getHeight() / (laid.totalMpt() / 1000.0);
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(sx) && Double.isFinite(sy))) return;
        g2.translate(x, y);
        if (sx != 1 || sy != 1) g2.scale(sx, sy);
        laid.paint(g2);
      } finally {
        g2.dispose();
      }
    }

    @Override
    public Dimension getImageSize() {
      return new Dimension(laid.widthMpt(), laid.totalMpt());
    }
  }
}
