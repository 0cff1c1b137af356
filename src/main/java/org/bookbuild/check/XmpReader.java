package org.bookbuild.check;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads property values from a raw XMP packet with a namespace-aware DOM, so that any schema (including
 * {@code cc:}, which xmpbox has no typed class for) can be read the same way. Handles the three RDF spellings writers
 * use: a property element with text, with {@code rdf:resource}, or with an {@code rdf:Alt/Seq/Bag} of {@code rdf:li};
 * and a property written as an attribute of {@code rdf:Description}.
 */
final class XmpReader {
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private final Document dom;

  XmpReader(byte[] xmp) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setExpandEntityReferences(false);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    dom = f.newDocumentBuilder().parse(new ByteArrayInputStream(xmp));
  }

  List<String> values(String ns, String local) {
    List<String> out = new ArrayList<>();
    NodeList props = dom.getElementsByTagNameNS(ns, local);
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      NodeList lis = p.getElementsByTagNameNS(RDF, "li");
      if (lis.getLength() > 0) {
        for (int j = 0; j < lis.getLength(); j++) out.add(lis.item(j).getTextContent().strip());
      } else if (p.hasAttributeNS(RDF, "resource")) {
        out.add(p.getAttributeNS(RDF, "resource"));
      } else {
        out.add(p.getTextContent().strip());
      }
    }
    NodeList descs = dom.getElementsByTagNameNS(RDF, "Description");
    for (int i = 0; i < descs.getLength(); i++) {
      NamedNodeMap attrs = descs.item(i).getAttributes();
      for (int j = 0; j < attrs.getLength(); j++) {
        Node a = attrs.item(j);
        if (ns.equals(a.getNamespaceURI()) && local.equals(a.getLocalName())) out.add(((Attr) a).getValue());
      }
    }
    return out;
  }
}
