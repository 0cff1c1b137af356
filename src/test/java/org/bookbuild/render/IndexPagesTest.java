package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.fo.PageListMark;
import org.junit.jupiter.api.Test;

/** An index entry's pages printed once each, in page order, runs of three or more as ranges. */
class IndexPagesTest {
  private static final String BOLD = "<fo:inline font-weight=\"bold\">";

  /** The printed text: each printed anchor's label, joined as planned. */
  private static String print(List<IndexPages.Anchor> as, int min) {
    StringBuilder b = new StringBuilder();
    for (IndexPages.Printed p : IndexPages.plan(as, min, (x, y) -> true)) {
      b.append(switch (p.join()) {
        case FIRST -> "";
        case SEPARATOR -> ", ";
        case DASH -> "–";
      });
      IndexPages.Anchor a = as.get(p.anchor());
      b.append(a.weight().isEmpty() ? a.label() : "*" + a.label() + "*");
    }
    return b.toString();
  }

  private static List<IndexPages.Anchor> arabic(String... labels) {
    List<IndexPages.Anchor> out = new ArrayList<>();
    for (String l : labels) {
      boolean bold = l.startsWith("*");
      out.add(new IndexPages.Anchor(1, "1", bold ? l.substring(1) : l, bold ? BOLD : ""));
    }
    return out;
  }

  @Test
  void duplicatesGoRunsOfThreeMerge() {
    assertEquals("3–5, 7", print(arabic("3", "3", "4", "5", "7"), 3));
    assertEquals("3, 4, 7", print(arabic("3", "4", "7"), 3), "two pages stay two numbers (makeindex)");
    assertEquals("3–4, 7", print(arabic("3", "4", "7"), 2), "xindy's rule when the style asks for 2");
    assertEquals("41–43", print(arabic("41", "42", "42", "43"), 3));
    assertEquals("9–12, 20", print(arabic("12", "9", "20", "10", "11"), 3), "sorted by page, not by anchor");
    assertEquals("5", print(arabic("5", "5", "5"), 3));
  }

  @Test
  void aMainEntryKeepsItsWeightAndBreaksARunOfPlainPages() {
    assertEquals("3, *4*, 5", print(arabic("3", "4", "*4", "5"), 3), "page 4 printed once, in bold");
    List<IndexPages.Anchor> as = arabic("4", "*4", "5");
    assertEquals(1, IndexPages.plan(as, 3, (x, y) -> true).get(0).anchor(), "the bold page links to the main anchor");
    assertEquals("*3*–*5*", print(arabic("*3", "*4", "*5"), 3));
  }

  @Test
  void numberingStylesAndRestartsDoNotMerge() {
    List<IndexPages.Anchor> as = List.of(new IndexPages.Anchor(0, "i", "ii", ""), new IndexPages.Anchor(0, "i", "iii", ""),
        new IndexPages.Anchor(0, "i", "iv", ""), new IndexPages.Anchor(1, "1", "1", ""),
        new IndexPages.Anchor(1, "1", "2", ""));
    assertEquals("ii–iv, 1, 2", print(as, 3), "roman front matter merges in itself, never with the chapters");
    List<IndexPages.Anchor> restart = List.of(new IndexPages.Anchor(1, "1", "3", ""),
        new IndexPages.Anchor(1, "1", "4", ""), new IndexPages.Anchor(3, "1", "5", ""));
    StringBuilder b = new StringBuilder();
    for (IndexPages.Printed p : IndexPages.plan(restart, 3, (x, y) -> false)) b.append(p.join()).append(' ');
    assertEquals("FIRST SEPARATOR SEPARATOR ", b.toString(), "a sequence that starts its numbers again");
    assertEquals("3–5", print(restart, 3), "sequences numbering on");
    assertEquals(4, IndexPages.value("i", "iv"));
    assertEquals(-1, IndexPages.value("i", "IV"));
    assertEquals(-1, IndexPages.value("i", "iiii"));
    assertEquals(7, IndexPages.value(IndexPages.style("01"), "07"));
    assertEquals("b, a", print(List.of(new IndexPages.Anchor(1, "a", "b", ""), new IndexPages.Anchor(1, "a", "a", "")), 3),
        "letters are printed as they come");
  }

  // ---- through FoSplit: the FO the index chapter is laid out from ----

  private static final String NS = "xmlns:fo=\"" + FoSplit.FO_NS + "\"";

  private static String book(String indexFlow) {
    StringBuilder ch = new StringBuilder();
    for (int k = 1; k <= 6; k++) ch.append("<fo:block><fo:wrapper id=\"a").append(k).append("\"/>Text ").append(k).append("</fo:block>");
    return "<fo:root " + NS + "><fo:layout-master-set/>"
        + "<fo:page-sequence master-reference=\"m\" initial-page-number=\"1\"><fo:flow flow-name=\"b\">" + ch
        + "<fo:block><fo:page-number-citation ref-id=\"a1\"/></fo:block></fo:flow></fo:page-sequence>"
        + "<fo:page-sequence master-reference=\"m\"><fo:flow flow-name=\"b\"><fo:block id=\"ix\">" + indexFlow
        + "</fo:block></fo:flow></fo:page-sequence></fo:root>";
  }

  private static String item(String id, boolean bold) {
    String link = "<fo:basic-link internal-destination=\"" + id + "\"><fo:page-number-citation ref-id=\"" + id
        + "\"/></fo:basic-link>";
    return bold ? BOLD + link + "</fo:inline>" : link;
  }

  private static String list(String... items) {
    return "widget, <fo:wrapper xmlns:bb=\"" + PageListMark.NS + "\" " + PageListMark.ATTR + "=\"index\" "
        + PageListMark.DASH + "=\"&#8211;\" " + PageListMark.MIN + "=\"3\">" + String.join(", ", items) + "</fo:wrapper>";
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
    return m;
  }

  /** The piece's index text with the numbers' inlines reduced to their labels and links to their targets. */
  private static String shown(FoSplit.Piece p) {
    String f = p.fo();
    f = f.substring(f.indexOf("<fo:block id=\"ix\">") + 18, f.indexOf("</fo:block></fo:flow>"));
    return f.replaceAll("<fo:basic-link external-destination=\"url\\(bookbuild-goto:(\\w+)\\)\">", "[$1:")
        .replaceAll("<fo:inline keep-together[^>]*>([^<]*)</fo:inline>", "$1").replace("</fo:basic-link>", "]");
  }

  @Test
  void foSplitWritesTheMergedListWithEachNumberLinkedToItsFirstAnchor() {
    FoSplit split = FoSplit.of(book(list(item("a1", false), item("a2", false), item("a3", false), item("a4", false),
        item("a5", false))));
    assertNotNull(split);
    FoSplit.Piece p = split.piece(split.sequences.get(1), 9, labels("a1", "3", "a2", "3", "a3", "4", "a4", "5", "a5", "7"));
    assertEquals("widget, [a1:3]–[a4:5], [a5:7]", shown(p));
    assertFalse(p.fo().contains(PageListMark.ATTR), "the mark is not passed on to FOP");
    assertEquals(3, p.nums().size(), "three numbers printed, three marked for renumbering");

    // the same numbers joined otherwise must not be taken for a renumbering of the same text
    FoSplit.Piece q = split.piece(split.sequences.get(1), 9, labels("a1", "3", "a2", "3", "a3", "3", "a4", "4", "a5", "7"));
    assertEquals("widget, [a1:3], [a4:4], [a5:7]", shown(q));
    assertEquals(p.nums().size(), q.nums().size());
    assertNotEquals(p.nums().get(1).id(), q.nums().get(1).id(), "a4 after a dash, then after a comma");
  }

  @Test
  void theSinglePassKeepsFopsCitationsOfThePagesItPrints() {
    FoSplit split = FoSplit.of(book(list(item("a1", false), item("a2", false), item("a3", false), item("a4", false),
        item("a5", false))));
    assertEquals(java.util.Set.of("a1", "a2", "a3", "a4", "a5"), split.pageListCites());
    String fo = split.settlePageLists(labels("a1", "3", "a2", "3", "a3", "4", "a4", "5", "a5", "7"));
    assertTrue(fo.contains("widget, " + item("a1", false) + "\u2013" + item("a4", false) + ", " + item("a5", false)
        + "</fo:block>"), fo);
    assertFalse(fo.contains(PageListMark.ATTR));
    assertTrue(split.withDestinations(java.util.Set.of("a3")).contains("<fox:destination internal-destination=\"a3\"/>"
        + "<fo:page-sequence"));
  }

  @Test
  void boldPagesAndPagesOfTheIndexItself() {
    FoSplit split = FoSplit.of(book(list(item("a1", false), item("a2", true), item("a3", false))));
    FoSplit.Piece p = split.piece(split.sequences.get(1), 9, labels("a1", "4", "a2", "4", "a3", "5"));
    assertEquals("widget, " + BOLD + "[a2:4]</fo:inline>, [a3:5]", shown(p));

    // a list citing an anchor of the index's own chapter is left to FOP as written
    FoSplit own = FoSplit.of(book(list(item("a1", false), item("ix", false))));
    FoSplit.Piece o = own.piece(own.sequences.get(1), 9, labels("a1", "4"));
    assertTrue(o.fo().contains(PageListMark.ATTR) && o.fo().contains("<fo:page-number-citation ref-id=\"ix\""), o.fo());
  }
}
