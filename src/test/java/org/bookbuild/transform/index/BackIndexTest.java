package org.bookbuild.transform.index;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.testing.ModelBooks;
import org.bookbuild.transform.GlossaryTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackIndexTest {
  @TempDir Path dir;
  static final SourcePos P = SourcePos.of("ch.md", 2, 1);

  static Inline idx(String shown, String entry) {
    return new Inline.Span(P, new Attr("", List.of("index"), Map.of("entry", entry)), List.of(new Inline.Text(P, shown)));
  }

  static Block heading(String t) {
    return new Block.Heading(P, Attr.EMPTY, 1, List.of(new Inline.Text(P, t)));
  }

  static Block para(Inline... is) {
    return new Block.Para(P, List.of(is));
  }

  @Test
  void entriesParse() {
    assertEquals(List.of(new IndexEntry("matrix", "inverse", "", false, false, P)), IndexEntry.parse("single: matrix; inverse", P));
    assertEquals(2, IndexEntry.parse("pair: loss; function", P).size());
    assertTrue(IndexEntry.parse("!gradient", P).get(0).primary());
    assertEquals("slope", IndexEntry.parse("see: gradient; slope", P).get(0).see());
    assertTrue(IndexEntry.parse("pair: onlyone", P).isEmpty());
  }

  @Test
  void indexAndGlossaryPagesListWhatTheyShouldWithPageNumbers() throws Exception {
    List<Block> ch1 = List.of(heading("First"),
        para(new Inline.Text(P, "The "), idx("gradient", "gradient"), new Inline.Text(P, " and "),
            idx("élan", "élan"), new Inline.Text(P, " see "), new Inline.Ref(P, "term", "Loss function", List.of()),
            new Inline.Text(P, " and "), new Inline.Ref(P, "term", "nonsense", List.of())));
    List<Block> ch2 = List.of(heading("Second"),
        para(idx("Gradients", "!gradient"), new Inline.Text(P, " "), idx("inverse", "single: matrix; inverse"),
            new Inline.Text(P, " "), idx("", "see: slope; gradient"), idx("x", "single: a; b; c; d")),
        new Block.Div(P, Attr.classes("glossary"), List.of(), List.of(
            new Block.Div(P, new Attr(GlossaryTerms.id("Loss function"), List.of("glossary-term"), Map.of()),
                List.of(new Inline.Text(P, "Loss function")),
                List.of(new Block.Para(P, List.of(new Inline.Text(P, "What training minimises."))))))));
    var w = ModelBooks.write(dir, ModelBooks.project(List.of(), "numeric"), ch1, ch2);
    assertEquals(1, w.diags().byRule("index-entry").size(), "the four-part single entry is reported");
    assertEquals(1, w.diags().byRule("ref-unresolved").size(), "unknown term: " + w.diags().all());
    List<Chapter> chs = w.book().chapters();
    assertEquals(BackIndex.CHAPTER_ID, chs.get(chs.size() - 1).id());
    try (PdfInspector in = PdfInspector.open(w.pdf())) {
      List<String> labels = in.pageLabels();
      int first = -1, second = -1, index = -1;
      for (int p = 0; p < in.pageCount(); p++) {
        String t = in.text(p);
        if (t.contains("First") && t.contains("gradient") && first < 0) first = p;
        if (t.contains("Second") && t.contains("Gradients")) second = p;
        if (t.contains("Index") && t.contains("matrix")) index = p;
      }
      assertTrue(first >= 0 && second > first && index > second, first + " " + second + " " + index);
      final int f = first, s2 = second, ix = index;
      String text = in.text(index).replaceAll("\\s+", " ");
      String p1 = labels.get(first), p2 = labels.get(second);
      assertTrue(text.contains("gradient, " + p1 + ", " + p2), text);
      assertTrue(text.contains("matrix inverse, " + p2), text);
      assertTrue(text.contains("slope, see gradient"), text);
      assertTrue(text.indexOf("élan") < text.indexOf("gradient") && text.indexOf("gradient") < text.indexOf("matrix"),
          "sorted ignoring accents: " + text);
      assertTrue(text.contains("E ") && text.contains("G ") && text.contains("M "), "letter groups: " + text);
      long toAnchors = in.links().stream().filter(l -> l.page() == ix && l.internal()).count();
      assertEquals(4, toAnchors, "each page number is a link");
      assertTrue(in.text(second).contains("Loss function") && in.text(second).contains("What training minimises."));
      assertTrue(in.links().stream().anyMatch(l -> l.page() == f && l.internal() && l.target() == s2),
          "the term reference links to its glossary entry");
    }
  }
}
