package org.bookbuild.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typographic check on a finished PDF: no heading left alone at the foot of a page. A heading is found through its
 * bookmark (title and page); it is stranded when it stands in the lower half of its page and no line of text follows
 * it there other than the folio.
 */
public final class PageEnds {
  private PageEnds() {}

  /** A heading that ends its page (0-based page index). */
  public record Stranded(int page, String heading) {}

  public static List<Stranded> headingsAtFoot(PdfInspector pdf) throws IOException {
    List<Stranded> out = new ArrayList<>();
    for (PdfInspector.OutlineEntry e : pdf.outlineFlat()) {
      if (e.page() < 0) continue;
      String title = squash(e.title().replaceFirst("^[0-9A-Z.]+ ", ""));
      if (title.length() < 3) continue;
      List<PdfInspector.GlyphRun> runs = pdf.runs(e.page());
      // the heading's last line: the lowest run whose text is part of the title
      PdfInspector.GlyphRun head = null;
      StringBuilder seen = new StringBuilder();
      for (PdfInspector.GlyphRun r : runs) {
        String t = squash(r.text());
        if (t.isEmpty()) continue;
        if (title.startsWith(seen + t) || (seen.length() == 0 && title.startsWith(t))) {
          seen.append(t);
          head = r;
          if (seen.length() >= title.length()) break;
        } else if (seen.length() > 0 && seen.length() < title.length() && title.contains(t)) {
          seen.append(t);
          head = r;
        } else if (seen.length() > 0) {
          break;
        }
      }
      if (head == null || seen.length() < Math.min(title.length(), 6)) continue;
      // a title in the upper half of a page with nothing under it is a page of its own (a part's title page), not a
      // heading left at the foot
      if (head.y() < pdf.mediaBox(e.page()).height() * 0.5f) continue;
      float below = head.y() + head.height() * 0.6f;
      boolean text = false;
      for (PdfInspector.GlyphRun r : runs) {
        if (r.y() > below && !r.text().isBlank() && !folio(r.text())) {
          text = true;
          break;
        }
      }
      if (!text) out.add(new Stranded(e.page(), e.title()));
    }
    return out;
  }

  /**
   * For the real-projects gate: {@code PageEnds FILE.pdf …} prints {@code headings=N stranded=M} and each stranded
   * heading (page numbers 1-based) per file.
   */
  public static void main(String[] args) throws IOException {
    for (String a : args) {
      try (PdfInspector pdf = PdfInspector.open(java.nio.file.Path.of(a))) {
        List<Stranded> s = headingsAtFoot(pdf);
        System.out.println(a + ": headings=" + pdf.outlineFlat().size() + " stranded=" + s.size());
        s.stream().limit(20).forEach(x -> System.out.println("  page " + (x.page() + 1) + ": " + x.heading()));
      }
    }
  }

  private static boolean folio(String s) {
    return s.strip().toLowerCase(Locale.ROOT).matches("[0-9]+|[ivxlcdm]+");
  }

  private static String squash(String s) {
    return s.replaceAll("[\\s\\u00ad]+", "").toLowerCase(Locale.ROOT);
  }
}
