package org.bookbuild.backmatter;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index entry whose term is mentioned on pages 3, 3, 4, 5 and 7 prints "3–5, 7": each page once, the run of three
 * as a range (makeindex's default), each printed number a link to its page. The book is built twice: once to see on
 * which page each paragraph falls, once with the term indexed in the paragraphs chosen (the index role prints the
 * same words, so the pages do not move).
 */
class IndexRangesBookTest {
  @TempDir Path dir;

  private static final String FILLER = "Each sentence here only fills the page so that the paragraphs fall on pages"
      + " the test can find again; the words carry no meaning of their own and repeat for a while. ";

  private static String chapter(java.util.Set<Integer> indexed) {
    StringBuilder b = new StringBuilder("# Widgets\n\n");
    for (int k = 1; k <= 70; k++) {
      b.append("Para ").append(k).append(". The ")
          .append(indexed.contains(k) ? "{index}`widget`" : "widget").append(" turns. ")
          .append(FILLER.repeat(2)).append("End ").append(k).append(".\n\n");
    }
    return b.toString();
  }

  @Test
  void pagesAreMergedIntoRangesAndDeduplicated() throws Exception {
    Path first = dir.resolve("first");
    var a = PipelineBooks.build(first, Map.of("book.yml", PipelineBooks.bookYml("", "ch.md"),
        "ch.md", chapter(java.util.Set.of())));
    // label of the page each paragraph lies on whole
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    try (PdfInspector in = PdfInspector.open(a.pdf())) {
      List<String> labels = in.pageLabels();
      for (int p = 0; p < in.pageCount(); p++) {
        String t = in.text(p).replaceAll("\\s+", " ");
        for (int k = 1; k <= 70; k++) {
          if (t.contains("Para " + k + ". ") && t.contains("End " + k + ".")) {
            byLabel.computeIfAbsent(labels.get(p), x -> new ArrayList<>()).add(k);
          }
        }
      }
    }
    for (String l : List.of("3", "4", "5", "7")) assertTrue(byLabel.containsKey(l), l + " in " + byLabel);
    assertTrue(byLabel.get("3").size() >= 2, byLabel.toString());
    List<Integer> chosen = List.of(byLabel.get("3").get(0), byLabel.get("3").get(1), byLabel.get("4").get(0),
        byLabel.get("5").get(0), byLabel.get("7").get(0));

    Path second = dir.resolve("second");
    var b = PipelineBooks.build(second, Map.of("book.yml", PipelineBooks.bookYml("", "ch.md"),
        "ch.md", chapter(new java.util.HashSet<>(chosen))));
    assertTrue(b.diags().all().stream().noneMatch(d -> d.severity() == org.bookbuild.diag.Severity.ERROR),
        b.diags().all().toString());
    try (PdfInspector in = PdfInspector.open(b.pdf())) {
      List<String> labels = in.pageLabels();
      for (int k : chosen) {
        int p = labels.indexOf(k == chosen.get(0) || k == chosen.get(1) ? "3"
            : k == chosen.get(2) ? "4" : k == chosen.get(3) ? "5" : "7");
        assertTrue(in.text(p).replaceAll("\\s+", " ").contains("Para " + k + ". "), "the pages did not move: " + k);
      }
      int index = -1;
      for (int p = 0; p < in.pageCount(); p++) if (in.text(p).contains("Index") && in.text(p).contains("widget")) index = p;
      assertTrue(index > 0);
      String ix = in.text(index).replaceAll("\\s+", " ");
      assertTrue(ix.contains("widget, 3\u20135, 7"), ix);
      // pdftotext reads the same line
      Process pt = new ProcessBuilder("pdftotext", "-f", "" + (index + 1), "-l", "" + (index + 1), b.pdf().toString(), "-")
          .redirectErrorStream(true).start();
      String out = new String(pt.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (pt.waitFor() == 0) assertTrue(out.contains("widget, 3\u20135, 7"), out);
      final int ixp = index;
      List<String> targets = in.links().stream().filter(l -> l.page() == ixp && l.internal())
          .map(l -> labels.get(l.target())).toList();
      assertEquals(List.of("3", "5", "7"), targets, "one link per printed number, to its page");
    }

    // the whole book in one FOP pass: a first layout tells the pages, the second prints the same line; the mark
    // around the list is passed over without a word from FOP
    org.bookbuild.diag.Diagnostics diags = new org.bookbuild.diag.Diagnostics();
    Path single = second.resolve("out/single.pdf");
    org.bookbuild.pipeline.Pipeline.build(new org.bookbuild.io.DiskWorld(second, Map.of("SOURCE_DATE_EPOCH", "1767225600")),
        new org.bookbuild.pipeline.Pipeline.Request(single, false, null, null, null, null,
            org.bookbuild.render.RenderSettings.DEFAULT.withPerChapter(false)), diags);
    assertEquals(List.of(), diags.all().stream().filter(d -> d.ruleId().startsWith("fop-")).toList());
    try (PdfInspector in = PdfInspector.open(single)) {
      String all = "";
      for (int p = 0; p < in.pageCount(); p++) all += in.text(p).replaceAll("\\s+", " ");
      assertTrue(all.contains("widget, 3\u20135, 7"), all);
    }
  }
}
