package org.bookbuild.transform;

import java.util.List;
import java.util.Locale;
import org.bookbuild.figure.FigureEngine;
import org.bookbuild.figure.ImageInfo;
import org.bookbuild.io.SandboxException;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * Images made by a {@code plot} directive (spec text in attribute {@code plot}) and images whose source is a figure spec ({@code .yml}, {@code .yaml}, {@code .json}) are drawn by the figure stage and
 * point at the generated SVG (attribute {@code asset}, a {@code file:} URI, plus {@code width-pt}/{@code height-pt});
 * static PNG, JPEG and SVG images are measured and checked for print resolution. Missing and remote files are left
 * for the FO writer, which reports them where it places them.
 */
public final class ResolveFigures implements ChapterWise<ResolveFigures.Plot, Void> {
  /** The figure text's family and size, and the text width that decides an image's printed size. */
  record Plot(String family, double size, double textWidth) {}

  @Override
  public Plot begin(Book book, Context ctx) {
    String family = firstFamily(ctx.style().prop("figure.plot", "font-family", ctx.style().prop("body", "font-family", "")));
    double size = points(ctx.style().prop("figure.plot", "font-size", "0pt"), 0);
    for (org.bookbuild.style.Style.FontFace f : ctx.style().fonts()) {
      // the face must be known to Java2D, or Batik would name a substitute in the SVG
      if (!f.family().equals(family)) continue;
      String res = f.source().startsWith("classpath:") ? f.source().substring("classpath:".length()) : f.source();
      FigureEngine.registerBuiltinFace(ctx.world(), res);
    }
    return new Plot(family, size, textWidth(ctx));
  }

  @Override
  public Done chapter(Plot plot, Void facts, Chapter ch, Context ctx) {
    // the engine reads through this chapter's world, so that a memo knows which files the chapter's figures read
    FigureEngine[] engine = {null};
    return new Done(ch.withBlocks(new Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        if (!(i instanceof Inline.Image im)) return List.of(i);
        if (engine[0] == null) engine[0] = new FigureEngine(ctx.world(), plot.family(), plot.size());
        return List.of(resolve(im, ch, ctx, engine[0], plot.textWidth()));
      }
    }.blocks(ch.blocks())), null);
  }

  private static Inline resolve(Inline.Image im, Chapter ch, Context ctx, FigureEngine engine, double textWidth) {
    String src = im.src();
    String inlineSpec = im.attr().get("plot");
    if (inlineSpec != null && im.attr().get("asset") == null) {
      FigureEngine.Rendered r = engine.renderInline(inlineSpec, im.pos(), ctx.diags());
      Attr a = im.attr().with("plot", null).with("asset", r.svg().toUri().toString())
          .with("width-pt", num(r.widthPt())).with("height-pt", num(r.heightPt()));
      return new Inline.Image(im.pos(), a, im.src(), im.alt());
    }
    if (src.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || im.attr().get("asset") != null) return im;
    String rel;
    try {
      rel = ctx.world().resolve(im.pos().isKnown() ? im.pos().file() : ch.file(), src);
    } catch (SandboxException e) {
      return im;
    }
    if (FigureEngine.isSpec(src)) {
      FigureEngine.Rendered r = engine.renderFile(rel, im.pos(), ctx.diags());
      Attr a = im.attr().with("asset", r.svg().toUri().toString())
          .with("width-pt", num(r.widthPt())).with("height-pt", num(r.heightPt()));
      return new Inline.Image(im.pos(), a, im.src(), im.alt());
    }
    String lower = src.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pdf") && ctx.world().exists(rel)) {
      // FOP reads no PDF images: the page is drawn once at print resolution and placed at its own size
      org.bookbuild.figure.PdfPicture.Drawn d = org.bookbuild.figure.PdfPicture.draw(ctx.world(), rel, im.pos(), ctx.diags());
      if (d == null) return im;
      Attr a = im.attr().with("asset", d.png().toUri().toString())
          .with("width-pt", num(d.widthPt())).with("height-pt", num(d.heightPt()));
      return new Inline.Image(im.pos(), a, im.src(), im.alt());
    }
    if (!ctx.world().exists(rel) || !lower.matches(".*\\.(png|jpe?g|svg)$")) return im;
    ImageInfo info = FigureEngine.measureImage(ctx.world(), rel, im.pos(), ctx.diags());
    if (info == null) return im;
    FigureEngine.checkResolution(rel, info, placedWidth(im.attr().get("width"), info.widthPt(), textWidth), im.pos(), ctx.diags());
    Attr a = im.attr().with("width-pt", num(info.widthPt())).with("height-pt", num(info.heightPt()));
    return new Inline.Image(im.pos(), a, im.src(), im.alt());
  }

  /** The printed width: the author's width (percent of the text width, pixels at 96 per inch, or a length), else the natural width scaled down to fit. */
  static double placedWidth(String width, double natural, double textWidth) {
    if (width == null || width.isBlank()) return textWidth > 0 ? Math.min(natural, textWidth) : natural;
    String w = width.trim().toLowerCase(Locale.ROOT);
    try {
      if (w.endsWith("%")) return Double.parseDouble(w.substring(0, w.length() - 1)) / 100 * (textWidth > 0 ? textWidth : natural);
      if (w.endsWith("px")) return Double.parseDouble(w.substring(0, w.length() - 2)) * 0.75;
      if (w.matches("[0-9.]+")) return Double.parseDouble(w) * 0.75;
    } catch (NumberFormatException e) {
      return natural;
    }
    return points(w, natural);
  }

  private static double textWidth(Context ctx) {
    try {
      var s = ctx.style();
      double gutter = s.pageSettings().containsKey("gutter") ? points(s.page("gutter"), 0) : 0;
      return points(s.page("width"), 0) - points(s.page("margin-inner"), 0) - points(s.page("margin-outer"), 0) - gutter;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** A length with unit pt, in, mm, cm or pc in points; {@code dflt} when unreadable. */
  static double points(String s, double dflt) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([0-9.]+)\\s*(pt|in|mm|cm|pc)\\s*").matcher(s.toLowerCase(Locale.ROOT));
    if (!m.matches()) return dflt;
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "in" -> v * 72;
      case "mm" -> v * 72 / 25.4;
      case "cm" -> v * 72 / 2.54;
      case "pc" -> v * 12;
      default -> v;
    };
  }

  private static String firstFamily(String families) {
    String f = families.split(",")[0].trim();
    return f.replace("\"", "").replace("'", "");
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
