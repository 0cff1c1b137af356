package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link FoSplit#of} scans each page sequence's text once per process and reads it back by its fingerprint after:
 * the split of a book seen before, of one with a sequence changed, and of text the boundaries cut wrongly must all be
 * what a scan of the whole FO gives.
 */
class FoSplitMemoTest {
  private static String seq(String id, String body) {
    return "<fo:page-sequence master-reference=\"m\" format=\"i\" id=\"" + id + "\"><fo:flow flow-name=\"b\">"
        + body + "</fo:flow></fo:page-sequence>";
  }

  private static String book(String... seqs) {
    return "<?xml version=\"1.0\"?><fo:root xmlns:fo=\"" + FoSplit.FO_NS + "\"><fo:layout-master-set/>"
        + "<fo:bookmark-tree><fo:bookmark internal-destination=\"b\"><fo:bookmark-title>Two &amp; more"
        + "</fo:bookmark-title></fo:bookmark></fo:bookmark-tree>" + String.join("\n", seqs) + "</fo:root>";
  }

  private static String describe(FoSplit s) {
    StringBuilder b = new StringBuilder();
    for (FoSplit.Sequence q : s.sequences) {
      b.append(q.start()).append('-').append(q.end()).append(' ').append(q.format()).append(q.ids()).append(q.links())
          .append(q.cites()).append(q.images()).append(' ').append(s.signature(q)).append('\n');
    }
    b.append(s.home).append(s.bookmarks.size()).append(s.bookmarks.get(0).title());
    return b.toString();
  }

  @Test
  void aSplitReadFromTheMemoIsTheSplitOfAScan() {
    String one = seq("a", "<fo:block id=\"a1\">See <fo:basic-link internal-destination=\"b1\">it</fo:basic-link> on "
        + "page <fo:page-number-citation ref-id=\"b1\"/>.</fo:block><fo:external-graphic src=\"project:x.png\"/>");
    String two = seq("b", "<fo:block id=\"b1\">Two<!-- a comment --></fo:block>");
    String fo = book(one, two);
    String first = describe(FoSplit.of(fo));
    String again = describe(FoSplit.of(new String(fo.toCharArray())));
    assertEquals(first, again, "read back by fingerprint");
    assertEquals(2, FoSplit.of(fo).sequences.size());
    assertEquals("Two & more", FoSplit.of(fo).bookmarks.get(0).title());
    assertEquals(List.of("b1"), List.copyOf(FoSplit.of(fo).sequences.get(0).cites()));
    assertEquals(Map.of("a1", 0, "b1", 1), FoSplit.of(fo).home);

    // one sequence edited (and shifted): the other's entry is reused at its new place
    String edited = book(one.replace("See", "See also"), two);
    FoSplit e = FoSplit.of(edited);
    assertEquals(e.sequences.get(1).start(), edited.indexOf("<fo:page-sequence", edited.indexOf("b1\">Two") - 120));
    assertNotEquals(FoSplit.of(fo).sequences.get(0).print(), e.sequences.get(0).print());
    assertEquals(FoSplit.of(fo).sequences.get(1).print(), e.sequences.get(1).print());
  }

  @Test
  void textTheBoundariesCutWronglyIsScannedWhole() {
    // an end tag inside a comment: the boundary search stops there, the scan of that text fails, the whole FO is read
    String tricky = seq("c", "<fo:block id=\"c1\">x<!-- </fo:page-sequence> --></fo:block>");
    FoSplit s = FoSplit.of(book(tricky));
    assertNotNull(s);
    assertEquals(1, s.sequences.size());
    assertEquals(Map.of("c1", 0), s.home);
  }
}
