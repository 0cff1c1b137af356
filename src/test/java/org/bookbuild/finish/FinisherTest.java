package org.bookbuild.finish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.model.Metadata;
import org.bookbuild.testing.TestFop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The finisher on real FOP output: content-derived id, viewer preferences, authors, determinism. */
class FinisherTest {
  static final Metadata META = new Metadata("Vectors", null,
      List.of(new Metadata.Author("Ada Lovelace", null, null), new Metadata.Author("Alan Turing", null, null)),
      "2026-01-15", "CC-BY-4.0", null, null, "en", List.of(), null);
  static final Pattern ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*\\]");
  static byte[] first, second, other;

  @BeforeAll
  static void render() throws Exception {
    String fo = TestFop.document(null, TestFop.sequence(null, "<fo:block>Vectors have length and direction.</fo:block>"));
    first = TestFop.render(fo);
    second = TestFop.render(fo);
    other = TestFop.render(fo.replace("direction", "a direction"));
  }

  @Test
  void fopAloneIsNotDeterministicButFinishedOutputIs() throws Exception {
    assertFalse(Arrays.equals(first, second), "FOP's random /ID should make two renders differ");
    byte[] a = Finisher.finish(first, META), b = Finisher.finish(second, META);
    assertArrayEquals(a, b);
    assertArrayEquals(a, Finisher.finish(first.clone(), META), "same input, same bytes");
  }

  @Test
  void finishingInPlaceGivesTheSameBytes() throws Exception {
    byte[] input = first.clone();
    byte[] expected = Finisher.finish(first, META, new org.bookbuild.diag.Timings());
    assertArrayEquals(input, first, "finish leaves its input as it was");
    assertArrayEquals(expected, Finisher.finishInPlace(input, META, new org.bookbuild.diag.Timings()));
  }

  @Test
  void idIsTheFingerprintOfTheFileWithTheIdZeroed() throws Exception {
    byte[] out = Finisher.finish(first, META);
    String s = new String(out, StandardCharsets.ISO_8859_1);
    Matcher m = ID.matcher(s);
    String last1 = null, last2 = null;
    int start = -1;
    while (m.find()) {
      last1 = m.group(1);
      last2 = m.group(2);
      start = m.start();
    }
    assertTrue(start > 0, "no /ID in " + s.substring(Math.max(0, s.length() - 300)));
    assertEquals(last1, last2);
    // Every trailer's id (the original one and the appended update's) carries the same content-derived value.
    String zeroed = s.replace(last1, "0".repeat(last1.length()));
    assertEquals(2, (s.length() - s.replace(last1, "").length()) / last1.length() / 2, "two trailers, two ids each");
    byte[] digest = org.bookbuild.io.Fingerprint.of(zeroed.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(HexFormat.of().formatHex(digest, 0, last1.length() / 2), last1.toLowerCase());
    try (PdfInspector in = PdfInspector.open(out)) {
      assertEquals(List.of(last1.toLowerCase(), last1.toLowerCase()), in.documentId());
    }
  }

  @Test
  void differentContentGivesADifferentId() throws Exception {
    try (PdfInspector a = PdfInspector.open(Finisher.finish(first, META));
        PdfInspector b = PdfInspector.open(Finisher.finish(other, META))) {
      assertNotEquals(a.documentId(), b.documentId());
    }
  }

  @Test
  void viewerShowsTitleAndInfoNamesEveryAuthor() throws Exception {
    byte[] out = Finisher.finish(first, META);
    try (PdfInspector in = PdfInspector.open(out)) {
      assertTrue(in.displaysDocTitle());
      assertEquals("en", in.language());
      assertEquals("Ada Lovelace, Alan Turing", in.info().get("Author"));
      assertEquals("Vectors have length and direction.", in.text(0).strip());
    }
    try (PdfInspector in = PdfInspector.open(first)) {
      assertFalse(in.displaysDocTitle(), "premise: FOP does not set DisplayDocTitle for an untagged PDF");
    }
  }

  @Test
  void wallClockMetadataDateIsReplacedByTheCreationDate() throws Exception {
    String s = new String(first, StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("<xmp:MetadataDate>([^<]+)</xmp:MetadataDate>").matcher(s);
    assertTrue(m.find(), "premise: FOP writes xmp:MetadataDate");
    byte[] later = s.replace(m.group(1), "2031-07-04T12:34:56Z").getBytes(StandardCharsets.ISO_8859_1);
    assertArrayEquals(Finisher.finish(first, META), Finisher.finish(later, META));
    try (PdfInspector in = PdfInspector.open(Finisher.finish(later, META))) {
      assertEquals(in.xmpOne(PdfInspector.XMP, "CreateDate"), in.xmpOne(PdfInspector.XMP, "MetadataDate"));
      assertEquals("2026-01-01T00:00:00Z", in.xmpOne(PdfInspector.XMP, "MetadataDate"));
    }
  }

  @Test
  void pdfUaSingleAuthorPdfIsPatchedInPlace() throws Exception {
    String fo = TestFop.document(null, TestFop.sequence(null, "<fo:block>Tagged text.</fo:block>"))
        .replace("<fo:root ", "<fo:root xml:lang=\"en\" ");
    byte[] tagged = TestFop.renderTagged(fo);
    Metadata one = new Metadata("T", null, List.of(new Metadata.Author("Ada Lovelace", null, null)), null, null, null,
        null, "en", List.of(), null);
    byte[] out = Finisher.finish(tagged, one);
    assertEquals(tagged.length, out.length);
    int differing = 0;
    for (int i = 0; i < out.length; i++) if (out[i] != tagged[i]) differing++;
    // FOP writes DisplayDocTitle and /Lang in PDF/UA mode, so nothing is appended.
    assertTrue(differing > 0 && differing <= 64 + 20, differing + " bytes changed; only the ids and the date may");
    try (PdfInspector in = PdfInspector.open(out)) {
      assertTrue(in.displaysDocTitle());
    }
  }

  @Test
  void appendedUpdateIsAWellFormedIncrementalUpdate() throws Exception {
    byte[] out = Finisher.finish(first, META);
    assertArrayEquals(Arrays.copyOf(first, 1000), Arrays.copyOf(out, 1000), "the original bytes stay in front");
    String s = new String(out, StandardCharsets.ISO_8859_1);
    String update = s.substring(first.length);
    assertTrue(update.contains("/Prev "), update);
    Matcher sx = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*$").matcher(update);
    assertTrue(sx.find(), update);
    int xref = Integer.parseInt(sx.group(1));
    assertTrue(s.startsWith("xref", xref), "startxref points at the new table");
    Matcher entry = Pattern.compile("(\\d+) 1\n(\\d{10}) (\\d{5}) n \n").matcher(s.substring(xref));
    int entries = 0;
    while (entry.find()) {
      entries++;
      int at = Integer.parseInt(entry.group(2));
      assertTrue(s.startsWith(entry.group(1) + " " + Integer.parseInt(entry.group(3)) + " obj", at),
          "xref entry for object " + entry.group(1) + " points at " + s.substring(at, Math.min(s.length(), at + 20)));
    }
    assertEquals(2, entries, "catalog and document information are updated: " + update);
  }

  @Test
  void authorsWithAccentsAndParenthesesSurviveTheUpdate() throws Exception {
    Metadata m = new Metadata("T", null, List.of(new Metadata.Author("Zoë Ångström", null, null),
        new Metadata.Author("J. (Jo) Back\\slash", null, null)), null, null, null, null, "de-CH", List.of(), null);
    try (PdfInspector in = PdfInspector.open(Finisher.finish(first, m))) {
      assertEquals("Zoë Ångström, J. (Jo) Back\\slash", in.info().get("Author"));
      assertEquals("de-CH", in.language());
    }
  }

  @Test
  void fileInAnotherLayoutFallsBackToPdfBox() throws Exception {
    // PDFBox's default save writes object streams and a cross-reference stream, which the byte-level update declines.
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(first)) {
      doc.save(compressed);
    }
    byte[] in = compressed.toByteArray();
    assertEquals(null, IncrementalUpdate.apply(in.clone(), Finisher.changes(META)));
    byte[] out = Finisher.finish(in, META);
    assertArrayEquals(out, Finisher.finish(in, META));
    try (PdfInspector pdf = PdfInspector.open(out)) {
      assertTrue(pdf.displaysDocTitle());
      assertEquals("Ada Lovelace, Alan Turing", pdf.info().get("Author"));
      assertEquals("Vectors have length and direction.", pdf.text(0).strip());
    }
  }
}
