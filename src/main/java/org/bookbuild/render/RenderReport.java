package org.bookbuild.render;

import java.util.List;

/**
 * How a book was laid out: per chapter or in one piece, with how many workers, in how many passes (a pass lays out
 * again the chapters whose first page or cited page numbers moved), and which chapters were laid out in this build and
 * which were reused from the layout cache. Chapters are named by their first id (the chapter's label), or
 * {@code sequence-N} for generated pages without one.
 */
public record RenderReport(boolean perChapter, int workers, int passes, List<String> laidOut, List<String> reused,
    int pages) {

  static RenderReport single() {
    return new RenderReport(false, 1, 1, List.of(), List.of(), -1);
  }

  static String name(FoSplit.Sequence s) {
    return s.ids().isEmpty() ? "sequence-" + s.index() : s.ids().iterator().next();
  }

  /** One line for {@code --timings}. */
  public String summary() {
    if (!perChapter) return "layout: one pass over the whole book";
    return "layout: " + laidOut.size() + " chapter(s) laid out, " + reused.size() + " reused, " + passes
        + " pass(es), " + workers + " worker(s), " + pages + " pages";
  }
}
