package org.bookbuild.math.fop;

import java.awt.geom.Point2D;
import org.apache.fop.apps.FOPException;
import org.apache.fop.datatypes.Length;
import org.apache.fop.fo.Constants;
import org.apache.fop.fo.FOEventHandler;
import org.apache.fop.fo.FONode;
import org.apache.fop.fo.PropertyList;
import org.apache.fop.fo.XMLObj;
import org.apache.fop.fo.properties.FixedLength;
import org.bookbuild.math.Typesetter;

/**
 * The formula inside FOP's formatting-object tree. It learns the font size and weight in effect from the enclosing
 * {@code fo:instream-foreign-object} (inherited from the surrounding block or inline), lays the formula out at that
 * size (bold, with {@code \boldsymbol}, where the text around it is bold), and reports its intrinsic size and an alignment adjustment of minus its depth, so that the formula's baseline
 * sits on the line's baseline. The size travels on the DOM as attributes for the painter.
 */
final class FormulaElement extends XMLObj {
  /** Attribute the element writes onto its own DOM: the font size in points it was laid out at. */
  static final String SIZE_ATTR = "size-pt";
  /** Attribute the element writes onto its own DOM when the text around it is bold (600 and heavier). */
  static final String BOLD_ATTR = "bold";

  private float sizePt = 10f;
  private boolean bold;
  private Typesetter.Laid laid;

  FormulaElement(FONode parent) {
    super(parent);
  }

  @Override
  public String getLocalName() {
    return FormulaElementMapping.ELEMENT;
  }

  @Override
  public String getNormalNamespacePrefix() {
    return "m";
  }

  @Override
  public String getNamespaceURI() {
    return FormulaElementMapping.NAMESPACE;
  }

  @Override
  public void processNode(String elementName, org.xml.sax.Locator locator, org.xml.sax.Attributes attlist,
      PropertyList propertyList) throws FOPException {
    super.processNode(elementName, locator, attlist, propertyList);
    createBasicDocument();
  }

  private static final org.w3c.dom.DOMImplementation DOM = domImplementation();

  private static org.w3c.dom.DOMImplementation domImplementation() {
    try {
      var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().getDOMImplementation();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * As FOP's own, but from one shared DOM implementation: FOP makes a new XML parser configuration for every foreign
   * object, which costs more than laying out the formula.
   */
  @Override
  public org.w3c.dom.Document createBasicDocument() {
    doc = DOM.createDocument(getNamespaceURI(), "m:" + getLocalName(), null);
    element = doc.getDocumentElement();
    buildTopLevel(doc, element);
    return doc;
  }

  @Override
  protected PropertyList createPropertyList(PropertyList parentList, FOEventHandler handler) throws FOPException {
    // parentList belongs to the fo:instream-foreign-object; font-size is inherited there from the text around it.
    if (parentList != null) {
      int mpt = parentList.get(Constants.PR_FONT_SIZE).getLength().getValue();
      if (mpt > 0) sizePt = mpt / 1000f;
      // math in a bold heading or bold text is set bold, as LaTeX's \boldmath does in headings
      bold = parentList.get(Constants.PR_FONT_WEIGHT).getEnum() >= Constants.EN_600;
    }
    return super.createPropertyList(parentList, handler);
  }

  private Typesetter.Laid laid() {
    if (laid == null) {
      org.w3c.dom.Element root = doc.getDocumentElement();
      root.setAttribute(SIZE_ATTR, Float.toString(sizePt));
      if (bold) root.setAttribute(BOLD_ATTR, "true");
      laid = FormulaImages.layout(root);
      checkPainted(root);
    }
    return laid;
  }

  /**
   * The FO writer counted the glyphs this formula paints ({@link FormulaElementMapping#GLYPHS_ATTR}); a layout here
   * that paints fewer has lost content while keeping its size (jlatexmath state left behind by another formula), which
   * would print as empty room. That is broadcast as an error event at this element's position in the FO, which the
   * render stage reports at the formula's source. A bold formula is compared as written: {@code \boldsymbol} may set
   * a formula with other glyphs.
   */
  private void checkPainted(org.w3c.dom.Element root) {
    String counted = root.getAttribute(FormulaElementMapping.GLYPHS_ATTR);
    if (counted.isEmpty()) return;
    int expected;
    try {
      expected = Integer.parseInt(counted.strip());
    } catch (NumberFormatException e) {
      return;
    }
    int painted = FormulaImages.glyphsAsWritten(root, laid);
    if (painted >= expected) return;
    String tex = root.getTextContent().strip().replaceAll("\\s+", " ");
    if (tex.length() > 60) tex = tex.substring(0, 60) + "…";
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("loc", getLocator());
    params.put("message", "formula paints " + painted + " of its " + expected + " glyphs on the page (its room is kept,"
        + " the rest is missing): " + tex);
    getUserAgent().getEventBroadcaster().broadcastEvent(new org.apache.fop.events.Event(this,
        FormulaElementMapping.UNPAINTED_EVENT, org.apache.fop.events.model.EventSeverity.ERROR, params));
  }

  @Override
  public Point2D getDimension(Point2D view) {
    Typesetter.Laid l = laid();
    return new Point2D.Float(l.widthMpt() / 1000f, l.totalMpt() / 1000f);
  }

  @Override
  public Length getIntrinsicAlignmentAdjust() {
    return FixedLength.getInstance(-laid().depth(), "pt");
  }
}
