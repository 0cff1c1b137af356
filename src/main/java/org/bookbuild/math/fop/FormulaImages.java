package org.bookbuild.math.fop;

import org.bookbuild.math.Typesetter;
import org.w3c.dom.Element;

/**
 * Shared by the element, the preloader and the converter: turns a formula's DOM element into a layout. A formula that
 * fails here was already checked by {@code MathFo}; if one still fails (a hand-written FO), it is drawn as an empty box
 * of the text size rather than taking FOP down.
 */
final class FormulaImages {
  private FormulaImages() {}

  private static final String CACHE_KEY = "org.bookbuild.math.laid";

  /** The layout of a formula element, kept on the element so that measuring, preloading and painting share it. */
  static Typesetter.Laid layout(Element root) {
    String sizeAttr = root.getAttribute(FormulaElement.SIZE_ATTR) + "/" + root.getAttribute(FormulaElement.BOLD_ATTR);
    Object cached = root.getUserData(CACHE_KEY);
    if (cached instanceof Cached c && c.size().equals(sizeAttr)) return c.laid();
    Typesetter.Laid laid = compute(root);
    root.setUserData(CACHE_KEY, new Cached(sizeAttr, laid), null);
    return laid;
  }

  private record Cached(String size, Typesetter.Laid laid) {}

  /**
   * The glyphs {@code laid} (this element's layout) paints, or for a bold inline formula, set with {@code \boldsymbol},
   * those of the formula as written, which is what the FO writer counted.
   */
  static int glyphsAsWritten(Element root, Typesetter.Laid laid) {
    boolean display = "true".equals(root.getAttribute("display"));
    if (!"true".equals(root.getAttribute(FormulaElement.BOLD_ATTR)) || display) return laid.glyphs();
    try {
      return Typesetter.layout(root.getTextContent(), false, 10f).glyphs();
    } catch (Typesetter.MathException e) {
      return laid.glyphs();
    }
  }

  private static Typesetter.Laid compute(Element root) {
    float size = 10f;
    String s = root.getAttribute(FormulaElement.SIZE_ATTR);
    if (!s.isEmpty()) size = Float.parseFloat(s);
    boolean display = "true".equals(root.getAttribute("display"));
    String tex = root.getTextContent();
    if ("true".equals(root.getAttribute(FormulaElement.BOLD_ATTR)) && !display) {
      try {
        return Typesetter.layout("\\boldsymbol{" + tex + "}", false, size);
      } catch (Typesetter.MathException e) {
        // not every formula takes \boldsymbol around it: set it as written
      }
    }
    try {
      return Typesetter.layout(tex, display, size);
    } catch (Typesetter.MathException e) {
      try {
        return Typesetter.layout("\\boxed{?}", false, size);
      } catch (Typesetter.MathException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
