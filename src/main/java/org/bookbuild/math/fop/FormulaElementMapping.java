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

  public FormulaElementMapping() {
    namespaceURI = NAMESPACE;
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
