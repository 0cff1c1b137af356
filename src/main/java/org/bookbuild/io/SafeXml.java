package org.bookbuild.io;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
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

  /** XML text as a SAX source read by a {@link #reader()}, for an identity transform into FOP. */
  public static SAXSource source(String xml) {
    return new SAXSource(reader(), new InputSource(new StringReader(xml)));
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
}
