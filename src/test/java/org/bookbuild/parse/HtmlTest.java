package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.model.Block;
import org.bookbuild.model.Dump;
import org.junit.jupiter.api.Test;

class HtmlTest {
  private final Diagnostics diags = new Diagnostics();

  private String dump(String md) {
    List<Block> bs = new MarkdownParser().parse("t.md", md, diags);
    return Dump.blocks(bs);
  }

  @Test
  void inlineTags() {
    String d = dump("a<sub>2</sub> x<sup>n</sup> <b>bold *md*</b> <strong>s</strong> <i>it</i> <em>e</em> <u>under</u> <span>kept</span>");
    assertTrue(d.contains("Styled \"sub\"\n    Text \"2\""), d);
    assertTrue(d.contains("Styled \"sup\"\n    Text \"n\""), d);
    assertTrue(d.contains("Styled \"strong\"\n    Text \"bold \"\n    Styled \"emph\""), "markdown inside html is parsed: " + d);
    assertTrue(d.contains("Styled \"strong\"\n    Text \"s\""), d);
    assertTrue(d.contains("Styled \"emph\"\n    Text \"it\""), d);
    assertTrue(d.contains("Styled \"emph\"\n    Text \"e\""), d);
    assertTrue(d.contains("Styled \"underline\"\n    Text \"under\""), d);
    assertTrue(d.contains("kept"), d);
    assertTrue(diags.all().isEmpty(), diags.all().toString());
  }

  @Test
  void lineBreakAndImage() {
    String d = dump("one<br>two<br/>three <img src=\"pic.png\" alt=\"A cat\" width=\"200\">");
    assertEquals(2, d.split("LineBreak", -1).length - 1, d);
    assertTrue(d.contains("Image {width=\"200px\"} \"pic.png\"\n    Text \"A cat\""), d);
  }

  @Test
  void centerDivAndBlockImage() {
    String d = dump("<center>\n<img src=\"a.png\">\n</center>\n\n<div align=\"center\">Mid</div>\n\n<div>\n\n**Inside**\n\n</div>\n");
    assertTrue(d.startsWith("Div {.center}\n  Para\n    Image \"a.png\""), d);
    assertTrue(d.contains("Div {.center}\n  Para\n    Text \"Mid\""), d);
    assertTrue(d.contains("Para\n  Styled \"strong\"\n    Text \"Inside\""), "markdown between div tags kept: " + d);
    assertTrue(diags.all().isEmpty(), diags.all().toString());
  }

  @Test
  void detailsAreExpandedWithTheSummaryAsTitle() {
    String d = dump("<details>\n<summary>Show the answer</summary>\n\nThe answer is **42**.\n\n</details>\n");
    assertTrue(d.startsWith("Div {.details}\n  title:\n    Text \"Show the answer\"\n  content:\n    Para\n      Text \"The answer is \""), d);
  }

  @Test
  void iframeBecomesTheIframeDiv() {
    String d = dump("<iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\" title=\"Lecture\"></iframe>\n");
    assertTrue(d.contains("Div {.iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\"}"), d);
    assertTrue(d.contains("Text \"Lecture\""), d);
  }

  @Test
  void simpleTable() {
    String d = dump("<table>\n<tr><th>x</th><th>y</th></tr>\n<tr><td>1</td><td><b>2</b></td></tr>\n<tr><td colspan=\"2\">both</td></tr>\n</table>\n");
    assertTrue(d.startsWith("Table"), d);
    assertTrue(d.contains("aligns=[DEFAULT, DEFAULT]"), d);
    assertTrue(d.contains("head:"), d);
    assertTrue(d.contains("Cell colspan=2 rowspan=1"), d);
    assertTrue(d.contains("Styled \"strong\"\n"), d);
  }

  @Test
  void complexTableFallsBackToText() {
    String d = dump("<table><tr><td rowspan=\"2\">a</td><td>b</td></tr></table>\n");
    assertFalse(d.startsWith("Table"), d);
    assertTrue(d.contains("\"a\"") && d.contains("\"b\""), d);
    assertEquals(1, diags.byRule("html-unsupported").size());
  }

  @Test
  void unknownTagsKeepTheirTextAndAreNamed() {
    String d = dump("Press <marquee>now</marquee> please.\n\n<article>\nLong read\n</article>\n\n<script>alert(1)</script>\n");
    assertTrue(d.contains("now") && d.contains("Long read"), d);
    assertFalse(d.contains("alert"), d);
    List<Diagnostic> w = diags.byRule("html-unsupported");
    assertEquals(3, w.size(), w.toString());
    assertTrue(w.get(0).message().contains("<marquee>"), w.get(0).message());
    assertTrue(w.get(1).message().contains("<article>"));
    assertEquals(3, w.get(1).pos().line(), "position of the block");
    assertTrue(w.get(2).message().contains("<script>"));
  }

  @Test
  void entitiesAreDecodedButNothingExternal() {
    String d = dump("<span>&lt;a&gt; &amp; &#955; &#x3bb; &bogus; &nbsp;</span>\n\n<div><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;</div>\n");
    assertTrue(d.contains("<a> & λ λ &bogus;"), d);
    assertFalse(d.contains("root:"), d);
    assertTrue(d.contains("&e;"), d);
  }
}
