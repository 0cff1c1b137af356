package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Walk;
import org.bookbuild.style.Style;
import org.bookbuild.style.StyleLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: straight quotes, dashes and dots in running text become the book language's typographic marks. */
class SmartQuotesTest {
  @TempDir Path dir;

  private Style style() throws Exception {
    return StyleLoader.load(new DiskWorld(dir, Map.of()), "default", "en");
  }

  private String en(String s) throws Exception {
    return set(s, "en");
  }

  private String set(String s, String lang) throws Exception {
    SmartQuotes.Marks m = SmartQuotes.marks(style(), lang);
    return Walk.text(SmartQuotes.inlines(List.of(new Inline.Text(SourcePos.NONE, s)), m));
  }

  @Test
  void englishPairsAndApostrophes() throws Exception {
    String[][] cases = {
        {"the \"Norm\" of x", "the \u201cNorm\u201d of x"},
        {"\"Hello,\" said the spider.", "\u201cHello,\u201d said the spider."},
        {"'A', 'B', and 'C' are letters.", "\u2018A\u2019, \u2018B\u2019, and \u2018C\u2019 are letters."},
        {"'He said, \"I want to go.\"'", "\u2018He said, \u201cI want to go.\u201d\u2019"},
        {"don't and it's", "don\u2019t and it\u2019s"},
        {"the students' notes", "the students\u2019 notes"},
        {"in the 70's", "in the 70\u2019s"},
        {"'tis the season", "\u2019tis the season"},
        {"(\"quoted\")", "(\u201cquoted\u201d)"},
        {"a \"quote\".", "a \u201cquote\u201d."},
        {"already \u201ccurly\u201d", "already \u201ccurly\u201d"},
    };
    for (String[] c : cases) assertEquals(c[1], en(c[0]), c[0]);
  }

  @Test
  void dashesAndEllipsisAsMystReplacements() throws Exception {
    assertEquals("pages 41\u201343", en("pages 41--43"));
    assertEquals("yes \u2013 no", en("yes -- no"));
    assertEquals("wait\u2014what", en("wait---what"));
    assertEquals("and so on\u2026", en("and so on..."));
    // command-line options and rules are not dashes
    assertEquals("run with --strict", en("run with --strict"));
    assertEquals("----", en("----"));
    assertEquals("a.b.c", en("a.b.c"));
  }

  @Test
  void languagePicksThePair() throws Exception {
    assertEquals("Er sagte \u201eHallo\u201c.", set("Er sagte \"Hallo\".", "de"));
    assertEquals("Er sagte \u201eHallo\u201c.", set("Er sagte \"Hallo\".", "de-DE"));
    assertEquals("Il a dit \u00ab\u00a0bonjour\u00a0\u00bb.", set("Il a dit \"bonjour\".", "fr"));
    assertEquals("\u00abGr\u00fcezi\u00bb", set("\"Gr\u00fcezi\"", "de-CH"));
    assertEquals("say \u201chi\u201d", set("say \"hi\"", "xx-unknown"));
  }

  @Test
  void codeMathUrlsAndKeysStayAsWritten() throws Exception {
    SmartQuotes.Marks m = SmartQuotes.marks(style(), "en");
    List<Inline> in = List.of(
        new Inline.Text(SourcePos.NONE, "call "),
        new Inline.Code(SourcePos.NONE, "f(\"x\") -- 'y'"),
        new Inline.Text(SourcePos.NONE, " with \""),
        new Inline.MathInline(SourcePos.NONE, "f'(x)"),
        new Inline.Text(SourcePos.NONE, "\" at https://example.org/a--b?q=\"x\" or "),
        new Inline.Link(SourcePos.NONE, "https://x.org/it's", List.of(new Inline.Text(SourcePos.NONE, "https://x.org/it's"))),
        new Inline.Text(SourcePos.NONE, ", press "),
        new Inline.Styled(SourcePos.NONE, "kbd", List.of(new Inline.Text(SourcePos.NONE, "\""))),
        new Inline.Text(SourcePos.NONE, "."));
    List<Inline> out = SmartQuotes.inlines(in, m);
    assertEquals(new Inline.Code(SourcePos.NONE, "f(\"x\") -- 'y'"), out.get(1));
    assertEquals(" with \u201c", ((Inline.Text) out.get(2)).text());
    assertEquals(new Inline.MathInline(SourcePos.NONE, "f'(x)"), out.get(3));
    assertEquals("\u201d at https://example.org/a--b?q=\"x\" or ", ((Inline.Text) out.get(4)).text());
    assertEquals(in.get(5), out.get(5));
    assertEquals(in.get(7), out.get(7));
  }

  @Test
  void quotesPairAcrossEmphasisAndLinks() throws Exception {
    SmartQuotes.Marks m = SmartQuotes.marks(style(), "en");
    List<Inline> in = List.of(
        new Inline.Text(SourcePos.NONE, "the \""),
        new Inline.Styled(SourcePos.NONE, "emph", List.of(new Inline.Text(SourcePos.NONE, "gradient"))),
        new Inline.Text(SourcePos.NONE, "\" and '"),
        new Inline.Link(SourcePos.NONE, "#sec", List.of(new Inline.Text(SourcePos.NONE, "this"))),
        new Inline.Text(SourcePos.NONE, "'"),
        new Inline.Note(SourcePos.NONE, List.of()),
        new Inline.Text(SourcePos.NONE, " too"));
    assertEquals("the \u201cgradient\u201d and \u2018this\u2019 too", Walk.text(SmartQuotes.inlines(in, m)));
  }
}
