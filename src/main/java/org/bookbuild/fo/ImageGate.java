package org.bookbuild.fo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.SafeXml;
import org.bookbuild.io.SandboxException;
import org.bookbuild.io.World;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The last check on an image before FOP gets it, because FOP decodes images itself and Batik parses SVG itself:
 * raster images are measured from their header (never decoded) and refused above {@link #MAX_PIXELS}; SVG files are
 * read with a parser that refuses DOCTYPEs, and refused when they declare entities or a DTD or refer to anything outside
 * the project (other files, URLs, CSS imports). What is refused becomes a diagnostic and a placeholder.
 */
final class ImageGate {
  /** Largest raster image handed to FOP: 64 megapixels (about 256 MB once decoded). */
  static final long MAX_PIXELS = 64_000_000L;

  /** Why an image was refused. */
  record Refusal(String ruleId, String message) {}

  private ImageGate() {}

  /**
   * Checks a project image ({@code rel} is project-relative) or generated asset; null when FOP may have it.
   * Warnings that do not stop the image (an SVG script that will not run) go to {@code diags}.
   */
  static Refusal check(byte[] b, String name, World world, String rel, SourcePos pos, Diagnostics diags) {
    if (looksLikeSvg(b, name)) return svg(b, name, world, rel, pos, diags);
    return raster(b, name);
  }

  private static boolean looksLikeSvg(byte[] b, String name) {
    if (name.toLowerCase(Locale.ROOT).matches(".*\\.svgz?$")) return true;
    String head = new String(b, 0, Math.min(b.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.contains("<svg") || (head.startsWith("<?xml") && !head.contains("<html"));
  }

  private static Refusal raster(byte[] b, String name) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(b))) {
      Iterator<ImageReader> it = ImageIO.getImageReaders(in);
      if (!it.hasNext()) return null; // not a format ImageIO knows: FOP reports what it cannot load
      ImageReader r = it.next();
      try {
        r.setInput(in, true, true);
        long w = r.getWidth(0);
        long h = r.getHeight(0);
        if (w * h > MAX_PIXELS) {
          return new Refusal("image-too-large", String.format(Locale.ROOT,
              "image %s is %d × %d pixels (%.0f megapixels); images above %d megapixels are not decoded", name, w, h,
              w * h / 1e6, MAX_PIXELS / 1_000_000));
        }
      } finally {
        r.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new Refusal("image-unreadable", "cannot read the header of image " + name + ": " + e.getMessage());
    }
    return null;
  }

  private static Refusal svg(byte[] b, String name, World world, String rel, SourcePos pos, Diagnostics diags) {
    SvgScan scan = new SvgScan(world, rel);
    byte[] clean = SafeXml.withoutDoctype(b);
    if (clean == null) {
      return new Refusal("svg-unsafe", "SVG " + name + " declares entities (a DOCTYPE with an internal subset), which are never expanded; the image is left out");
    }
    try {
      SafeXml.saxFactory().newSAXParser().parse(new InputSource(new ByteArrayInputStream(clean)), scan);
    } catch (SAXParseException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("DOCTYPE")) {
        return new Refusal("svg-unsafe", "SVG " + name + " declares a DTD in an unexpected place; the image is left out");
      }
      return new Refusal("image-unreadable", "SVG " + name + " is not well-formed XML (line " + e.getLineNumber() + "): " + m);
    } catch (SAXException | IOException | javax.xml.parsers.ParserConfigurationException | RuntimeException e) {
      return new Refusal("image-unreadable", "cannot read SVG " + name + ": " + e.getMessage());
    }
    if (scan.external != null) {
      return new Refusal("svg-unsafe", "SVG " + name + " refers to " + scan.external
          + ", outside the project or on the network; the image is left out");
    }
    if (scan.script) diags.warn("svg-script", pos, "SVG " + name + " contains scripts; they never run in the book");
    return null;
  }

  /** Looks at every reference an SVG makes. */
  private static final class SvgScan extends DefaultHandler {
    private final World world;
    private final String rel;
    String external;
    boolean script;
    private boolean inStyle;

    SvgScan(World world, String rel) {
      this.world = world;
      this.rel = rel;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
      if (local.equals("script")) script = true;
      inStyle = local.equals("style");
      for (int i = 0; i < atts.getLength() && external == null; i++) {
        String a = atts.getLocalName(i);
        String v = atts.getValue(i).trim();
        if (a.equals("href") || a.equals("src")) reference(v);
        else if (v.contains("url(")) css(v);
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inStyle && external == null) css(new String(ch, start, length));
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      inStyle = false;
    }

    private void css(String text) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("url\\(\\s*['\"]?([^'\")]*)").matcher(text);
      while (m.find() && external == null) reference(m.group(1).trim());
      if (text.contains("@import") && external == null) external = "a CSS @import";
    }

    private void reference(String v) {
      if (v.isEmpty() || v.startsWith("#") || v.regionMatches(true, 0, "data:", 0, 5)) return;
      if (v.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || rel == null) {
        external = v;
        return;
      }
      try {
        world.resolve(rel, v);
      } catch (SandboxException e) {
        external = v;
      }
    }
  }
}
