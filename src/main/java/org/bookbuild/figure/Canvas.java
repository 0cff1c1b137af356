package org.bookbuild.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A figure's drawing surface: Batik's SVG generator with one user unit per point, text kept as {@code <text>}, and a
 * serialisation that gives the same bytes for the same drawing (Batik numbers its defs in drawing order and formats
 * numbers with a fixed locale; we add no comment, date or random id).
 */
final class Canvas {
  final SVGGraphics2D g;
  final double width;
  final double height;

  Canvas(double width, double height, String family) {
    this.width = width;
    this.height = height;
    Document doc = GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setComment(null);
    ctx.setEmbeddedFontsOn(false);
    ctx.setPrecision(3);
    SVGGeneratorContext.GraphicContextDefaults defaults = new SVGGeneratorContext.GraphicContextDefaults();
    defaults.setFont(Fonts.font(family, 10));
    ctx.setGraphicContextDefaults(defaults);
    g = new SVGGraphics2D(ctx, false);
    g.setFont(Fonts.font(family, 10));
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setSVGCanvasSize(new java.awt.Dimension((int) Math.ceil(width), (int) Math.ceil(height)));
  }

  void stroke(double width, float[] dash, Color c) {
    g.setColor(c);
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4f, dash, 0f));
  }

  void frame(Rectangle2D r, double width, Color c) {
    stroke(width, null, c);
    g.draw(r);
  }

  /** The finished SVG document, sized in points. */
  byte[] toBytes() {
    Element root = g.getRoot();
    String w = num(width), h = num(height);
    root.setAttribute("width", w + "pt");
    root.setAttribute("height", h + "pt");
    root.setAttribute("viewBox", "0 0 " + w + " " + h);
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      g.stream(root, out, true, false);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise SVG in memory", e);
    }
    // Batik writes a prolog with a DOCTYPE naming a DTD on the web; FOP needs neither, and nothing may go online.
    String svg = out.toString().replaceFirst("(?s)^<\\?xml[^>]*>\\s*(<!DOCTYPE[^>]*>\\s*)?", "");
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg).getBytes(StandardCharsets.UTF_8);
  }

  static String num(double v) {
    return Ticks.format(v, 3).replace('\u2212', '-');
  }
}
