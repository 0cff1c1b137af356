package org.bookbuild.press;

import java.util.List;
import java.util.Map;

/**
 * One print shop's requirements, read from {@code styles/press.yml} by {@link Presses}. Lengths are in points.
 *
 * @param screen true for {@code none}: today's screen PDF, nothing below applies
 * @param bleed top, bottom, outside and inside bleed of interior pages
 * @param cropOffset room beyond the bleed for crop and registration marks (0 without marks)
 * @param gutter inside margin for the binding by final page count, ascending
 * @param outsideMin the smallest top, bottom and outside margin: the interior's safety zone
 * @param pageCount rule name → value (see {@link PageCountRules})
 * @param pdfX FOP's {@code pdf-x-mode}, or null
 */
public record Press(
    String name,
    String description,
    boolean screen,
    Bleed bleed,
    boolean marks,
    double cropOffset,
    List<GutterStep> gutter,
    double outsideMin,
    Map<String, Object> pageCount,
    String pdfX,
    CoverSpec cover,
    String accepts) {

  public record Bleed(double top, double bottom, double outside, double inside) {
    public static final Bleed NONE = new Bleed(0, 0, 0, 0);

    /** Left bleed on a page: the inside edge on recto (odd) pages, the outside edge on verso pages. */
    public double left(boolean recto) {
      return recto ? inside : outside;
    }

    public double right(boolean recto) {
      return recto ? outside : inside;
    }
  }

  /** Up to {@code pages} pages the inside margin for binding is {@code gutter} points. */
  public record GutterStep(int pages, double gutter) {}

  /**
   * The cover: bleed all round, text kept {@code safety} from each panel's edges, spine text only from
   * {@code spineTextFrom} pages, spine width = pages × {@code paper} thickness + {@code spineExtra}.
   */
  public record CoverSpec(double bleed, double safety, int spineTextFrom, double spineSafety,
      Map<String, Double> paper, double spineExtra) {
    /** Spine width in points for a page count on a paper; null when this press does not know the paper. */
    public Double spine(int pages, String paperName) {
      Double t = paper.get(paperName);
      return t == null ? null : pages * t + spineExtra;
    }
  }

  /** The inside margin for binding a book of {@code pages} pages: the first step that holds it, else the last. */
  public double gutterFor(int pages) {
    for (GutterStep s : gutter) if (pages <= s.pages()) return s.gutter();
    return gutter.isEmpty() ? 0 : gutter.get(gutter.size() - 1).gutter();
  }
}
