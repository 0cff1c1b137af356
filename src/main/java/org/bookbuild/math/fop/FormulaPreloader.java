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
    ImageInfo info = new ImageInfo(uri == null ? "bookbuild-math:" + System.identityHashCode(doc) : uri, MIME);
    ImageSize size = new ImageSize();
    size.setSizeInMillipoints(laid.widthMpt(), laid.totalMpt());
    size.setBaselinePositionFromBottom(Math.round(laid.depth() * 1000));
    size.setResolution(72);
    size.calcPixelsFromSize();
    info.setSize(size);
    info.getCustomObjects().put(ImageInfo.ORIGINAL_IMAGE, new ImageXMLDOM(info, doc, FormulaElementMapping.NAMESPACE));
    return info;
  }
}
