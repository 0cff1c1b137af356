package org.bookbuild.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.render.RenderSettings;
import org.bookbuild.testing.MarkedGlyphs;
import org.bookbuild.testing.MarkedGlyphs.Glyph;
import org.bookbuild.testing.MarkedGlyphs.Kind;
import org.bookbuild.testing.Vera;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running heads and folios are page furniture: a screen reader must not read "Chapter Two 4" at the top of every page.
 * In the tagged PDF they lie in {@code /Artifact} marked content, never in a structure element's (a {@code P}), on
 * every page that has them — text pages, chapter openings (folio at the foot), front matter, the index — and the
 * pages' own text is still tagged: both when the book is laid out per chapter and when it is laid out in one FOP run
 * ({@code --workers 0}), where FOP once swallowed the structure of every page-sequence after the first running head.
 * Blank and part pages carry no furniture and nothing untagged; the book stays PDF/UA-1 (veraPDF).
 */
class RunningHeadArtifactsTest {
  private static final String WORDS = "Words that fill the lines of this paragraph about the topic and go on for a"
      + " while before they stop, so that the chapter runs over several pages. ";

  static Map<String, String> book() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("book.yml", "title: Furniture\nauthors:\n  - name: Ada Author\ndate: 2026-01-15\nlicense: CC-BY-4.0\n"
        + "language: en\nfrontmatter:\n  - file: pre.md\ntoc:\n  - title: Part Alpha\n    children:\n"
        + "      - file: c1.md\n      - file: c2.md\n  - title: Part Beta\n    children:\n      - file: c3.md\n");
    f.put("pre.md", "# Preface\n\n" + (WORDS.repeat(6) + "\n\n").repeat(14));
    String[] names = {"", "Chapter Uno", "Chapter Dos", "Chapter Tres"};
    for (int c = 1; c <= 3; c++) {
      StringBuilder b = new StringBuilder("# " + names[c] + "\n\n");
      for (int s = 1; s <= 2 + c; s++) {
        b.append("## Section ").append(c).append('.').append(s).append("\n\n");
        for (int p = 0; p < 5; p++) {
          b.append("A paragraph on {index}`topic ").append(c).append("` and see {ref}`sec-").append(c).append("`. ")
              .append(WORDS.repeat(3)).append("\n\n");
        }
      }
      f.put("c" + c + ".md", "(sec-" + c + ")=\n" + b);
    }
    return f;
  }

  /** What the checks found: pages with a running head, with a folio at the foot, and which label they showed. */
  record Furniture(int heads, int feet, List<String> problems) {}

  static Furniture check(byte[] pdf) throws Exception {
    List<String> problems = new ArrayList<>();
    int heads = 0;
    int feet = 0;
    try (PDDocument d = Loader.loadPDF(pdf)) {
      PDPageLabels pl = d.getDocumentCatalog().getPageLabels();
      String[] labels = pl == null ? new String[0] : pl.getLabelsByPageIndices();
      for (int p = 0; p < d.getNumberOfPages(); p++) {
        List<Glyph> gs = MarkedGlyphs.of(d, p);
        if (gs.isEmpty()) continue;   // a blank page
        String label = p < labels.length ? labels[p] : "";
        if (gs.stream().noneMatch(g -> g.kind() == Kind.TAGGED)) problems.add("page " + label + ": nothing tagged");
        List<List<Glyph>> lines = MarkedGlyphs.lines(gs);
        List<Glyph> top = lines.get(0);
        List<Glyph> foot = lines.get(lines.size() - 1);
        String[] topWords = MarkedGlyphs.text(top).split(" ");
        boolean head = lines.size() > 1 && (topWords[0].equals(label) || topWords[topWords.length - 1].equals(label));
        boolean folio = !head && lines.size() > 1 && MarkedGlyphs.text(foot).equals(label);
        if (head) heads++;
        if (folio) feet++;
        for (List<Glyph> l : head ? List.of(top) : folio ? List.of(foot) : List.<List<Glyph>>of()) {
          if (l.stream().anyMatch(g -> g.kind() != Kind.ARTIFACT)) {
            problems.add("page " + label + ": '" + MarkedGlyphs.text(l) + "' is tagged content, not an artifact");
          }
        }
        // nothing else on the page is furniture: the lines between are the page's own text
        for (List<Glyph> l : lines.subList(head ? 1 : 0, lines.size() - (folio ? 1 : 0))) {
          if (l.stream().allMatch(g -> g.kind() == Kind.ARTIFACT) && MarkedGlyphs.text(l).matches(".*\\p{L}{3}.*")) {
            problems.add("page " + label + ": text '" + MarkedGlyphs.text(l) + "' drawn as an artifact");
          }
        }
      }
      // a link annotation belongs to the structure tree (PDF/UA 7.18.5); none comes from the furniture
      for (int p = 0; p < d.getNumberOfPages(); p++) {
        PDPage page = d.getPage(p);
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink && a.getStructParent() < 0) problems.add("page " + p + ": a link outside the structure tree");
        }
      }
    }
    return new Furniture(heads, feet, problems);
  }

  private static byte[] build(Path dir, RenderSettings settings) throws Exception {
    for (Map.Entry<String, String> e : book().entrySet()) Files.writeString(dir.resolve(e.getKey()), e.getValue());
    Diagnostics diags = new Diagnostics();
    Pipeline.Result r = Pipeline.build(new DiskWorld(dir, Map.of("SOURCE_DATE_EPOCH", "1767225600")),
        new Pipeline.Request(dir.resolve("out/book.pdf"), false, settings), diags);
    assertEquals(0, r.status(), diags.all().toString());
    return Files.readAllBytes(r.pdf());
  }

  private static void assertFurnitureIsArtifacts(byte[] pdf) throws Exception {
    Furniture f = check(pdf);
    assertEquals(List.of(), f.problems());
    // three chapters of several pages, the preface, the contents and the index: heads on most pages, a folio at the
    // foot of each opening
    assertTrue(f.heads() >= 8, "running heads found on " + f.heads() + " pages");
    assertTrue(f.feet() >= 5, "opening folios found on " + f.feet() + " pages");
    assertEquals(Map.of(), Vera.failures(pdf, "ua1"), "veraPDF: failed PDF/UA-1 rules");
  }

  @Test
  void perChapterLayout(@TempDir Path dir) throws Exception {
    assertFurnitureIsArtifacts(build(dir, RenderSettings.DEFAULT.withWorkers(2)));
  }

  @Test
  void onePass(@TempDir Path dir) throws Exception {
    assertFurnitureIsArtifacts(build(dir, RenderSettings.DEFAULT.withPerChapter(false)));
  }
}
