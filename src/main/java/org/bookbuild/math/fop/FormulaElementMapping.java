package org.bookbuild.math.fop;

import org.apache.fop.fo.ElementMapping;
import org.apache.fop.fo.FONode;

/**
 * Tells FOP about the {@code formula} element in the {@value #NAMESPACE} namespace, the child of an
 * {@code fo:instream-foreign-object} that carries one TeX formula. Registered through {@code META-INF/services}.
 */
public final class FormulaElementMapping extends ElementMapping {
  /** The namespace of the formula element. */
  public static final String NAMESPACE = "http://bookbuild.org/ns/math";

  /** The element's local name. */
  public static final String ELEMENT = "formula";

  /**
   * Attribute the FO writer puts on the element: how many glyphs the formula paints when laid out on its own. The
   * element compares it with the layout it makes on the page and reports a shortfall as the FOP event
   * {@value #UNPAINTED_EVENT} (the build's {@code math-unpainted} error).
   */
  public static final String GLYPHS_ATTR = "glyphs";

  /** The id of the event the element broadcasts when its layout paints fewer glyphs than the FO writer counted. */
  public static final String UNPAINTED_EVENT = "org.bookbuild.math.formulaUnpainted";

  /**
   * The DOM implementation formulas are built with when FOP reads them back from its Intermediate Format (the join),
   * made once: without it FOP asks {@code getDefaultDOMImplementation()} for every formula, which builds a new
   * DocumentBuilderFactory and parser each time (a tenth of the join in a profile). It is the very implementation
   * that call returns (the JDK's, a stateless singleton), so nothing else changes.
   */
  private static final org.w3c.dom.DOMImplementation DOM = ElementMapping.getDefaultDOMImplementation();

  public FormulaElementMapping() {
    namespaceURI = NAMESPACE;
  }

  @Override
  public org.w3c.dom.DOMImplementation getDOMImplementation() {
    return DOM;
  }

  @Override
  public String getStandardPrefix() {
    return "m";
  }

  @Override
  protected void initialize() {
    if (foObjs == null) {
      foObjs = new java.util.HashMap<>();
      foObjs.put(ELEMENT, new ElementMapping.Maker() {
        @Override
        public FONode make(FONode parent) {
          return new FormulaElement(parent);
        }
      });
    }
  }
}
