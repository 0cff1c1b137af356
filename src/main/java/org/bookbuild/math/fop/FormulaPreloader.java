package org.bookbuild.math.fop;

import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.xmlgraphics.image.loader.ImageContext;
import org.apache.xmlgraphics.image.loader.ImageInfo;
import org.apache.xmlgraphics.image.loader.ImageSize;
import org.apache.xmlgraphics.image.loader.impl.AbstractImagePreloader;
import org.apache.xmlgraphics.image.loader.impl.ImageXMLDOM;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Recognises a formula DOM when FOP's PDF painter hands a foreign object to the image pipeline, and describes it as an
 * image whose original form is the DOM itself, so that {@link FormulaConverter} can turn it into Graphics2D drawing.
 */
public final class FormulaPreloader extends AbstractImagePreloader {
  /** MIME type used inside FOP's image pipeline for formulas. */
  public static final String MIME = "application/x-bookbuild-math";

  @Override
  public ImageInfo preloadImage(String uri, Source src, ImageContext context) {
    if (!(src instanceof DOMSource ds)) return null;
    Node n = ds.getNode();
    Document doc = n instanceof Document d ? d : n.getOwnerDocument();
    if (doc == null) return null;
    Element root = doc.getDocumentElement();
    if (root == null || !FormulaElementMapping.NAMESPACE.equals(root.getNamespaceURI())) return null;
    var laid = FormulaImages.layout(root);
    ImageInfo info = new ImageInfo(uri == null ? "bookbuild-math:" + SERIAL.incrementAndGet() : uri, MIME);
    ImageSize size = new ImageSize();
    size.setSizeInMillipoints(laid.widthMpt(), laid.totalMpt());
    size.setBaselinePositionFromBottom(Math.round(laid.depth() * 1000));
    size.setResolution(72);
    size.calcPixelsFromSize();
    info.setSize(size);
    info.getCustomObjects().put(ImageInfo.ORIGINAL_IMAGE, new Uncached(info, doc));
    return info;
  }

  /** Names each formula image apart: FOP's image cache is keyed by this name (an identity hash code could repeat). */
  private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();

  /**
   * A formula's DOM as an image FOP's image cache does not keep. Each formula is drawn once from its own DOM, so a
   * cached copy is never asked for again; kept, every formula of the book (its DOM and its laid-out boxes) stayed in
   * the factory's cache until memory ran short: 19,000 formulas and about 150 MB at the end of a 1,246-page book's
   * join. The painting made from it ({@code ImageGraphics2D}) asks this image whether it may be cached, so it is not
   * kept either.
   */
  private static final class Uncached extends ImageXMLDOM {
    Uncached(ImageInfo info, Document doc) {
      super(info, doc, FormulaElementMapping.NAMESPACE);
    }

    @Override
    public boolean isCacheable() {
      return false;
    }
  }
}
