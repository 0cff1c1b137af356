package org.bookbuild.check;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bookbuild.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-back check on hand-made PDFs (broken and sound) and on the formulas that used to write NaN. */
class ReadBackTest {
  @TempDir Path dir;

  /** A PDF of pages whose content streams are exactly the given texts, with Helvetica as /F1. */
  static byte[] pdf(String... contents) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      for (String c : contents) {
        PDPage page = new PDPage();
        doc.addPage(page);
        // register the font in the page's resources the ordinary way, then replace the stream with the given text
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        }
        COSName f = page.getResources().getFontNames().iterator().next();
        PDStream s = new PDStream(doc);
        try (var out = s.createOutputStream()) {
          out.write(c.replace("/F1", "/" + f.getName()).getBytes(StandardCharsets.ISO_8859_1));
        }
        page.setContents(s);
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      doc.save(b);
      return b.toByteArray();
    }
  }

  @Test
  void soundPagesReadBackClean() throws Exception {
    ReadBack.Report r = ReadBack.read(pdf("q 1 0 0 1 72 700 cm BT /F1 12 Tf 0 0 Td (Hello) Tj [(W) 120 (orld)] TJ ET Q",
        "0.5 g 10 10 100 50 re f"));
    assertEquals(2, r.pages());
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(0, r.notdefGlyphs());
  }

  @Test
  void nanScaleIsFoundWithItsPage() throws Exception {
    ReadBack.Report r = ReadBack.read(pdf("q 1 0 0 1 0 0 cm Q", "q 1 0 0 NaN 72 700 cm BT /F1 12 Tf (x) Tj ET Q"));
    assertFalse(r.ok());
    assertTrue(r.problems().stream().allMatch(p -> p.page() == 2), r.problems().toString());
    assertTrue(r.problems().stream().anyMatch(p -> p.kind() == ReadBack.Kind.UNKNOWN_OPERATOR
        && p.message().contains("'NaN' where a number belongs")), r.problems().toString());
    // "1 0 0" then NaN then "72 700 cm": cm is left with 5 operands, as pdftotext reports
    assertTrue(r.problems().stream().anyMatch(p -> p.kind() == ReadBack.Kind.OPERANDS && p.message().contains("'cm' has 2")
        || p.message().contains("'cm' has 5")), r.problems().toString());
  }

  @Test
  void infinityUnknownOperatorsHugeNumbersAndWrongOperandCountsAreFound() throws Exception {
    ReadBack.Report r = ReadBack.read(pdf("1 0 0 1 Infinity 0 cm", "10 10 m 20 l S", "BT /F1 12 Tf (a) Tx ET",
        "1" + "0".repeat(40) + ".5 0 0 1 0 0 cm"));
    assertEquals(java.util.List.of(1, 2, 3, 4), r.problems().stream().map(ReadBack.Problem::page).distinct().toList(),
        r.problems().toString());
    // PDFBox takes the I of Infinity for an inline image: a syntax error that shows the text around it
    assertEquals(ReadBack.Kind.SYNTAX, r.problems().get(0).kind());
    assertTrue(r.problems().get(0).message().contains("Infinity"), r.problems().toString());
    assertEquals(ReadBack.Kind.OPERANDS, r.problems().stream().filter(p -> p.page() == 2).findFirst().get().kind());
    assertTrue(r.problems().stream().anyMatch(p -> p.page() == 3 && p.message().contains("unknown operator 'Tx'")));
    assertEquals(ReadBack.Kind.NON_FINITE, r.problems().stream().filter(p -> p.page() == 4).findFirst().get().kind(),
        r.problems().toString());
  }

  /**
   * A memo of content-stream traces (book watch) gives the very report a fresh read gives, faults and .notdef counts
   * included, for pages read before and for new ones; and it is used: the second read takes every stream from it.
   */
  @Test
  void aMemoOfStreamTracesGivesTheSameReport() throws Exception {
    String[] pages = {"q 1 0 0 1 72 700 cm BT /F1 12 Tf 0 0 Td (Hello) Tj [(W) 120 (orld)] TJ ET Q",
        "q 1 0 0 NaN 72 700 cm BT /F1 12 Tf (x) Tj ET Q", "1 0 0 1 Infinity 0 cm", "10 10 m 20 l S",
        "BT /F1 12 Tf (a\001\002) Tj (b) Tx ET", "BT /F1 12 Tf (a\001\002) Tj (b) Tx ET"};
    byte[] first = pdf(pages);
    ReadBack.Memo memo = new ReadBack.Memo();
    ReadBack.Report fresh = ReadBack.read(first, false);
    assertFalse(fresh.ok());
    assertEquals(fresh, ReadBack.read(first, false, memo));
    assertEquals(1, memo.lastHits(), "the two equal pages share one trace");
    assertEquals(fresh, ReadBack.read(first, false, memo));
    assertEquals(pages.length, memo.lastHits());
    byte[] other = pdf(pages[4], "0.5 g 10 10 100 50 re f", pages[1]);
    assertEquals(ReadBack.read(other, false), ReadBack.read(other, false, memo));
    assertEquals(2, memo.lastHits());
  }

  /**
   * A long PDF is read in page ranges on several threads: the report is the one a single pass gives, its faults and
   * .notdef glyphs on their own pages, in page order.
   */
  @Test
  void aLongPdfReadInRangesGivesTheReportOfOnePass() throws Exception {
    String[] pages = new String[5 * ReadBack.PAGES_PER_WORKER + 3];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = i % 37 == 5 ? "q 1 0 0 NaN 72 700 cm Q" : i % 29 == 7 ? "BT /F1 12 Tf (a\001\002) Tj ET"
          : "q 1 0 0 1 72 700 cm BT /F1 12 Tf 0 0 Td (Page " + i + ") Tj ET Q";
    }
    byte[] bytes = pdf(pages);
    ReadBack.Report ranges = ReadBack.read(bytes, true);
    ReadBack.Report one;
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      one = ReadBack.read(doc, null, true);
    }
    assertEquals(one, ranges);
    assertEquals(pages.length, ranges.pages());
    assertEquals(java.util.List.of(6, 43, 80, 117), ranges.problems().stream().map(ReadBack.Problem::page).distinct().toList());
    assertEquals(java.util.List.of(8, 37, 66, 95), ranges.notdefs().stream().map(ReadBack.Notdef::page).toList());
  }

  @Test
  void compatibilitySectionsMayHoldUnknownOperators() throws Exception {
    assertTrue(ReadBack.read(pdf("BX 1 2 foo EX 0 g")).ok());
  }

  @Test
  void aFileThatIsNoPdfIsOneProblem() {
    ReadBack.Report r = ReadBack.read("%PDF-1.4\nnot really\n".getBytes(StandardCharsets.US_ASCII));
    assertFalse(r.ok());
    assertEquals(ReadBack.Kind.SYNTAX, r.problems().get(0).kind());
  }

  /**
   * Formulas of zero width or zero height ({@code \hspace} alone, {@code \vphantom}, an empty array, a lone
   * {@code \\}) used to make FOP's painter scale by 0/0 and write NaN into the page, which stopped viewers drawing the
   * rest of it. Now every page reads back clean and the text after them is on the page.
   */
  @Test
  void emptyAndFlatFormulasNoLongerWriteNaN() throws Exception {
    String md = "# Constraints\n\n$$\n\\begin{array}{c}\n\\end{array}\n$$\n\nFirst after.\n\n$$\n\\hspace{1em}\n$$\n\n"
        + "Second after.\n\n$$\n\\vphantom{x}\n$$\n\nThird after $\\,$ and $\\hspace{2em}$ inline.\n\n"
        + "$$\n\\begin{array}{rl}\n\\min & f(x) \\\\\n\\text{s.t.} & g(x) \\le 0 \\\\\n & \\\\\n\\end{array}\n$$\n\nLast words.\n";
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "a.md"), "a.md", md));
    TestBooks.Run run = TestBooks.cli("build", dir.toString());
    assertFalse(run.stderr().contains("pdf-invalid"), run.stderr());
    Path pdf = dir.resolve("out/test-book.pdf");
    ReadBack.Report r = ReadBack.read(pdf);
    assertTrue(r.ok(), r.problems().toString());
    String text;
    try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
    }
    for (String s : new String[] {"First after.", "Second after.", "Third after", "Last words."}) {
      assertTrue(text.contains(s), s + " missing from\n" + text);
    }
  }

  @Test
  void aBrokenPdfFileOnDiskIsReadFromItsPath() throws Exception {
    Path p = dir.resolve("bad.pdf");
    Files.write(p, pdf("q 1 0 0 NaN 0 0 cm Q"));
    assertFalse(ReadBack.read(p).ok());
  }

  /** Text past the page's trim box is listed run by run; text inside, even near the edge, is not. */
  @Test
  void textPastTheTrimIsListedAsRuns() throws Exception {
    // a letter page is 612 pt wide: "Inside" ends well inside, "Overflowing" starts at 580 and runs past the edge,
    // "Below" sits under the bottom edge
    byte[] p = pdf("BT /F1 12 Tf 1 0 0 1 500 700 Tm (Inside) Tj ET BT /F1 12 Tf 1 0 0 1 580 600 Tm (Overflowing) Tj ET",
        "BT /F1 12 Tf 1 0 0 1 72 -20 Tm (Below) Tj ET BT /F1 12 Tf 1 0 0 1 72 400 Tm (Fine) Tj ET");
    ReadBack.Report r = ReadBack.read(p);
    assertTrue(r.ok(), "the file itself is sound");
    assertEquals(2, r.pastTrim().size(), r.pastTrim().toString());
    assertEquals(1, r.pastTrim().get(0).page());
    assertTrue("Overflowing".contains(r.pastTrim().get(0).text()) && r.pastTrim().get(0).text().endsWith("ing"),
        r.pastTrim().get(0).text());
    assertEquals(new ReadBack.PastTrim(2, "Below"), r.pastTrim().get(1));
    assertEquals(0, ReadBack.read(p, false).pastTrim().size(), "the build's read-back leaves the trim out");
    assertTrue(r.line().contains("past-trim=2"), r.line());
    // preflight runs the same check as a registered rule
    var findings = Preflight.check(p, new Preflight.Options(org.bookbuild.press.Presses.load(
        new org.bookbuild.io.MemoryWorld(dir, Map.of())).get("none"), false));
    assertEquals(2, findings.stream().filter(f -> f.rule().equals("text-past-trim")).count(), findings.toString());
  }
}
