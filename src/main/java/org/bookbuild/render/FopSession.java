package org.bookbuild.render;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.apache.fop.events.EventListener;
import org.bookbuild.io.World;
import org.bookbuild.style.Style;

/**
 * One FOP factory for one build (fonts, resolver, PDF modes), shared by every layout worker and the join: FOP's factory
 * is thread-safe, each run gets a user agent of its own.
 */
final class FopSession {
  static {
    // FOP builds a DOM for every foreign object it reads back from IF (each formula in the join) through
    // ElementMapping.getDefaultDOMImplementation, i.e. DocumentBuilderFactory.newInstance(), which without this
    // property looks for a provider in every jar of the class path on each call (a tenth of the join in a profile).
    // Naming the class that very lookup finds (asked once, here) skips the scan and keeps the same parser.
    String property = "javax.xml.parsers.DocumentBuilderFactory";
    if (System.getProperty(property) == null) {
      System.setProperty(property, javax.xml.parsers.DocumentBuilderFactory.newInstance().getClass().getName());
    }
  }

  final FopFactory factory;
  final RenderSettings settings;
  /** FOP's configuration, which names every font file (the key of {@link LayoutFonts}). */
  final String config;
  private final Date created;

  private FopSession(FopFactory factory, RenderSettings settings, String config, Date created) {
    this.factory = factory;
    this.settings = settings;
    this.config = config;
    this.created = created;
  }

  static FopSession open(Style style, World world, Date created, RenderSettings settings) throws Exception {
    String conf = FopConfig.build(style, Renderer.extraFonts(), settings);
    Resources resources = new Resources(world, ResourceResolverFactory.createDefaultResourceResolver());
    FopConfParser parser = new FopConfParser(new ByteArrayInputStream(conf.getBytes(StandardCharsets.UTF_8)),
        URI.create("file:///bookbuild/"), resources);
    FopFactoryBuilder builder = parser.getFopFactoryBuilder();
    builder.setStrictFOValidation(false);
    // marks the FO writer leaves for this stage (an index entry's page list) are no FO: FOP passes over them
    builder.ignoreNamespace(org.bookbuild.fo.PageListMark.NS);
    FopFactory factory = builder.build();
    PngPassThrough.install(factory, settings);
    ImagePipelines.install(factory.getImageManager());
    return new FopSession(factory, settings, conf, created);
  }

  /** A user agent for one FOP run, its events going to {@code events}. */
  FOUserAgent userAgent(EventListener events) {
    FOUserAgent ua = factory.newFOUserAgent();
    ua.setCreationDate(created);
    // Title, authors, subject and keywords reach the document information from the XMP packet in fo:declarations
    // (fo.Xmp). Setting them here as well would make FOP overwrite the packet's typed values (dc:title as a
    // language alternative, dc:creator as a sequence) with plain text, which XMP readers and PDF/A reject.
    ua.setCreator("bookbuild");
    ua.setProducer("bookbuild (Apache FOP)");
    if (settings.tagged()) ua.setAccessibility(true);
    if (events != null) ua.getEventBroadcaster().addEventListener(events);
    return ua;
  }
}
