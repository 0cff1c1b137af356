package org.bookbuild.io;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The one way the build parses XML (FO before FOP, SVG checks, XMP, test reads): namespace-aware, with DOCTYPE
 * declarations refused, so no external entity, external DTD or entity expansion bomb can make a parse read a file,
 * fetch a URL or run away. The build's own XML never needs a DTD.
 */
public final class SafeXml {
  private SafeXml() {}

  /** A SAX parser factory with DTDs and external entities off. */
  public static SAXParserFactory saxFactory() {
    SAXParserFactory f = SAXParserFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a safety feature: " + e.getMessage(), e);
    }
    return f;
  }

  /** A namespace-aware SAX reader with DTDs and external entities off. */
  public static XMLReader reader() {
    try {
      return saxFactory().newSAXParser().getXMLReader();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot create an XML parser: " + e.getMessage(), e);
    }
  }

  /**
   * Parses XML text with a {@link #reader()} straight into {@code handler} (FOP's FO tree builder). An identity
   * transform into a {@code SAXResult} gives the handler the same events, but rebuilt one by one through a serializer
   * in between (5–6% of a chapter's layout on C1, JFR of a cold build), and its default error listener prints to
   * stderr before it throws.
   */
  public static void parse(String xml, org.xml.sax.ContentHandler handler) throws SAXException, java.io.IOException {
    XMLReader r = reader();
    r.setContentHandler(handler);
    r.parse(new InputSource(new StringReader(xml)));
  }

  /** A DOM builder with DTDs and external entities off. */
  public static DocumentBuilder documentBuilder() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setExpandEntityReferences(false);
    f.setXIncludeAware(false);
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("cannot create an XML parser: " + e.getMessage(), e);
    }
  }

  /**
   * An XML document's bytes without its DOCTYPE declaration, when that declaration only names an external DTD (as
   * SVG files from matplotlib and Inkscape do): the DTD is never needed and never loaded. Returns null when the
   * DOCTYPE has an internal subset ({@code [ … ]}, where entities are declared): such a file is refused, not cleaned.
   * Works on the bytes of ASCII-compatible encodings; returns the input unchanged when there is no DOCTYPE.
   */
  public static byte[] withoutDoctype(byte[] xml) {
    String s = new String(xml, 0, Math.min(xml.length, 1 << 16), java.nio.charset.StandardCharsets.ISO_8859_1);
    int i = s.indexOf("<!DOCTYPE");
    if (i < 0) return xml;
    int root = firstElement(s);
    if (root >= 0 && root < i) return xml; // a DOCTYPE after the root element is a syntax error the parser reports
    char quote = 0;
    for (int j = i + 9; j < s.length(); j++) {
      char c = s.charAt(j);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        return null;
      } else if (c == '>') {
        byte[] out = new byte[xml.length - (j + 1 - i)];
        System.arraycopy(xml, 0, out, 0, i);
        System.arraycopy(xml, j + 1, out, i, xml.length - j - 1);
        return out;
      }
    }
    return null;
  }

  /** Index of the first element's start tag, skipping the XML declaration, comments and processing instructions. */
  private static int firstElement(String s) {
    for (int k = s.indexOf('<'); k >= 0; k = s.indexOf('<', k + 1)) {
      if (k + 1 < s.length() && Character.isLetter(s.charAt(k + 1))) return k;
    }
    return -1;
  }
}
