package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Telling apart the pages of two layouts of a chapter in their Intermediate Format, and keeping some of them. */
class IfPagesTest {
  private static String chapter(String... pages) {
    StringBuilder b = new StringBuilder("<document><header/><page-sequence><structure-tree/>");
    for (int k = 0; k < pages.length; k++) {
      b.append("<page index=\"").append(k).append("\" name=\"").append(k + 1).append("\"><page-header/><content>")
          .append(pages[k]).append("</content><page-trailer/></page>");
    }
    return b.append("</page-sequence><trailer/></document>").toString();
  }

  @Test
  void onlyPagesWhoseTextDiffersAreChanged() {
    String before = chapter("one", "two", "three", "four");
    assertArrayEquals(new int[] {}, IfPages.changed(before, before));
    assertArrayEquals(new int[] {1, 3}, IfPages.changed(chapter("one", "two!", "three", "for"), before));
    assertArrayEquals(new int[] {0, 1, 2}, IfPages.changed(chapter("one", "two", "three"), before),
        "another page count: every page");
    assertArrayEquals(new int[] {0, 1}, IfPages.changed(chapter("one", "two"), null), "nothing to compare: every page");
    assertNull(IfPages.changed("<document><page index=\"0\"><page index=\"1\"></page></document>", before));
  }

  @Test
  void keptPagesStayInTheirSequenceAndTheRestGoes() {
    String kept = IfPages.keep(chapter("one", "two", "three"), new int[] {1});
    assertEquals("<document><header/><page-sequence><structure-tree/><page index=\"1\" name=\"2\"><page-header/>"
        + "<content>two</content><page-trailer/></page></page-sequence><trailer/></document>", kept);
    assertEquals(chapter("a", "b"), IfPages.keep(chapter("a", "b"), new int[] {0, 1}));
  }
}
