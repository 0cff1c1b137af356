package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, acceptance 1: the per-chapter, parallel, cached layout gives the same book as one FOP pass over the whole
 * FO (text of every page, page labels, outline, link targets, contents page numbers), for the sample book and for a
 * book whose chapters cite each other's pages; a rebuild after editing one chapter lays out only that chapter (and the
 * chapters that cite pages, when page numbers moved), as the build's own report says.
 */
class PerChapterLayoutTest {
  static final String EPOCH = "1767225600";

  static Pipeline.Result build(Path project, Path out, RenderSettings settings, Diagnostics diags) throws IOException {
    DiskWorld world = new DiskWorld(project, Map.of("SOURCE_DATE_EPOCH", EPOCH));
    return Pipeline.build(world, new Pipeline.Request(out, false, settings), diags);
  }

  /** Everything the single-pass and the per-chapter PDFs must agree on, as comparable text. */
  static List<String> digest(Path pdf) throws IOException {
    List<String> out = new ArrayList<>();
    try (PdfInspector in = PdfInspector.open(pdf)) {
      out.add("pages " + in.pageCount());
      out.add("labels " + in.pageLabels());
      for (PdfInspector.OutlineEntry e : in.outlineFlat()) out.add("outline " + e.depth() + " " + e.title() + " -> " + e.page());
      for (PdfInspector.Link l : in.links()) {
        out.add("link p" + l.page() + " " + Math.round(l.rect().x()) + "," + Math.round(l.rect().y()) + " "
            + (l.internal() ? "-> " + l.target() : l.uri()));
      }
      for (int p = 0; p < in.pageCount(); p++) {
        List<String> runs = new ArrayList<>();
        for (PdfInspector.GlyphRun r : in.runs(p)) {
          // positions to a tenth of a point (a page number set as text instead of a citation may move a leader by
          // a hundredth), in reading order
          runs.add(String.format(java.util.Locale.ROOT, "run %d %06.1f %06.1f %s %s %.2f", p, Math.floor(r.y() * 10) / 10,
              Math.floor(r.x() * 10) / 10, r.text(), r.font().replaceFirst("^[A-Z]{6}\\+", ""), r.size()));
        }
        java.util.Collections.sort(runs);
        out.addAll(runs);
      }
    }
    return out;
  }

  static void assertSameBook(Path single, Path perChapter) throws IOException {
    List<String> a = digest(single);
    List<String> b = digest(perChapter);
    int differ = 0;
    String first = null;
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i)) && !nearlySame(a.get(i), b.get(i))) {
        if (first == null) first = "line " + i + ": " + a.get(i) + " | " + b.get(i);
        differ++;
      }
    }
    assertEquals(0, differ, "differences, the first " + first);
    assertEquals(a.size(), b.size());
  }

  /** Two glyph runs that differ only by a tenth of a point in a coordinate (rounding across a boundary). */
  private static boolean nearlySame(String a, String b) {
    String[] x = a.split(" ", 5);
    String[] y = b.split(" ", 5);
    if (x.length < 5 || !x[0].equals("run") || !x[0].equals(y[0]) || !x[1].equals(y[1]) || !x[4].equals(y[4])) return false;
    return Math.abs(Double.parseDouble(x[2]) - Double.parseDouble(y[2])) <= 0.11
        && Math.abs(Double.parseDouble(x[3]) - Double.parseDouble(y[3])) <= 0.11;
  }

  @Test
  void sampleBookEqualsSinglePassAndIsReproducible(@TempDir Path tmp) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Diagnostics d1 = new Diagnostics();
    Pipeline.Result one = build(root, tmp.resolve("single.pdf"), RenderSettings.DEFAULT.withPerChapter(false), d1);
    assertEquals(0, one.status(), d1.all().toString());
    Diagnostics d2 = new Diagnostics();
    Pipeline.Result per = build(root, tmp.resolve("per.pdf"), RenderSettings.DEFAULT.withWorkers(2).withCache(false), d2);
    assertEquals(0, per.status(), d2.all().toString());
    assertTrue(per.layout().perChapter());
    assertTrue(per.layout().laidOut().size() > 10, "every chapter laid out: " + per.layout());
    assertTrue(per.layout().mostLayoutsOfOneChapter() <= 2, "a cold build lays a chapter out at most twice: " + per.layout());
    assertSameBook(one.pdf(), per.pdf());
    Diagnostics d3 = new Diagnostics();
    Pipeline.Result again = build(root, tmp.resolve("again.pdf"), RenderSettings.DEFAULT.withWorkers(1).withCache(false), d3);
    assertTrue(Arrays.equals(Files.readAllBytes(per.pdf()), Files.readAllBytes(again.pdf())),
        "one worker or two, the same bytes");
  }

  /** A book of four chapters that link to and cite each other's pages (index, solutions at the end, references). */
  static Map<String, String> crossBook(String extraInChapter2) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("book.yml", "title: Cross References\nauthors:\n  - name: Ada Author\ndate: 2026-01-15\n"
        + "license: CC-BY-4.0\nsolutions: end-of-book\ntoc:\n"
        + "  - file: pre.md\n    front: true\n  - file: c1.md\n  - file: c2.md\n  - file: c3.md\n  - file: c4.md\n");
    f.put("pre.md", "# Preface\n\nSee {ref}`sec-two` and {ref}`ch-four`.\n");
    for (int c = 1; c <= 4; c++) {
      StringBuilder b = new StringBuilder();
      b.append("(ch-").append(word(c)).append(")=\n# Chapter ").append(word(c)).append("\n\n");
      for (int s = 1; s <= 3; s++) {
        if (c == 2 && s == 1) b.append("(sec-two)=\n");
        b.append("## Section ").append(c).append('.').append(s).append("\n\n");
        for (int p = 0; p < 7; p++) {
          b.append("A paragraph about {index}`topic ").append(word(c)).append("` and related ideas, with a link back to ")
              .append("{ref}`ch-").append(word(1 + (c + p) % 4)).append("` and enough words to fill the measure. ")
              .append("More words follow here so that each section runs across a page or so of text in the book. ")
              .append("Still more text, so that page numbers matter for the index and the solutions.\n\n");
        }
        if (c == 2 && s == 2) b.append(extraInChapter2);
      }
      b.append("```{exercise} Exercise in ").append(word(c)).append("\n:label: ex-").append(word(c))
          .append("\nShow that the claim holds.\n```\n\n```{solution} ex-").append(word(c))
          .append("\nIt holds by the argument of {ref}`sec-two`.\n```\n");
      f.put("c" + c + ".md", b.toString());
    }
    return f;
  }

  private static String word(int c) {
    return new String[] {"zero", "one", "two", "three", "four"}[c];
  }

  static void write(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void crossChapterPageReferencesAndIncrementalRebuild(@TempDir Path tmp) throws IOException {
    Path book = tmp.resolve("book");
    write(book, crossBook(""));
    Diagnostics d1 = new Diagnostics();
    Pipeline.Result one = build(book, tmp.resolve("single.pdf"), RenderSettings.DEFAULT.withPerChapter(false), d1);
    assertEquals(0, one.status(), d1.all().toString());
    Diagnostics d2 = new Diagnostics();
    Pipeline.Result cold = build(book, book.resolve("out/book.pdf"), RenderSettings.DEFAULT.withWorkers(2), d2);
    assertEquals(0, cold.status(), d2.all().toString());
    assertTrue(cold.layout().reused().isEmpty(), cold.layout().toString());
    assertTrue(cold.layout().mostLayoutsOfOneChapter() <= 2, "at most two layouts of a chapter: " + cold.layout());
    assertTrue(cold.layout().passes() <= 2, cold.layout().toString());
    assertSameBook(one.pdf(), cold.pdf());
    byte[] coldBytes = Files.readAllBytes(cold.pdf());
    String index = Files.readString(book.resolve("out/book.fo"));
    assertTrue(index.contains("page-number-citation"), "the book cites pages");

    // unchanged: everything reused
    Pipeline.Result warm = build(book, book.resolve("out/book.pdf"), RenderSettings.DEFAULT.withWorkers(2), new Diagnostics());
    assertEquals(List.of(), warm.layout().laidOut(), warm.layout().toString());
    assertEquals(0, warm.layout().layouts(), warm.layout().toString());
    assertTrue(Arrays.equals(coldBytes, Files.readAllBytes(warm.pdf())), "the cache gives the same bytes");

    // a word changed in chapter three: only chapter three is laid out again (its pages do not move)
    Path c3 = book.resolve("c3.md");
    Files.writeString(c3, Files.readString(c3).replace("Show that the claim holds.", "Prove that the claim holds."));
    Pipeline.Result edited = build(book, book.resolve("out/book.pdf"), RenderSettings.DEFAULT.withWorkers(2), new Diagnostics());
    assertEquals(List.of("ch-three"), edited.layout().laidOut(), edited.layout().toString());
    assertEquals(1, edited.layout().layouts(), "one FOP layout for a one-word edit: " + edited.layout());

    // chapter two grows by pages: it is laid out again, the chapters after it and every chapter citing moved pages
    // are laid out again or renumbered, chapter one is not laid out; and the result still equals the single pass
    String more = "Added text that makes the chapter longer. ".repeat(400) + "\n\n";
    write(book, Map.of("c2.md", crossBook(more).get("c2.md")));
    Pipeline.Result grown = build(book, book.resolve("out/book.pdf"), RenderSettings.DEFAULT.withWorkers(2), new Diagnostics());
    List<String> laid = grown.layout().laidOut();
    List<String> renumbered = grown.layout().renumbered();
    // chapter two is laid out again; chapter three, whose pages moved, and the contents, whose numbers changed, are
    // laid out again or (when the new numbers take the same room) renumbered in their laid-out pages
    assertTrue(laid.contains("ch-two"), grown.layout().toString());
    for (String moved : List.of("ch-three", "ch-four", "contents")) {
      assertTrue(laid.contains(moved) || renumbered.contains(moved), moved + ": " + grown.layout());
    }
    assertFalse(laid.contains("preface") || renumbered.contains("preface"), grown.layout().toString());
    // chapter one cites the solutions' pages, which moved: renumbered, never laid out again
    assertFalse(laid.contains("ch-one"), grown.layout().toString());
    assertTrue(grown.layout().mostLayoutsOfOneChapter() <= 2, grown.layout().toString());
    Pipeline.Result grownSingle = build(book, tmp.resolve("single2.pdf"), RenderSettings.DEFAULT.withPerChapter(false),
        new Diagnostics());
    assertSameBook(grownSingle.pdf(), grown.pdf());
  }

  /**
   * A process keeps the layout-cache keys it worked out ({@code book watch}, and here the test JVM); a chapter whose
   * text is unchanged must still come out as the single pass makes it when what its piece takes from the rest of the
   * book changes: here a heading of chapter one, too deep for the outline, that nothing linked to becomes the target of
   * a link in chapter two, so chapter one's piece needs its destination.
   */
  @Test
  void aChapterWhoseLabelBecomesATargetIsLaidOutAgain(@TempDir Path tmp) throws IOException {
    Path book = tmp.resolve("book");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("book.yml", "title: Targets\nauthors:\n  - name: Ada Author\ndate: 2026-01-15\nlicense: CC-BY-4.0\ntoc:\n"
        + "  - file: c1.md\n  - file: c2.md\n");
    f.put("c1.md", "# One\n\n" + "Words of the first chapter. ".repeat(300) + "\n\n(quiet-spot)=\n#### A heading too deep for the outline\n\nThe place a later edit links to.\n");
    f.put("c2.md", "# Two\n\nThe second chapter says nothing of the first.\n");
    write(book, f);
    RenderSettings per = RenderSettings.DEFAULT.withWorkers(1);
    Pipeline.Result first = build(book, book.resolve("out/book.pdf"), per, new Diagnostics());
    assertEquals(0, first.status());
    write(book, Map.of("c2.md", "# Two\n\nThe second chapter points at {ref}`quiet-spot` now.\n"));
    Diagnostics d = new Diagnostics();
    Pipeline.Result linked = build(book, book.resolve("out/book.pdf"), per, d);
    assertEquals(0, linked.status(), d.all().toString());
    assertTrue(linked.layout().laidOut().contains("c1"), "chapter one gains a destination: " + linked.layout());
    Pipeline.Result single = build(book, tmp.resolve("single.pdf"), RenderSettings.DEFAULT.withPerChapter(false),
        new Diagnostics());
    assertSameBook(single.pdf(), linked.pdf());
  }

  /**
   * An image replaced under the same name (a plot drawn again, now tall where it was wide) is laid out again: the
   * layout cache's key holds the image's bytes. The cached layout had kept the old picture's box, and the new picture
   * was painted squeezed into it, where a cold build moves it to the next page.
   */
  @Test
  void anImageReplacedUnderItsNameIsLaidOutAgain(@TempDir Path tmp) throws IOException {
    Path book = tmp.resolve("book");
    write(book, Map.of("book.yml", "title: Pictures\nauthors:\n  - name: Ada Author\ndate: 2026-01-15\n"
        + "license: CC-BY-4.0\ntoc:\n  - file: c1.md\n",
        "c1.md", "# One\n\nText before.\n\n![A picture](pic.png)\n\nText after.\n"));
    png(book.resolve("pic.png"), 400, 200);
    Path out = book.resolve("out/book.pdf");
    RenderSettings per = RenderSettings.DEFAULT.withWorkers(1);
    assertEquals(0, build(book, out, per, new Diagnostics()).status());
    png(book.resolve("pic.png"), 200, 400);
    Pipeline.Result warm = build(book, out, per, new Diagnostics());
    assertTrue(warm.layout().laidOut().contains("c1"), warm.layout().toString());
    byte[] warmBytes = Files.readAllBytes(out);
    try (java.util.stream.Stream<Path> all = Files.walk(book.resolve("out"))) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
    build(book, out, per, new Diagnostics());
    assertTrue(Arrays.equals(Files.readAllBytes(out), warmBytes), "the rebuild equals a cold build");
  }

  private static void png(Path p, int w, int h) throws IOException {
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
        p.toFile());
  }
}
