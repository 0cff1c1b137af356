package org.bookbuild.finish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentIdTest {
  private static final String ZERO = "00000000000000000000000000000000";

  /** A file of two revisions: each trailer has an /ID; a stream before them holds bytes that look like one. */
  private static String twoRevisions(String streamText) {
    StringBuilder b = new StringBuilder("%PDF-1.4\n1 0 obj\n<< /Length 60 >>\nstream\n").append(streamText)
        .append("\nendstream\nendobj\n");
    int xref1 = b.length();
    b.append("xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /ID [<")
        .append("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA> <AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA>] >>\nstartxref\n").append(xref1)
        .append("\n%%EOF\n");
    int xref2 = b.length();
    b.append("xref\n1 1\n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /Prev ").append(xref1)
        .append(" /ID [<BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB> <BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB>] >>\nstartxref\n")
        .append(xref2).append("\n%%EOF\n");
    return b.toString();
  }

  @Test
  void everyTrailerGetsTheSameIdFromTheContentAndStreamsAreLeftAlone() {
    String decoy = "/ID [<CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC> <CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC>]";
    byte[] pdf = twoRevisions(decoy).getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(DocumentId.replace(pdf));
    String out = new String(pdf, StandardCharsets.ISO_8859_1);
    assertTrue(out.contains(decoy), "bytes inside a stream are no trailer");
    List<DocumentId.Span> spans = DocumentId.find(pdf);
    assertEquals(2, spans.size(), "both trailers' ids");
    String id = out.substring(spans.get(0).start1(), spans.get(0).end1());
    assertNotEquals(ZERO, id);
    for (DocumentId.Span s : spans) {
      assertEquals(id, out.substring(s.start1(), s.end1()));
      assertEquals(id, out.substring(s.start2(), s.end2()));
    }
    // the id follows the content, not the ids written before
    byte[] other = twoRevisions(decoy.replace('C', 'D')).getBytes(StandardCharsets.ISO_8859_1);
    DocumentId.replace(other);
    String otherOut = new String(other, StandardCharsets.ISO_8859_1);
    assertNotEquals(id, otherOut.substring(DocumentId.find(other).get(0).start1(), DocumentId.find(other).get(0).end1()));
    byte[] again = twoRevisions(decoy).getBytes(StandardCharsets.ISO_8859_1);
    DocumentId.replace(again);
    assertEquals(out, new String(again, StandardCharsets.ISO_8859_1), "reproducible");
  }

  @Test
  void aFileWhoseChainCannotBeFollowedIsSearchedWhole() {
    byte[] pdf = ("%PDF-1.4\ntrailer\n<< /ID [<" + "A".repeat(32) + "> <" + "A".repeat(32) + ">] >>\n%%EOF\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(DocumentId.replace(pdf));
    assertFalse(new String(pdf, StandardCharsets.ISO_8859_1).contains("A".repeat(32)));
  }

  @Test
  void crossReferenceTablesAreReadEntryByEntry() {
    Map<Integer, Long> t = XrefTable.parse("xref\r\n0 3\r\n0000000000 65535 f\r\n0000000017 00000 n\r\n"
        + "0000000081 00000 n\r\n\r\n7 1\n0000001234 00002 n \n");
    assertEquals(Map.of(1, 17L, 2, 81L, 7, 1234L), t);
    assertNull(XrefTable.parse("xref\n0 2\n0000000000 65535 f \n"), "a subsection cut short");
    assertNull(XrefTable.parse("xref\n0 1\n0000000000 65535 x \n"), "neither in use nor free");
    assertNull(XrefTable.parse("trailer\n"));
  }
}
