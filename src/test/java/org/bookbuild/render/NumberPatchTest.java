package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Page numbers swapped in a chapter's IF: only marked runs change, only when the width stays, colours set back. */
class NumberPatchTest {
  /** Every digit 500 units wide, other characters 300: "99" and "12" take the same room, "100" does not. */
  static final NumberPatch.Widths WIDTHS = (family, style, weight, size, text) -> {
    int w = 0;
    for (char c : text.toCharArray()) w += (Character.isDigit(c) ? 500 : 300) * size;
    return w;
  };

  static final String IF = "<page-sequence><page index=\"0\" name=\"11\" page-master-name=\"p-odd\">"
      + "<content><font family=\"CMU Serif\" style=\"normal\" weight=\"400\" variant=\"normal\" size=\"9000\" color=\"#fe0000\"/>"
      + "<text x=\"378000\" y=\"8370\">11</text><font color=\"#000000\"/><text x=\"0\" y=\"20000\">Text 11 stays</text>"
      + "<font color=\"#fe0001\"/><text x=\"100\" y=\"30000\">47</text><font color=\"#000000\"/></content></page>"
      + "<page index=\"1\" name=\"12\" page-master-name=\"p-even\"><content>"
      + "<font family=\"CMU Serif\" style=\"normal\" weight=\"400\" variant=\"normal\" size=\"9000\" color=\"#fe0000\"/>"
      + "<text x=\"0\" y=\"8370\">12</text></content></page></page-sequence>";

  static final List<NumberPatch.Num> OLD = List.of(new NumberPatch.Num(null, null, null),
      new NumberPatch.Num("sec-x", "47", "#333333"));

  @Test
  void swapsFoliosCitationsAndPageNamesOnly() {
    String out = NumberPatch.apply(IF, OLD, List.of(OLD.get(0), new NumberPatch.Num("sec-x", "52", "#333333")),
        List.of("11", "12"), List.of("13", "14"), WIDTHS);
    assertNotNull(out);
    assertTrue(out.contains("name=\"13\"") && out.contains("name=\"14\""), out);
    assertTrue(out.contains(">13</text>") && out.contains(">14</text>") && out.contains(">52</text>"), out);
    assertTrue(out.contains("Text 11 stays"), "unmarked text is never touched: " + out);
    assertTrue(out.contains("color=\"#fe0001\""), "the marks stay for a later renumbering");
    String shown = NumberPatch.restoreColors(out, OLD, c -> c == null ? "#000000" : c);
    assertTrue(!shown.contains("#fe00") && shown.contains("color=\"#333333\""), shown);
  }

  @Test
  void refusesWhenANumberNeedsMoreRoomOrTheTextIsNotALabel() {
    assertNull(NumberPatch.apply(IF, OLD, OLD, List.of("11", "12"), List.of("99", "100"), WIDTHS), "100 is wider");
    assertNull(NumberPatch.apply(IF, OLD, List.of(OLD.get(0), new NumberPatch.Num("sec-x", "147", "#333333")),
        List.of("11", "12"), List.of("11", "12"), WIDTHS), "a wider cited label");
    assertNull(NumberPatch.apply(IF, OLD, OLD, List.of("21", "22"), List.of("23", "24"), WIDTHS),
        "laid out with other labels than the IF says");
    assertEquals(IF, NumberPatch.apply(IF, OLD, OLD, List.of("11", "12"), List.of("11", "12"), WIDTHS));
  }
}
