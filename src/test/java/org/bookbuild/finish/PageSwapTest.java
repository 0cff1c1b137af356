package org.bookbuild.finish;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The preview's page swap appends the chapter's pages to the PDF on show as an incremental update. Its
 * cross-reference section must be where {@code startxref} says and name each object at its offset: a reader that
 * finds it elsewhere rebuilds the table by scanning the whole file (PDFBox: seconds on a 300-page book; viewers warn).
 */
class PageSwapTest {
  @Test
  void theSwappedPdfsCrossReferenceSectionIsWhereStartxrefSaysAndNamesEachObjectAtItsOffset() throws Exception {
    byte[] book = pdf("first page", "second page", "third page");
    byte[] swapped = PageSwap.swap(book, 1, pdf("the edited page"));
    assertNotNull(swapped);
    String text = new String(swapped, StandardCharsets.ISO_8859_1);
    Matcher last = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$").matcher(text);
    assertTrue(last.find(), "ends with startxref");
    int xref = Integer.parseInt(last.group(1));
    assertTrue(xref > book.length, "the update's own section");
    assertTrue(text.startsWith("xref\n", xref), "startxref points at: " + text.substring(xref, xref + 12));
    Matcher sub = Pattern.compile("(\\d+) (\\d+)\\n").matcher(text);
    int at = xref + 5;
    int entries = 0;
    while (sub.find(at) && sub.start() == at) {
      int number = Integer.parseInt(sub.group(1));
      int count = Integer.parseInt(sub.group(2));
      at = sub.end();
      for (int k = 0; k < count; k++, at += 20) {
        long offset = Long.parseLong(text.substring(at, at + 10));
        int gen = Integer.parseInt(text.substring(at + 11, at + 16));
        String obj = (number + k) + " " + gen + " obj";
        assertTrue(text.startsWith(obj, (int) offset), "entry of object " + (number + k) + " points at: "
            + text.substring((int) offset, (int) offset + 16).replace('\n', '|'));
        entries++;
      }
    }
    assertTrue(entries >= 2, "the page and its content at least: " + entries);
    try (PDDocument d = Loader.loadPDF(swapped)) {
      assertEquals(3, d.getNumberOfPages());
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(2);
      s.setEndPage(2);
      assertEquals("the edited page", s.getText(d).trim());
      s.setStartPage(3);
      s.setEndPage(3);
      assertEquals("third page", s.getText(d).trim());
    }
  }

  @Test
  void severalChaptersGoInOneUpdateSoTheBookIsParsedOnce() throws Exception {
    byte[] book = pdf("one", "two", "three", "four");
    byte[] swapped;
    try (PageSwap.Book loaded = PageSwap.Book.load(book)) {
      swapped = PageSwap.swap(loaded, java.util.List.of(new PageSwap.Part(1, pdf("two again")),
          new PageSwap.Part(3, pdf("four again"))));
      assertNull(PageSwap.swap(loaded, java.util.List.of(new PageSwap.Part(1, pdf("x", "y")),
          new PageSwap.Part(2, pdf("z")))), "two parts that replace the same page do not fit");
    }
    assertNotNull(swapped);
    String text = new String(swapped, StandardCharsets.ISO_8859_1);
    assertEquals(2, text.split("startxref", -1).length - 1, "the book's table and one update");
    try (PDDocument d = Loader.loadPDF(swapped)) {
      assertEquals(4, d.getNumberOfPages());
      PDFTextStripper s = new PDFTextStripper();
      String[] want = {"one", "two again", "three", "four again"};
      for (int p = 0; p < 4; p++) {
        s.setStartPage(p + 1);
        s.setEndPage(p + 1);
        assertEquals(want[p], s.getText(d).trim());
      }
    }
  }

  private static byte[] pdf(String... pages) throws Exception {
    try (PDDocument d = new PDDocument()) {
      for (String p : pages) {
        PDPage page = new PDPage();
        d.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(d, page)) {
          c.beginText();
          c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          c.newLineAtOffset(72, 700);
          c.showText(p);
          c.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.save(out);
      return out.toByteArray();
    }
  }
}
