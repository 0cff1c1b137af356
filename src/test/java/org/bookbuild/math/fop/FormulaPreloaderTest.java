package org.bookbuild.math.fop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import org.apache.xmlgraphics.image.loader.ImageInfo;
import org.apache.xmlgraphics.image.loader.impl.ImageGraphics2D;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Formulas reach FOP's painter as images; FOP's image cache must keep none of them (each is drawn once from its own
 * DOM, and a 1,246-page book's 19,000 formulas filled the cache), and each has a name of its own, since the cache looks
 * images up by name.
 */
class FormulaPreloaderTest {
  static Document formula(String tex) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().newDocument();
    Element root = doc.createElementNS(FormulaElementMapping.NAMESPACE, "m:" + FormulaElementMapping.ELEMENT);
    root.setAttribute(FormulaElement.SIZE_ATTR, "10");
    root.setTextContent(tex);
    doc.appendChild(root);
    return doc;
  }

  @Test
  void formulaImagesAreNotCachedAndNamedApart() throws Exception {
    FormulaPreloader pre = new FormulaPreloader();
    ImageInfo a = pre.preloadImage(null, new DOMSource(formula("x^2")), null);
    ImageInfo b = pre.preloadImage(null, new DOMSource(formula("x^2")), null);
    assertEquals(FormulaPreloader.MIME, a.getMimeType());
    assertNotEquals(a.getOriginalURI(), b.getOriginalURI());
    assertFalse(a.getOriginalImage().isCacheable(), "the formula's DOM is not for FOP's image cache");
    // the painting made from it asks the original image, so it is not cached either
    ImageGraphics2D painted = (ImageGraphics2D) new FormulaConverter().convert(a.getOriginalImage(), null);
    assertFalse(painted.isCacheable());
  }
}
