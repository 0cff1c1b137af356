package org.bookbuild.fo;

import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Metadata;
import org.bookbuild.model.Part;
import org.bookbuild.style.Style;
import org.bookbuild.transform.Context;

/**
 * Stage 6: writes the whole book as XSL-FO. One page-sequence per chapter (so FOP's memory stays flat as books grow),
 * front matter numbered i, ii …, the body from 1, every chapter opening on a right-hand page with the page before it
 * truly blank. Blocks and inlines are written by the renderers registered in {@link Renderers}.
 */
public final class FoWriter {
  public static final String FO_NS = "http://www.w3.org/1999/XSL/Format";
  public static final String FOX_NS = "http://xmlgraphics.apache.org/fop/extensions";

  private FoWriter() {}

  /** The FO text and where its parts came from in the sources (for reporting FOP's events at the author's text). */
  public record Output(String fo, SourceMap sources) {}

  public static String write(Book book, Context ctx) {
    return writeMapped(book, ctx).fo();
  }

  public static Output writeMapped(Book book, Context ctx) {
    return writeMapped(book, ctx, null);
  }

  /**
   * The book's FO; with a {@link ChapterMemo} (a resident process's), a chapter whose model and everything its FO
   * depended on are as at the last build is not written again: its FO and diagnostics are taken from the memo.
   */
  public static Output writeMapped(Book book, Context ctx, ChapterMemo memo) {
    Style style = ctx.style();
    SourceMap sources = new SourceMap();
    Xml x = new Xml();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.start("fo:root").attr("xmlns:fo", FO_NS).attr("xmlns:fox", FOX_NS).attr("language", book.meta().language());
    PageMasters.write(x, style);
    Declarations.write(x, book.meta(), style);
    Outline outline = Outline.of(book, Integer.parseInt(style.page("bookmark-depth")));
    Fo fo = new Fo(x, ctx, new GlyphCheck(style, ctx.world()), sources);
    Bookmarks.write(x, fo, outline, Contents.ID, style.string("contents"));

    sequence(fo, PageMasters.PLAIN, "i", "1", book.meta());
    TitlePage.write(fo, book.meta());
    CopyrightPage.write(x, book.meta(), style);
    endSequence(x);

    sequence(fo, PageMasters.CHAPTER, "i", "auto", book.meta());
    Contents.write(fo, Outline.of(book, Integer.parseInt(style.page("toc-depth"))));
    endSequence(x);

    boolean firstBody = true;
    int partNo = 0;
    for (Part p : book.parts()) {
      boolean front = !p.chapters().isEmpty() && p.chapters().get(0).kind() == Chapter.Kind.FRONT;
      if (p.isReal()) {
        sequence(fo, PageMasters.PLAIN, front ? "i" : "1", !front && firstBody ? "1" : "auto", book.meta());
        if (!front) firstBody = false;
        PartPage.write(fo, p, ++partNo);
        endSequence(x);
      }
      for (Chapter c : p.chapters()) {
        boolean isFront = c.kind() == Chapter.Kind.FRONT;
        String master = c.kind() == Chapter.Kind.BACK && c.id().equals(org.bookbuild.transform.index.BackIndex.CHAPTER_ID)
            ? PageMasters.COLUMNS : PageMasters.CHAPTER;
        sequence(fo, master, isFront ? "i" : "1", !isFront && firstBody ? "1" : "auto", book.meta());
        if (!isFront) firstBody = false;
        ChapterMemo.write(memo, fo, c);
        endSequence(x);
      }
    }
    x.end();
    String text = x.toString();
    sources.finish(text);
    return new Output(text, sources);
  }

  private static void sequence(Fo fo, String master, String format, String initial, Metadata meta) {
    Xml x = fo.xml();
    x.start("fo:page-sequence").attr("master-reference", master).attr("format", format)
        .attr("initial-page-number", initial).attr("force-page-count", "end-on-even")
        .attr("language", meta.language()).attrs(fo.role("body"));
    RunningHeads.write(fo, meta);
    x.start("fo:flow").attr("flow-name", "xsl-region-body");
  }

  private static void endSequence(Xml x) {
    x.end().end();
  }
}
