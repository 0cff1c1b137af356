package org.bookbuild.math;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import org.scilab.forge.jlatexmath.Box;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * The one place that calls jlatexmath: lays out TeX (already through the pre-pass) at a size in points and paints the
 * result into any {@link Graphics2D}. Used twice per formula: by {@link MathFo} to prove the formula parses before it is
 * written into the FO, and by the FOP plug-in to measure and draw it at the font size in effect on the page.
 */
public final class Typesetter {
  private Typesetter() {}

  /**
   * A laid-out formula: width, height above the baseline and depth below it, all in points and finite; width and
   * total height are never negative (see {@link #layout}).
   */
  public record Laid(Box box, float scale, float width, float height, float depth) {
    /**
     * The smallest box FOP is given, in millipoints. FOP's PDF painter scales a drawing by the area it reserved divided
     * by the drawing's own size: a formula of zero width or height ({@code \hspace{1em}}, {@code \vphantom{x}}, an
     * empty {@code array}) made that 0/0 and wrote {@code NaN} into the page's content stream, where viewers stop
     * drawing the page. Every size handed to FOP is at least this, so the ratio is always a finite number.
     */
    public static final int MIN_MPT = 1;

    /** The width handed to FOP, in millipoints: at least {@link #MIN_MPT}. */
    public int widthMpt() {
      return Math.max(MIN_MPT, Math.round(width * 1000));
    }

    /** The total height (above and below the baseline) handed to FOP, in millipoints: at least {@link #MIN_MPT}. */
    public int totalMpt() {
      return Math.max(MIN_MPT, Math.round((height + depth) * 1000));
    }

    /**
     * How many glyphs painting the formula draws. The FO writer notes it on each formula, and the FOP plug-in compares
     * it with the formula it lays out on the page: jlatexmath keeps state between formulas, and a formula that loses
     * content to it keeps its size (the room on the page) while drawing less (the {@code math-unpainted} error).
     */
    public int glyphs() {
      LinearMath.Recorder r = new LinearMath.Recorder(false);
      paint(r);
      return r.drawn();
    }

    /** Paints with the top-left corner of the formula's bounding box at the origin of {@code g}. */
    public void paint(Graphics2D g) {
      AffineTransform saved = g.getTransform();
      Color savedColor = g.getColor();
      g.scale(scale, scale);
      g.setColor(Color.BLACK);
      synchronized (Typesetter.class) {
        // jlatexmath's CharBox draws through one static char buffer: never paint two formulas at once.
        box.draw(g, 0, box.getHeight());
      }
      g.setTransform(saved);
      g.setColor(savedColor);
    }
  }

  /** Raised when jlatexmath cannot parse or lay out a formula; the message is meant for the author. */
  public static final class MathException extends Exception {
    public MathException(String message) {
      super(message);
    }
  }

  /**
   * Lays out {@code tex} in display or text style at {@code sizePt}. Any failure inside jlatexmath (it throws parse
   * exceptions and, on some malformed input, plain runtime exceptions) becomes a {@link MathException}.
   */
  public static Laid layout(String tex, boolean display, float sizePt) throws MathException {
    return MEMO.layout(tex, display, sizePt, () -> typeset(tex, display, sizePt));
  }

  /** Formulas typeset in this process ({@link LayoutMemo}). */
  static final LayoutMemo MEMO = new LayoutMemo();

  /**
   * For a process that builds the same book again and again ({@code book watch}): keeps the layouts of every formula
   * of a book of a few hundred pages (about 8,000; some 100 MB of heap at most) instead of the last 1,024.
   */
  public static void keepForRebuilds() {
    MEMO.keep(LayoutMemo.KEEP_RESIDENT);
  }

  /** One jlatexmath run. */
  private static Laid typeset(String tex, boolean display, float sizePt) throws MathException {
    TeXIcon icon;
    try {
      TeXFormula f;
      String filled = EmptyCells.fill(tex);
      synchronized (Typesetter.class) {
        f = new TeXFormula(filled);
      }
      int style = display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT;
      EmptyCells.repair();
      icon = f.createTeXIcon(style, sizePt, true);
      EmptyCells.repair();
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError vme) throw vme;
      throw new MathException(describe(e));
    }
    Box box = icon.getBox();
    float w = icon.getTrueIconWidth();
    float d = icon.getTrueIconDepth();
    float h = icon.getTrueIconHeight() - d;
    if (!Float.isFinite(w) || !Float.isFinite(h) || !Float.isFinite(d) || !(w >= 0 && h + d >= 0)) {
      throw new MathException("the formula has no finite size");
    }
    return new Laid(box, sizePt, w, h, d);
  }

  /** Whether {@code tex} parses, with the reason when it does not (null when it does). */
  public static String check(String tex, boolean display) {
    String known = MEMO.parsed(tex, display);
    if (!LayoutMemo.UNKNOWN.equals(known)) return known;
    try {
      layout(tex, display, 10f);
      return null;
    } catch (MathException e) {
      return e.getMessage();
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) m = "jlatexmath failed (" + e.getClass().getSimpleName() + ")";
    m = m.strip().replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }
}
