package org.bookbuild.finish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * PDF/A (an {@code archive: true} build) accepts XMP properties outside its predefined schemas only when the packet
 * describes them in a PDF/A extension schema (ISO 19005-2 6.6.2.3). FOP writes the extension schema block for the
 * PDF/UA identification and replaces any the FO declared, so the Creative Commons properties ({@code cc:license},
 * {@code cc:attributionName}) are described here, added to FOP's block.
 */
final class XmpExtension implements DocumentStep {
  static final String CC = "http://creativecommons.org/ns#";

  static final String CC_SCHEMA = """
      <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Creative Commons Rights Expression Language</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://creativecommons.org/ns#</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>cc</pdfaSchema:prefix>
      <pdfaSchema:property><rdf:Seq>
      <rdf:li rdf:parseType="Resource"><pdfaProperty:name>license</pdfaProperty:name><pdfaProperty:valueType>URL</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>the licence the work is offered under</pdfaProperty:description></rdf:li>
      <rdf:li rdf:parseType="Resource"><pdfaProperty:name>attributionName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>the name to credit when the work is reused</pdfaProperty:description></rdf:li>
      </rdf:Seq></pdfaSchema:property>
      </rdf:li>
      """;

  @Override
  public boolean wanted(String pdf) {
    return pdf.contains("pdfaid:part") && pdf.contains(CC) && pdf.contains("pdfaExtension:schemas");
  }

  @Override
  public boolean apply(PDDocument doc) throws IOException {
    PDMetadata meta = doc.getDocumentCatalog().getMetadata();
    if (meta == null) return false;
    String xmp;
    try (InputStream in = meta.exportXMPMetadata()) {
      xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String updated = addCcSchema(xmp);
    if (updated == null) return false;
    meta.importXMPMetadata(updated.getBytes(StandardCharsets.UTF_8));
    return true;
  }

  /** The packet with the cc schema described in its extension block; null when there is nothing to do. */
  static String addCcSchema(String xmp) {
    if (!xmp.contains("xmlns:cc=\"" + CC + "\"") || xmp.contains("<pdfaSchema:prefix>cc</pdfaSchema:prefix>")) return null;
    int schemas = xmp.indexOf("<pdfaExtension:schemas>");
    if (schemas < 0) return null;
    int bag = xmp.indexOf("</rdf:Bag>", schemas);
    if (bag < 0) return null;
    return xmp.substring(0, bag) + CC_SCHEMA + xmp.substring(bag);
  }
}
