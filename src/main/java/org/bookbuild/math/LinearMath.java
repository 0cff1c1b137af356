package org.bookbuild.math;

import java.awt.Font;
import java.awt.Graphics;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.apache.batik.ext.awt.g2d.AbstractGraphics2D;
import org.apache.batik.ext.awt.g2d.GraphicContext;

/**
 * A formula as one line of Unicode text, for the places where nothing can be drawn: PDF bookmarks and running heads
 * ({@code \mathbb{R}^n} → {@code ℝⁿ}, {@code \alpha_i \le \beta} → {@code αᵢ ≤ β}). The formula is laid out by
 * jlatexmath as on the page and painted into a graphics context that only records which glyph of which font lands
 * where; each glyph becomes its character through {@link MathUnicode} (the same table the PDF's ToUnicode maps are made
 * from, so a bookmark says what copying the formula gives). Smaller glyphs above or below the baseline become Unicode
 * superscripts or subscripts when every one of them has such a form, else {@code ^x} / {@code _(ij)}; a gap of TeX's
 * medium or thick space (around binary operators and relations) becomes a space.
 */
public final class LinearMath {
  private LinearMath() {}

  private static final String SUP_FROM = "0123456789+-=()nia−";
  private static final String SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃ⁻";
  private static final String SUB_FROM = "0123456789+-=()aeiojklmnoprstuvx−";
  private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢₒⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₋";

  /** One glyph as drawn: its text, the origin on the page (y down), its advance and its size, in points. */
  record Glyph(String text, double x, double y, double advance, double size) {}

  /**
   * The Unicode text of a formula (TeX after the book's macros), or null when jlatexmath cannot lay it out (the caller
   * keeps the TeX).
   */
  public static String text(String tex, Macros macros) {
    String t;
    try {
      t = TexPrepass.run(tex, false, macros).tex();
      if (Typesetter.check(t, false) != null) return null;
      Typesetter.Laid laid = Typesetter.layout(t, false, 10);
      Recorder g = new Recorder();
      laid.paint(g);
      String s = linear(fractions(g.glyphs, g.rules, laid.height()), laid.height());
      return s.isEmpty() ? null : s;
    } catch (Typesetter.MathException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Fractions: a rule with glyphs right above and right below it (within its width) becomes one glyph
   * {@code num/den} on the baseline, parenthesised where a part has more than one symbol; innermost rule first.
   * A rule with nothing above (a radical's vinculum, an overline) is left alone.
   */
  static List<Glyph> fractions(List<Glyph> glyphs, List<java.awt.geom.Rectangle2D> rules, double baseline) {
    List<Glyph> out = new ArrayList<>(glyphs);
    double size = 0;
    for (Glyph g : glyphs) size = Math.max(size, g.size());
    List<java.awt.geom.Rectangle2D> sorted = new ArrayList<>(rules);
    sorted.sort(java.util.Comparator.comparingDouble(java.awt.geom.Rectangle2D::getWidth));
    for (java.awt.geom.Rectangle2D r : sorted) {
      double y = r.getCenterY();
      List<Glyph> num = new ArrayList<>();
      List<Glyph> den = new ArrayList<>();
      for (Glyph g : out) {
        double mid = g.x() + g.advance() / 2;
        if (mid < r.getMinX() || mid > r.getMaxX()) continue;
        if (g.y() < y && y - g.y() < 1.5 * size) num.add(g);
        else if (g.y() > y && g.y() - y < 1.5 * size) den.add(g);
      }
      if (num.isEmpty() || den.isEmpty()) continue;
      String n = linear(num, num.get(0).y());
      String d = linear(den, den.get(0).y());
      String text = part(n) + "/" + part(d);
      int at = out.indexOf(num.get(0));
      out.removeAll(num);
      out.removeAll(den);
      at = Math.min(at, out.size());
      out.add(at, new Glyph(text, r.getMinX(), baseline, r.getWidth(), size));
    }
    return out;
  }

  private static String part(String s) {
    return s.codePointCount(0, s.length()) <= 1 || s.matches("[\\p{L}\\p{N}]+") ? s : "(" + s + ")";
  }

  /** Glyphs in drawing order → one line: scripts as super/subscripts, spaces where TeX put a thin space or more. */
  static String linear(List<Glyph> glyphs, double baseline) {
    double size = 0;
    for (Glyph g : glyphs) size = Math.max(size, g.size());
    // runs of glyphs of one kind (on the line, raised, lowered) without a space inside a script
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < glyphs.size(); ) {
      int kind = kind(glyphs.get(i), size, baseline);
      int j = i + 1;
      while (j < glyphs.size() && kind(glyphs.get(j), size, baseline) == kind
          && (kind == 0 || !gap(glyphs.get(j - 1), glyphs.get(j), size))) j++;
      runs.add(new int[] {i, j, kind});
      i = j;
    }
    // limits and scripts stacked on one another are drawn superscript first: read the subscript first (∑ᵢ₌₁ⁿ)
    for (int r = 0; r + 1 < runs.size(); r++) {
      int[] a = runs.get(r);
      int[] b = runs.get(r + 1);
      if (a[2] == 1 && b[2] == -1 && glyphs.get(b[0]).x() < glyphs.get(a[1] - 1).x() + glyphs.get(a[1] - 1).advance()) {
        runs.set(r, b);
        runs.set(r + 1, a);
        r++;
      }
    }
    StringBuilder out = new StringBuilder();
    Glyph prev = null;
    for (int[] run : runs) {
      StringBuilder text = new StringBuilder();
      for (int k = run[0]; k < run[1]; k++) {
        Glyph h = glyphs.get(k);
        if (k > run[0] && gap(glyphs.get(k - 1), h, size)) text.append(' ');
        text.append(h.text());
      }
      Glyph first = glyphs.get(run[0]);
      if (prev != null && run[2] == 0 && gap(prev, first, size) && out.length() > 0
          && out.charAt(out.length() - 1) != ' ') out.append(' ');
      out.append(run[2] == 0 ? text : script(text.toString(), run[2] > 0));
      prev = glyphs.get(run[1] - 1);
    }
    return out.toString().strip();
  }

  /** 0 on the baseline at full size, 1 raised and smaller (superscript), -1 lowered and smaller (subscript). */
  private static int kind(Glyph g, double size, double baseline) {
    if (g.size() > 0.85 * size) return 0;
    if (g.y() < baseline - 0.12 * size) return 1;
    if (g.y() > baseline + 0.05 * size) return -1;
    return 0;
  }

  private static boolean gap(Glyph a, Glyph b, double size) {
    return b.x() - (a.x() + a.advance()) > 0.14 * size;
  }

  private static String script(String s, boolean sup) {
    String from = sup ? SUP_FROM : SUB_FROM;
    String to = sup ? SUP_TO : SUB_TO;
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      int at = from.indexOf(s.charAt(k));
      if (at < 0) {
        String plain = s.codePointCount(0, s.length()) == 1 ? s : "(" + s + ")";
        return (sup ? "^" : "_") + plain;
      }
      b.append(to.charAt(at));
    }
    return b.toString();
  }

  /**
   * A graphics context that draws nothing and notes every glyph jlatexmath draws (CharBox draws one at a time). One made
   * with {@code record} false only counts them ({@link #drawn}), which is all {@link Typesetter.Laid#glyphs} needs.
   */
  static final class Recorder extends AbstractGraphics2D {
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
    final List<Glyph> glyphs;
    final List<java.awt.geom.Rectangle2D> rules;
    private final boolean record;
    private final int[] drawn;

    Recorder() {
      this(true);
    }

    Recorder(boolean record) {
      super(false);
      gc = new GraphicContext();
      glyphs = new ArrayList<>();
      rules = new ArrayList<>();
      this.record = record;
      drawn = new int[1];
    }

    /** A copy ({@link #create}) with its own state that notes into the same list. */
    private Recorder(Recorder r) {
      super(r);
      glyphs = r.glyphs;
      rules = r.rules;
      record = r.record;
      drawn = r.drawn;
    }

    /** How many glyphs were drawn (each character of a {@code drawString}), recorded or not. */
    int drawn() {
      return drawn[0];
    }

    @Override
    public void drawString(String s, float x, float y) {
      drawn[0] += s.codePointCount(0, s.length());
      if (!record) return;
      Font f = getFont();
      AffineTransform t = getTransform();
      Point2D p = t.transform(new Point2D.Double(x, y), null);
      double scale = Math.sqrt(Math.abs(t.getDeterminant()));
      String family = f.getFontName();
      StringBuilder text = new StringBuilder();
      s.codePoints().forEach(c -> {
        String u = MathUnicode.text(family, c);
        text.append(u != null ? u : MathUnicode.isMathFont(family) ? "" : new String(Character.toChars(c)));
      });
      double advance = f.getStringBounds(s, FRC).getWidth() * scale;
      if (text.length() > 0) glyphs.add(new Glyph(text.toString(), p.getX(), p.getY(), advance, f.getSize2D() * scale));
    }

    @Override
    public void drawString(AttributedCharacterIterator it, float x, float y) {
      StringBuilder b = new StringBuilder();
      for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) b.append(c);
      drawString(b.toString(), x, y);
    }

    @Override
    public void drawGlyphVector(GlyphVector g, float x, float y) {
      drawn[0] += g.getNumGlyphs();
    }

    @Override
    public void draw(Shape s) {}

    /** jlatexmath draws fraction bars, radical vinculums and overlines as filled rectangles. */
    @Override
    public void fill(Shape s) {
      if (!record) return;
      java.awt.geom.Rectangle2D b = getTransform().createTransformedShape(s).getBounds2D();
      if (b.getWidth() > 2 * b.getHeight()) rules.add(b);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver o) {
      return true;
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver o) {
      return true;
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform t) {}

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform t) {}

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {}

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
      return null;
    }

    @Override
    public Graphics create() {
      return new Recorder(this);
    }

    @Override
    public void setXORMode(java.awt.Color c) {}

    @Override
    public java.awt.FontMetrics getFontMetrics(Font f) {
      return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(f);
    }

    @Override
    public void copyArea(int x, int y, int w, int h, int dx, int dy) {}

    @Override
    public void dispose() {}
  }
}
