package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.fo.SourceMap;
import org.bookbuild.io.MemoryWorld;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.StyleLoader;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 3: a failure inside FOP costs only the block it happened in. The construct behind FOP 2.11's
 * {@code NullPointerException} in {@code InlineLayoutManager.getChangedKnuthElements} ("prevLM is null") is an empty
 * {@code fo:inline} carrying an id, inside another inline or link, before a word that gets hyphenated: what an
 * {@code {index}} role inside emphasis used to produce. The FO writer now writes anchors as empty {@code fo:wrapper}s;
 * this test keeps the FOP bug found (if FOP fixes it, the first test says so) and shows the isolation at work.
 */
class FopCrashTest {
  static final String WORDS = "incomprehensibilities characteristically internationalization";

  /** Paragraphs of every width, each with the construct, so some line ends inside the long words. */
  static String fo(String construct, boolean withNeighbours) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" "
        + "xmlns:fox=\"http://xmlgraphics.apache.org/fop/extensions\"><fo:layout-master-set><fo:simple-page-master "
        + "master-name=\"p\" page-width=\"200pt\" page-height=\"400pt\"><fo:region-body margin=\"10pt\"/>"
        + "</fo:simple-page-master></fo:layout-master-set>\n");
    for (int seq = 0; seq < 2; seq++) {
      b.append("<fo:page-sequence master-reference=\"p\" font-family=\"DejaVu Serif\"><fo:flow flow-name=\"xsl-region-body\">\n");
      if (withNeighbours) b.append("<fo:block id=\"before").append(seq).append("\">Text before the trouble.</fo:block>\n");
      for (int w = 40; w < 180 && (seq == 0 || withNeighbours); w += 7) {
        b.append("<fo:block end-indent=\"").append(180 - w).append("pt\" text-align=\"justify\" hyphenate=\"true\" language=\"en\">")
            .append("Some text before ").append(construct.replace("$", seq + "-" + w)).append(" and text after.</fo:block>\n");
        if (!withNeighbours) break;
      }
      if (withNeighbours) b.append("<fo:block>Text after the trouble.</fo:block>\n");
      b.append("</fo:flow></fo:page-sequence>\n");
    }
    return b.append("</fo:root>\n").toString();
  }

  static final String CRASHING = "<fo:inline font-style=\"italic\">see <fo:inline id=\"a$\"/>" + WORDS + "</fo:inline>";

  static Renderer.Job job(String fo, Path tmp, RenderSettings settings) throws Exception {
    MemoryWorld w = new MemoryWorld(tmp, Map.of());
    return new Renderer.Job(fo, SourceMap.empty(), StyleLoader.load(w, "default", "en"), w, new Metadata("T", "", List.of(), "2026-01-01", "", "", "", "en", List.of(), ""),
        new Date(0), settings);
  }

  @Test
  void fop211StillThrowsOnAnEmptyInlineWithAnIdBeforeAHyphenatedWord(@TempDir Path tmp) throws Exception {
    Renderer.RenderException e = assertThrows(Renderer.RenderException.class, () -> Renderer.render(
        job(fo(CRASHING, true), tmp, RenderSettings.DEFAULT.withPerChapter(false)), new Diagnostics()));
    assertTrue(e.getMessage().contains("prevLM"), e.getMessage());
    // the same anchor as an empty fo:wrapper (what the FO writer writes) lays out
    Renderer.Rendered ok = Renderer.render(job(fo(CRASHING.replace("<fo:inline id=\"a$\"/>", "<fo:wrapper id=\"a$\"/>"),
        true), tmp, RenderSettings.DEFAULT.withPerChapter(false)), new Diagnostics());
    assertTrue(ok.pdf().length > 1000);
  }

  @Test
  void onlyTheFailingBlocksAreLostAndMarked(@TempDir Path tmp) throws Exception {
    Diagnostics diags = new Diagnostics();
    Renderer.Rendered r = Renderer.render(job(fo(CRASHING, true), tmp, RenderSettings.DEFAULT.withCache(false)), diags);
    assertTrue(r.report().perChapter());
    List<Diagnostic> failed = diags.byRule("render-failed");
    assertFalse(failed.isEmpty(), diags.all().toString());
    try (PdfInspector pdf = PdfInspector.open(r.pdf())) {
      StringBuilder text = new StringBuilder();
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p));
      String all = text.toString().replaceAll("\\s+", " ");
      assertTrue(all.contains("Text before the trouble."), all);
      assertTrue(all.contains("Text after the trouble."), all);
      assertTrue(all.contains("could not be typeset"), "a visible placeholder: " + all);
    }
  }

  @Test
  void indexRoleInsideEmphasisBuilds(@TempDir Path tmp) throws Exception {
    StringBuilder md = new StringBuilder("# Chapter\n\n");
    for (int i = 0; i < 40; i++) {
      md.append("Words ".repeat(i % 13)).append("and *see {index}`").append("incomprehensibilities")
          .append("` characteristically internationalization* and more.\n\n");
    }
    PipelineBooks.Built b = PipelineBooks.build(tmp, Map.of("book.yml", PipelineBooks.bookYml("", "c.md"),
        "c.md", md.toString()));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    assertTrue(b.rule("render-failed").isEmpty(), b.diags().all().toString());
    assertTrue(b.fo().contains("<fo:wrapper id=\"idx-1\""), "index anchors are wrappers");
  }
}
