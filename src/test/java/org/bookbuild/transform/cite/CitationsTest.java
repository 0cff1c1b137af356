package org.bookbuild.transform.cite;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Walk;
import org.bookbuild.testing.ModelBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitationsTest {
  @TempDir Path dir;

  static final String BIB = """
      @string{siam = "SIAM"}
      @book{strang2016,
        author = {Gilbert Strang},
        title = {Introduction to Linear Algebra},
        publisher = siam # " Press",
        address = {Wellesley},
        edition = {5th},
        year = 2016,
        url = {https://math.mit.edu/~gs/linearalgebra/}
      }
      @article{broken,
        author = {X Y},
        title = {Never closed,
        year = 2001

      @article{boyd2004,
        author = {Boyd, Stephen and Lieven Vandenberghe},
        title = {Convex {O}ptimization of $x^2$},
        journal = {J. Opt.}, volume = 12, number = 3, pages = {45--67},
        year = {2004}
      }
      @book{muller1999, author = {M{\\"u}ller, Hans and Ann Bee and Cy Dee}, title = {Große Werke}, year = 1999, publisher = {Springer}}
      """;

  static final SourcePos P = SourcePos.of("ch1.md", 3, 5);

  static Inline.Ref cite(String kind, String keys) {
    return new Inline.Ref(P, kind, keys, List.of());
  }

  static List<Block> chapter(Inline... body) {
    return List.of(new Block.Heading(P, Attr.EMPTY, 1, List.of(new Inline.Text(P, "One"))),
        new Block.Para(P, List.of(body)));
  }

  ModelBooks.Written build(String style, Inline... body) throws Exception {
    Files.writeString(dir.resolve("refs.bib"), BIB);
    return ModelBooks.write(dir, ModelBooks.project(List.of("refs.bib"), style), chapter(body));
  }

  static String text(Chapter ch) {
    StringBuilder sb = new StringBuilder();
    for (Block b : ch.blocks()) if (b instanceof Block.Para p) sb.append(Walk.text(p.content()));
    return sb.toString();
  }

  @Test
  void brokenEntryIsReportedWithFileAndLineAndTheRestWorks() throws Exception {
    var w = build("numeric", cite("cite", "boyd2004"), new Inline.Text(P, " "), cite("cite:p", "strang2016,muller1999"));
    List<Diagnostic> bad = w.diags().byRule("bib-parse");
    assertEquals(1, bad.size(), w.diags().all().toString());
    assertEquals("refs.bib", bad.get(0).pos().file());
    assertEquals(11, bad.get(0).pos().line(), bad.get(0).message());
    assertTrue(bad.get(0).message().contains("broken"), bad.get(0).message());
    assertEquals("[1] [2, 3]", text(w.book().chapters().get(0)));
    assertTrue(w.diags().byRule("ref-unresolved").isEmpty(), "entry links resolve: " + w.diags().all());
    // the same file read again (a resident process's next build) is taken as read, and says the same
    var again = build("numeric", cite("cite", "boyd2004"));
    assertEquals(bad, again.diags().byRule("bib-parse"));
  }

  @Test
  void authorYearTextualAndParenthetical() throws Exception {
    var w = build("author-year", cite("cite:t", "strang2016"), new Inline.Text(P, " "), cite("cite:p", "boyd2004,muller1999"));
    assertEquals("Strang (2016) (Boyd and Vandenberghe 2004; Müller et al. 1999)", text(w.book().chapters().get(0)));
  }

  @Test
  void unknownKeyWarnsAtItsPositionAndPrintsAQuestionMark() throws Exception {
    var w = build("numeric", cite("cite", "nosuch"));
    List<Diagnostic> d = w.diags().byRule("cite-unknown");
    assertEquals(1, d.size());
    assertEquals(P, d.get(0).pos());
    assertEquals("[?]", text(w.book().chapters().get(0)));
  }

  @Test
  void bibliographyChapterListsOnlyCitedEntriesFormattedAndLinked() throws Exception {
    var w = build("numeric", cite("cite", "strang2016"), new Inline.Text(P, " "), cite("cite", "boyd2004"));
    List<Chapter> chs = w.book().chapters();
    Chapter bib = chs.get(chs.size() - 1);
    assertEquals(Chapter.Kind.BACK, bib.kind());
    byte[] pdf = w.pdf();
    try (PdfInspector in = PdfInspector.open(pdf)) {
      int last = in.pageCount();
      String page = "";
      for (int p = 0; p < last; p++) if (in.text(p).contains("Bibliography")) page = in.text(p);
      String flat = page.replaceAll("\\s+", " ");
      assertTrue(flat.contains("[1] Gilbert Strang. Introduction to Linear Algebra. 5th edition. SIAM Press, Wellesley. 2016."), flat);
      assertTrue(flat.contains("[2] Stephen Boyd and Lieven Vandenberghe. Convex Optimization of"), flat);
      assertTrue(flat.contains("J. Opt. 12(3):45–67. 2004."), flat);
      assertFalse(flat.contains("Müller"), "uncited entries are not listed");
      assertTrue(in.links().stream().anyMatch(l -> "https://math.mit.edu/~gs/linearalgebra/".equals(l.uri())), "url is a live link");
      long internal = in.links().stream().filter(PdfInspector.Link::internal).count();
      assertTrue(internal >= 2, "each citation links to its entry");
    }
  }

  @Test
  void noBibliographyFileMeansEveryCitationIsUnknown() throws Exception {
    var w = ModelBooks.write(dir, ModelBooks.project(List.of(), "numeric"), chapter(cite("cite", "a,b")));
    assertEquals(2, w.diags().byRule("cite-unknown").size());
    assertEquals("[?, ?]", text(w.book().chapters().get(0)));
  }

  static Inline.Text t(String s) {
    return new Inline.Text(P, s);
  }

  /**
   * Pandoc's and mystmd's citation syntax in running text, with prenotes and locators (mines-nancy-optimization
   * printed "@nocedal2006numerical [p. 106]" raw); e-mail addresses, unknown handles and split text are left alone.
   */
  @Test
  void pandocCitationsWithLocatorsInRunningText() throws Exception {
    var w = build("numeric", t("Proofs in @boyd2004 [p. 106], also [@strang2016, p. 3] and [see @boyd2004, pp. 9-11; "),
        t("@strang2016]. Year [-@strang2016]. Mail a@b.org, @nobody."));
    assertEquals("Proofs in Boyd and Vandenberghe [1, p. 106], also [2, p. 3] and [see 1, pp. 9-11; 2]. Year [2]."
        + " Mail a@b.org, @nobody.", text(w.book().chapters().get(0)));
    assertTrue(w.diags().byRule("cite-unknown").isEmpty(), w.diags().all().toString());
    var ay = build("author-year", t("As @strang2016 [chap. 2] shows [see @boyd2004, p. 45; @muller1999]."));
    assertEquals("As Strang (2016, chap. 2) shows (see Boyd and Vandenberghe 2004, p. 45; Müller et al. 1999).",
        text(ay.book().chapters().get(0)));
  }

  /** sphinxcontrib-bibtex's {pre}key{post} form of the roles, and a bracketed group naming an unknown key. */
  @Test
  void roleNotesAndUnknownKeysInAGroup() throws Exception {
    var w = build("numeric", cite("cite:p", "{see}strang2016{p. 3}, boyd2004"), t(" and [@boyd2004; @nosuch]."));
    assertEquals("[see 1, p. 3; 2] and [2, ?].", text(w.book().chapters().get(0)));
    assertEquals(1, w.diags().byRule("cite-unknown").size());
  }
}
