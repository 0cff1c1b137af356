package org.bookbuild.math;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.xmlgraphics.io.ResourceResolver;

/**
 * A small FOP set-up for the math tests, independent of the render stage: CMU Serif for text, jlatexmath's fonts for
 * math, and every FOP warning about fonts or glyphs collected so a test can fail on it.
 */
final class FopHarness {
  private static FopFactory factory;
  final List<String> fontEvents = new ArrayList<>();
  /** Every event FOP broadcast during {@link #render}. */
  final List<org.apache.fop.events.Event> events = new ArrayList<>();

  static synchronized FopFactory factory() throws Exception {
    if (factory != null) return factory;
    Path cmu = Path.of("styles/fonts/cmu").toAbsolutePath();
    StringBuilder fonts = new StringBuilder();
    String[][] faces = {
      {"cmu-serif-500-roman.ttf", "normal", "normal"}, {"cmu-serif-500-italic.ttf", "italic", "normal"},
      {"cmu-serif-700-roman.ttf", "normal", "bold"}, {"cmu-typewriter-text-500-roman.ttf", "normal", "normal"}
    };
    for (String[] f : faces) {
      String fam = f[0].startsWith("cmu-typewriter") ? "CMU Typewriter" : "CMU Serif";
      fonts.append("<font embed-url=\"").append(cmu.resolve(f[0]).toUri()).append("\"><font-triplet name=\"")
          .append(fam).append("\" style=\"").append(f[1]).append("\" weight=\"").append(f[2]).append("\"/></font>\n");
    }
    fonts.append(MathFonts.fopFontsXml());
    String conf = "<fop version=\"1.0\"><use-cache>false</use-cache><renderers><renderer mime=\"application/pdf\">"
        + "<fonts>" + fonts + "</fonts></renderer></renderers></fop>";
    ResourceResolver base = org.apache.fop.apps.io.ResourceResolverFactory.createDefaultResourceResolver();
    FopConfParser parser = new FopConfParser(new ByteArrayInputStream(conf.getBytes(StandardCharsets.UTF_8)),
        URI.create("file:///tmp/"), MathFonts.resolver(base));
    factory = parser.getFopFactoryBuilder().build();
    return factory;
  }

  /** Renders an FO document to PDF bytes. */
  byte[] render(String fo) throws Exception {
    FOUserAgent ua = factory().newFOUserAgent();
    ua.setAccessibility(false);
    ua.getEventBroadcaster().addEventListener(ev -> {
      events.add(ev);
      String id = ev.getEventID();
      if (id.contains("Font") || id.contains("glyph") || id.contains("image") || id.contains("Image"))
        fontEvents.add(id + " " + ev.getParams());
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Fop fop = factory().newFop(MimeConstants.MIME_PDF, ua, out);
    Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
    t.transform(new StreamSource(new StringReader(fo)), new SAXResult(fop.getDefaultHandler()));
    return out.toByteArray();
  }

  /** A one-page A5 FO document around the given flow content. */
  static String page(String flowContent) {
    return "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" xmlns:fox=\"http://xmlgraphics.apache.org/fop/extensions\""
        + " xmlns:m=\"http://bookbuild.org/ns/math\"><fo:layout-master-set><fo:simple-page-master master-name=\"p\""
        + " page-width=\"148mm\" page-height=\"210mm\" margin=\"20mm\"><fo:region-body/></fo:simple-page-master>"
        + "</fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\""
        + " font-family=\"CMU Serif\" font-size=\"10pt\" text-align=\"justify\">" + flowContent
        + "</fo:flow></fo:page-sequence></fo:root>";
  }

  static String inline(String tex) {
    return "<fo:instream-foreign-object><m:formula display=\"false\">" + esc(tex) + "</m:formula></fo:instream-foreign-object>";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
