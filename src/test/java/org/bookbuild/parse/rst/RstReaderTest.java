package org.bookbuild.parse.rst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.model.Block;
import org.bookbuild.model.Walk;
import org.bookbuild.parse.ParseScope;
import org.junit.jupiter.api.Test;

/** What parse cases cannot show: the reader's cost on hostile input, and the text of what it reads. */
class RstReaderTest {
  private static List<Block> parse(String text, Diagnostics diags) {
    return RstReader.parse(null, "p.rst", text, diags, ParseScope.DEFAULT);
  }

  @Test
  void unclosedStartStringsCostLinearTime() {
    String text = "*a `b |c ``d **e _`f ".repeat(20_000);
    Diagnostics diags = new Diagnostics();
    List<Block> out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(text, diags));
    assertEquals(1, out.size());
    assertEquals(text.strip(), Walk.text(((Block.Para) out.get(0)).content()), "every character is printed as text");
  }

  @Test
  void longSubstitutionChainStopsAtTheNestingLimit() {
    StringBuilder sb = new StringBuilder("|s0|\n\n");
    for (int i = 0; i < 5000; i++) sb.append(".. |s").append(i).append("| replace:: x |s").append(i + 1).append("|\n");
    Diagnostics diags = new Diagnostics();
    List<Block> out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(sb.toString(), diags));
    assertEquals(1, diags.byRule("rst-substitution").size(), diags.all().toString());
    assertTrue(Walk.text(((Block.Para) out.get(0)).content()).startsWith("x x x"));
  }

  @Test
  void deepIndentationIsOneQuote() {
    String text = " ".repeat(100_000) + "deep\n";
    Diagnostics diags = new Diagnostics();
    List<Block> out = parse(text, diags);
    assertEquals(1, out.size());
    assertTrue(out.get(0) instanceof Block.Quote q && Walk.text(((Block.Para) q.content().get(0)).content()).equals("deep"));
    assertTrue(diags.all().isEmpty(), diags.all().toString());
  }
}
