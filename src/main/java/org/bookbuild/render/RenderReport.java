package org.bookbuild.render;

import java.util.List;

/**
 * How a book was laid out: per chapter or in one piece, with how many workers, in how many passes (a pass lays out
 * the chapters whose first page or cited page numbers are not yet the ones laid out with), which chapters were laid
 * out in this build and which were reused from the layout cache, how many FOP layouts of a chapter that took in all
 * and at most for one chapter, and the chapters whose page numbers were swapped in their laid-out pages instead
 * of a new layout ({@link NumberPatch}; they count as reused), and the milliseconds spent laying out (and renumbering)
 * and joining the chapters into one PDF. Chapters are named by their first id (the chapter's label), or {@code sequence-N} for
 * generated pages without one. {@code stages} times the parts of the render stage ({@code --timings} prints them under
 * {@code render}).
 */
public record RenderReport(boolean perChapter, int workers, int passes, List<String> laidOut, List<String> reused,
    int pages, int layouts, int mostLayoutsOfOneChapter, List<String> renumbered, long layoutMs, long joinMs,
    org.bookbuild.diag.Timings stages) {

  static RenderReport single(org.bookbuild.diag.Timings stages) {
    return new RenderReport(false, 1, 1, List.of(), List.of(), -1, 1, 1, List.of(), -1, -1, stages);
  }

  static String name(FoSplit.Sequence s) {
    return s.ids().isEmpty() ? "sequence-" + s.index() : s.ids().iterator().next();
  }

  /** One line for {@code --timings}. */
  public String summary() {
    if (!perChapter) return "layout: one pass over the whole book";
    return "layout: " + laidOut.size() + " chapter(s) laid out, " + reused.size() + " reused; " + layouts
        + " chapter layout(s) in " + passes + " pass(es), at most " + mostLayoutsOfOneChapter + " of one chapter, "
        + renumbered.size() + " renumbered without one; "
        + workers + " worker(s), " + pages + " pages; layout " + layoutMs + " ms, join " + joinMs + " ms";
  }
}
