package org.bookbuild.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;

/**
 * Renders small FO strings straight through Apache FOP for tests that need a real PDF without the whole pipeline.
 * Fonts are the CMU faces under {@code styles/fonts/cmu}, configured one by one: no auto-detection, no font cache.
 * A font substitution or a missing glyph fails the render, so a test cannot pass on fallback fonts.
 */
public final class TestFop {
  private static FopFactory factory;

  private TestFop() {}

  /** The CMU families by the names FO uses, with the file stem for each style/weight. */
  private static final String[][] FACES = {
    {"CMU Serif", "normal", "normal", "cmu-serif-500-roman"},
    {"CMU Serif", "normal", "bold", "cmu-serif-700-roman"},
    {"CMU Serif", "italic", "normal", "cmu-serif-500-italic"},
    {"CMU Serif", "italic", "bold", "cmu-serif-700-italic"},
    {"CMU Sans Serif", "normal", "normal", "cmu-sans-serif-500-roman"},
    {"CMU Sans Serif", "normal", "bold", "cmu-sans-serif-700-roman"},
    {"CMU Typewriter Text", "normal", "normal", "cmu-typewriter-text-500-roman"},
    {"CMU Typewriter Text", "normal", "bold", "cmu-typewriter-text-700-roman"},
    {"CMU Typewriter Text", "italic", "normal", "cmu-typewriter-text-500-italic"},
  };

  public static synchronized FopFactory factory() throws Exception {
    if (factory != null) return factory;
    Path fonts = Path.of("styles/fonts/cmu").toAbsolutePath();
    StringBuilder conf = new StringBuilder("<fop version=\"1.0\"><use-cache>false</use-cache>"
        + "<renderers><renderer mime=\"application/pdf\"><fonts>");
    for (String[] f : FACES) {
      conf.append("<font kerning=\"yes\" embed-url=\"").append(fonts.resolve(f[3] + ".ttf").toUri())
          .append("\"><font-triplet name=\"").append(f[0]).append("\" style=\"").append(f[1])
          .append("\" weight=\"").append(f[2]).append("\"/></font>");
    }
    conf.append("</fonts></renderer></renderers></fop>");
    FopConfParser parser = new FopConfParser(
        new ByteArrayInputStream(conf.toString().getBytes(StandardCharsets.UTF_8)), Path.of(".").toAbsolutePath().toUri());
    factory = parser.getFopFactoryBuilder().build();
    return factory;
  }

  /** Renders FO text to PDF bytes with a fixed creation date. */
  public static byte[] render(String fo) throws Exception {
    return render(fo, false);
  }

  /** Renders FO text to a tagged PDF in PDF/UA-1 mode. */
  public static byte[] renderTagged(String fo) throws Exception {
    return render(fo, true);
  }

  private static byte[] render(String fo, boolean tagged) throws Exception {
    FOUserAgent ua = factory().newFOUserAgent();
    ua.setAccessibility(tagged);
    if (tagged) {
      ua.getRendererOptions().put("pdf-ua-mode", "PDF/UA-1");
      ua.setTitle("Tagged test document");
    }
    ua.setCreationDate(new Date(1_767_225_600_000L)); // 2026-01-01T00:00:00Z
    ua.setProducer("bookbuild tests");
    List<String> problems = new ArrayList<>();
    ua.getEventBroadcaster().addEventListener(ev -> {
      String id = ev.getEventID();
      if (id.contains("fontSubstituted") || id.contains("glyphNotAvailable") || id.contains("fontLoadingError")) {
        problems.add(id + " " + ev.getParams());
      }
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Fop fop = factory().newFop(MimeConstants.MIME_PDF, ua, out);
    TransformerFactory.newDefaultInstance().newTransformer()
        .transform(new StreamSource(new StringReader(fo)), new SAXResult(fop.getDefaultHandler()));
    if (!problems.isEmpty()) throw new AssertionError("FOP font problems: " + problems);
    return out.toByteArray();
  }

  /** A whole FO document: one 6×9 in page master with 54 pt margins, optional declarations, the given page-sequences. */
  public static String document(String declarations, String... pageSequences) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" font-family=\"CMU Serif\" font-size=\"10pt\">"
        + "<fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"6in\" page-height=\"9in\""
        + " margin=\"54pt\"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>");
    if (declarations != null) sb.append("<fo:declarations>").append(declarations).append("</fo:declarations>");
    for (String s : pageSequences) sb.append(s);
    return sb.append("</fo:root>").toString();
  }

  /** A page-sequence on the test master whose flow holds {@code flowContent}. */
  public static String sequence(String attrs, String flowContent) {
    return "<fo:page-sequence master-reference=\"p\" " + (attrs == null ? "" : attrs) + ">"
        + "<fo:flow flow-name=\"xsl-region-body\">" + flowContent + "</fo:flow></fo:page-sequence>";
  }

  /** Writes {@code pdf} under target/test-pdfs for a person to look at; returns the path. */
  public static Path keep(String name, byte[] pdf) throws Exception {
    Path dir = Path.of("target/test-pdfs");
    Files.createDirectories(dir);
    Path p = dir.resolve(name);
    Files.write(p, pdf);
    return p;
  }
}
