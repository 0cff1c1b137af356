package org.bookbuild.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, acceptance 3: the check that no page ends with a heading, on made-up pages and on a built book. */
class PageEndsTest {
  /** One page: lines (text, y from the top) and an outline entry for the heading. */
  static byte[] page(String heading, List<Map.Entry<String, Float>> lines) throws Exception {
    try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage p = new PDPage(PDRectangle.A5);
      d.addPage(p);
      PDType1Font f = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream cs = new PDPageContentStream(d, p)) {
        for (var l : lines) {
          cs.beginText();
          cs.setFont(f, 10);
          cs.newLineAtOffset(40, p.getMediaBox().getHeight() - l.getValue());
          cs.showText(l.getKey());
          cs.endText();
        }
      }
      PDDocumentOutline o = new PDDocumentOutline();
      PDOutlineItem item = new PDOutlineItem();
      item.setTitle(heading);
      PDPageFitDestination dest = new PDPageFitDestination();
      dest.setPage(p);
      item.setDestination(dest);
      o.addLast(item);
      d.getDocumentCatalog().setDocumentOutline(o);
      d.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aHeadingWithOnlyTheFolioBelowItIsStranded() throws Exception {
    byte[] pdf = page("2.3 Methods of proof", List.of(Map.entry("Some paragraph text above.", 60f),
        Map.entry("2.3 Methods of proof", 540f), Map.entry("17", 580f)));
    try (PdfInspector in = PdfInspector.open(pdf)) {
      assertEquals(List.of(new PageEnds.Stranded(0, "2.3 Methods of proof")), PageEnds.headingsAtFoot(in));
    }
  }

  @Test
  void aHeadingFollowedByTextIsNot() throws Exception {
    byte[] pdf = page("2.3 Methods of proof", List.of(Map.entry("Some paragraph text above.", 60f),
        Map.entry("2.3 Methods of proof", 500f), Map.entry("The first method is induction.", 520f),
        Map.entry("17", 580f)));
    try (PdfInspector in = PdfInspector.open(pdf)) {
      assertEquals(List.of(), PageEnds.headingsAtFoot(in));
    }
  }

  /** FOP's keep-with-next on heading roles: a chapter of many short sections strands none of them. */
  @Test
  void aBuiltBookStrandsNoHeading(@TempDir Path dir) throws Exception {
    StringBuilder md = new StringBuilder("# Sections\n\n");
    for (int i = 1; i <= 40; i++) {
      md.append("## Section number ").append(i).append("\n\n");
      md.append("Words of the section. ".repeat(3 + (i * 7) % 23)).append("\n\n");
      if (i % 3 == 0) md.append("### A subsection ").append(i).append("\n\n").append("More words here. ".repeat(i % 5 + 1)).append("\n\n");
    }
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "s.md"), "s.md", md.toString()));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    try (PdfInspector in = PdfInspector.open(Files.readAllBytes(b.pdf()))) {
      assertEquals(List.of(), PageEnds.headingsAtFoot(in));
    }
  }
}
