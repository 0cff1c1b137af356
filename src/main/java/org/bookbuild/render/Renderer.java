package org.bookbuild.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.fo.SourceMap;
import org.bookbuild.io.World;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.Style;

/**
 * Stage 7: XSL-FO to PDF with Apache FOP. Fonts come from the style (and the math stage), files through the World;
 * FOP's events become diagnostics; the document information (title, author, subject, keywords, dates) is set from
 * the book's metadata with a fixed creation date so that builds are reproducible.
 */
public final class Renderer {
  private Renderer() {}

  /** Thrown when FOP cannot produce a PDF at all. */
  public static final class RenderException extends Exception {
    public RenderException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static byte[] render(String fo, Style style, World world, Metadata meta, Date created, Diagnostics diags)
      throws RenderException {
    return render(fo, SourceMap.empty(), style, world, meta, created, diags);
  }

  /** @param sources where the FO came from, so that FOP's events are reported at the author's text */
  public static byte[] render(String fo, SourceMap sources, Style style, World world, Metadata meta, Date created,
      Diagnostics diags) throws RenderException {
    return render(fo, sources, style, world, meta, created, RenderSettings.SCREEN, diags);
  }

  /** @param settings FOP settings other stages need (PDF/X for a press); {@link RenderSettings#SCREEN} for today's PDF */
  public static byte[] render(String fo, SourceMap sources, Style style, World world, Metadata meta, Date created,
      RenderSettings settings, Diagnostics diags) throws RenderException {
    try {
      String conf = FopConfig.build(style, extraFonts(), settings);
      Resources resources = new Resources(world, ResourceResolverFactory.createDefaultResourceResolver());
      FopConfParser parser = new FopConfParser(new ByteArrayInputStream(conf.getBytes(StandardCharsets.UTF_8)),
          URI.create("file:///bookbuild/"), resources);
      FopFactoryBuilder builder = parser.getFopFactoryBuilder();
      builder.setStrictFOValidation(false);
      FopFactory factory = builder.build();
      FOUserAgent ua = factory.newFOUserAgent();
      ua.setCreationDate(created);
      // Title, authors, subject and keywords reach the document information from the XMP packet in fo:declarations
      // (fo.Xmp). Setting them here as well would make FOP overwrite the packet's typed values (dc:title as a
      // language alternative, dc:creator as a sequence) with plain text, which XMP readers and PDF/A reject.
      ua.setCreator("bookbuild");
      ua.setProducer("bookbuild (Apache FOP)");
      ua.getEventBroadcaster().addEventListener(new FopEvents(diags, sources));
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      Fop fop = factory.newFop(MimeConstants.MIME_PDF, ua, out);
      Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
      t.transform(org.bookbuild.io.SafeXml.source(fo), new SAXResult(fop.getDefaultHandler()));
      return out.toByteArray();
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      throw new RenderException("FOP could not render the book: " + rootMessage(e), e);
    }
  }

  /** Font registrations contributed by other stages (the math fonts), as FOP {@code <font>} elements. */
  static List<String> extraFonts() {
    return List.of(org.bookbuild.math.MathFonts.fopFontsXml());
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
