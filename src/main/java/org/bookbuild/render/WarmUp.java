package org.bookbuild.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.stream.StreamResult;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFParser;
import org.apache.fop.render.intermediate.IFUtil;

/**
 * Readies the layout, join and check code on the second core while the first parses, transforms and writes the FO:
 * a cold build spent its first FOP layout, its first join and its first PDFBox read loading and linking some
 * thousands of classes and compiling their first methods, each on the critical path (the render stage's own warm-up
 * was 0.3 s of a 160-page book's 9.6 s; the first join and read-back paid again). Here a page of the kinds a book has
 * (text, a link, a list, a table, an SVG drawing, a tagged structure) goes through FOP to the intermediate format,
 * from there to PDF, and through the read-back, with FOP's own base-14 fonts and a factory of its own: nothing of it
 * is kept, and nothing it does reaches the book. The render stage waits for it before it sets FOP up, so that no FOP
 * state is first touched from two threads at once. Once per process.
 */
public final class WarmUp {
  private WarmUp() {}

  private static Thread thread;

  /** Starts the warm-up on a thread of its own, once per process. */
  public static synchronized void start() {
    if (thread != null) return;
    thread = new Thread(null, () -> run(), "bookbuild-warm-up", 64L << 20);
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** Waits for a warm-up that was started (at most a few seconds: it only ever saves time). */
  static void await() {
    Thread t;
    synchronized (WarmUp.class) {
      t = thread;
    }
    if (t == null) return;
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final String FO = "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" "
      + "xmlns:svg=\"http://www.w3.org/2000/svg\" xml:lang=\"en\"><fo:layout-master-set><fo:simple-page-master "
      + "master-name=\"p\" page-width=\"300pt\" page-height=\"300pt\" margin=\"20pt\"><fo:region-body/>"
      + "</fo:simple-page-master></fo:layout-master-set><fo:declarations><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
      + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>w</dc:title></rdf:Description></rdf:RDF>"
      + "</x:xmpmeta></fo:declarations><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
      + "<fo:block id=\"a\" text-align=\"justify\" hyphenate=\"true\" language=\"en\">Warming up the layout of a page "
      + "with a <fo:basic-link internal-destination=\"b\">link</fo:basic-link> and <fo:inline font-weight=\"bold\">"
      + "bold</fo:inline> and <fo:inline font-style=\"italic\">italic</fo:inline> text set in justified lines.</fo:block>"
      + "<fo:list-block><fo:list-item><fo:list-item-label end-indent=\"label-end()\"><fo:block>1.</fo:block>"
      + "</fo:list-item-label><fo:list-item-body start-indent=\"body-start()\"><fo:block>item</fo:block>"
      + "</fo:list-item-body></fo:list-item></fo:list-block><fo:table><fo:table-body><fo:table-row><fo:table-cell "
      + "border=\"0.5pt solid black\"><fo:block>cell</fo:block></fo:table-cell></fo:table-row></fo:table-body>"
      + "</fo:table><fo:block id=\"b\" keep-with-previous=\"always\"><fo:instream-foreign-object>"
      + "<svg:svg width=\"20pt\" height=\"10pt\" viewBox=\"0 0 20 10\"><svg:path d=\"M0 0 L20 10\" stroke=\"black\"/>"
      + "<svg:text x=\"1\" y=\"9\" font-size=\"8\">x</svg:text></svg:svg></fo:instream-foreign-object> page "
      + "<fo:page-number-citation ref-id=\"a\"/></fo:block></fo:flow></fo:page-sequence></fo:root>";

  /** One pass of the warm-up; whether it went through (false would leave a build only without its head start). */
  static boolean run() {
    try {
      FopFactory factory = FopFactory.newInstance(URI.create("file:///bookbuild-warm-up/"));
      FOUserAgent ua = factory.newFOUserAgent();
      ua.setAccessibility(true);
      ByteArrayOutputStream ifOut = new ByteArrayOutputStream();
      Fop fop = factory.newFop(MimeConstants.MIME_FOP_IF, ua, ifOut);
      org.xml.sax.XMLReader reader = org.bookbuild.io.SafeXml.reader();
      reader.setContentHandler(fop.getDefaultHandler());
      reader.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(FO.getBytes(StandardCharsets.UTF_8))));

      FOUserAgent ua2 = factory.newFOUserAgent();
      ua2.setAccessibility(true);
      IFDocumentHandler pdf = ua2.getRendererFactory().createDocumentHandler(ua2, MimeConstants.MIME_PDF);
      ByteArrayOutputStream pdfOut = new ByteArrayOutputStream();
      pdf.setResult(new StreamResult(pdfOut));
      IFUtil.setupFonts(pdf);
      org.xml.sax.XMLReader ifReader = org.bookbuild.io.SafeXml.reader();
      ifReader.setContentHandler(new IFParser().getContentHandler(pdf, ua2));
      ifReader.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(ifOut.toByteArray())));
      FopStatics.release();
      org.bookbuild.check.ReadBack.Report report = org.bookbuild.check.ReadBack.read(pdfOut.toByteArray());
      return report.problems().isEmpty() && report.notdefs().isEmpty();
    } catch (Throwable e) {
      // only ever a head start: whatever fails here fails (and is reported) in the build itself, if at all
      return false;
    }
  }
}
