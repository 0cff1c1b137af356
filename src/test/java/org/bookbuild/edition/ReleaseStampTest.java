package org.bookbuild.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.fo.Xmp;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.testing.MarkedGlyphs;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version read from git (JGit, no git process) on the title and copyright pages, in XMP and the info dictionary. */
class ReleaseStampTest {
  static final String CHAPTER = "# Vectors\n\nA vector is a list of numbers.\n";

  static PdfInspector build(Path dir, String name) throws Exception {
    Diagnostics diags = new Diagnostics();
    Path out = dir.resolve("out/" + name + ".pdf");
    Pipeline.Result r = Pipeline.build(new DiskWorld(dir, Map.of()), new Pipeline.Request(out, false), diags);
    assertEquals(0, r.status(), () -> diags.all().toString());
    return PdfInspector.open(out);
  }

  @Test
  void taggedCleanDescribedAndDraft(@TempDir Path dir) throws Exception {
    try (GitBooks g = new GitBooks(dir)) {
      g.write(Map.of("book.yml", PipelineBooks.bookYml("", "ch1.md"), "ch1.md", CHAPTER, ".gitignore", "out/\n"));
      String c1 = g.commit("first edition");
      g.tag("2026-spring");

      try (PdfInspector pdf = build(dir, "tagged")) {
        String front = pdf.text(0) + pdf.text(1);
        assertTrue(front.contains("Version 2026-spring, commit " + c1.substring(0, 7) + ", 2026-01-11."), front);
        assertTrue(pdf.text(0).contains("Version 2026-spring"), pdf.text(0));
        assertFalse(front.contains("Draft"), front);
        assertEquals("2026-spring", pdf.xmpOne(Xmp.XMP_MM, "VersionID"));
        assertEquals("2026-spring", pdf.info().get("Version"));
        assertEquals(c1, pdf.info().get("Commit"));
        assertTrue(pdf.xmpRaw().contains(">2026-spring</stEvt:parameters>"), pdf.xmpRaw());
      }

      g.write("ch1.md", CHAPTER + "\nA second paragraph.\n");
      try (PdfInspector pdf = build(dir, "draft")) {
        String front = pdf.text(0) + pdf.text(1);
        assertTrue(front.contains("Draft — not a released edition"), front);
        for (int p = 2; p < pdf.pageCount(); p++) {
          if (!pdf.isTextEmpty(p)) assertTrue(pdf.text(p).contains("Draft 2026-spring, 2026-01-11"), "draft line at the foot of page " + p);
        }
        assertEquals("true", pdf.info().get("Draft"));
      }
      // the draft line is page furniture, as the running heads are: an artifact on every page, plain ones too
      try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(dir.resolve("out/draft.pdf").toFile())) {
        int lines = 0;
        for (int p = 0; p < d.getNumberOfPages(); p++) {
          for (var line : MarkedGlyphs.lines(MarkedGlyphs.of(d, p))) {
            if (!MarkedGlyphs.text(line).startsWith("Draft 2026-spring")) continue;
            lines++;
            assertTrue(line.stream().allMatch(x -> x.kind() == MarkedGlyphs.Kind.ARTIFACT), "page " + p + ": " + MarkedGlyphs.text(line) + " is tagged");
          }
        }
        assertTrue(lines >= d.getNumberOfPages() - 2, lines + " draft lines");
      }

      String c2 = g.commit("more");
      try (PdfInspector pdf = build(dir, "described")) {
        String front = pdf.text(0) + pdf.text(1);
        assertTrue(front.contains("Version 2026-spring+1, commit " + c2.substring(0, 7)), front);
        assertFalse(front.contains("Draft"), front);
        assertEquals("2026-spring+1", pdf.xmpOne(Xmp.XMP_MM, "VersionID"));
      }
    }
  }

  @Test
  void noGitNoVersion(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "ch1.md"), "ch1.md", CHAPTER));
    try (PdfInspector pdf = PdfInspector.open(b.pdf())) {
      assertFalse((pdf.text(0) + pdf.text(1)).contains("Version"));
      assertEquals(null, pdf.xmpOne(Xmp.XMP_MM, "VersionID"));
    }
  }
}
