package org.bookbuild.fo;

import org.bookbuild.model.Block;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Walk;

/**
 * The opening of a chapter: its label ("Chapter 3", "Appendix A"), its title, and the markers the running heads read
 * (chapter title for left pages; the section marker is reset to the chapter title so that right pages before the
 * first section show it too).
 */
final class ChapterOpening {
  private ChapterOpening() {}

  static void write(Block.Heading h, Fo fo) {
    String number = h.attr().get("number");
    Chapter.Kind kind = fo.chapter() == null ? Chapter.Kind.BODY : fo.chapter().kind();
    String label = number == null ? "" : fo.style().string(kind == Chapter.Kind.APPENDIX ? "appendix" : "chapter", "number", number);
    String title = fo.plainText(h.content());
    String head = label.isEmpty() ? title : fo.style().string("header.chapter", "label", label, "title", title);
    fo.block("chapter.block");
    // the tagged PDF's first-level heading holds the label and the title; the blocks inside are spans of it
    fo.xml().attr("role", "H" + fo.headingTag(1));
    // On the index's multi-column pages the opening spans all columns; a span boundary discards the block's
    // space-after, so that role gives the gap as padding instead.
    if (fo.chapter() != null && fo.chapter().id().equals(org.bookbuild.transform.index.BackIndex.CHAPTER_ID)) {
      fo.xml().attr("span", "all").attrs(fo.role("index.opening"));
    }
    fo.id(h.attr().id());
    fo.xml().start("fo:marker").attr("marker-class-name", "chapter").text(head).end();
    fo.xml().start("fo:marker").attr("marker-class-name", "section").text(head).end();
    if (!label.isEmpty()) {
      fo.block("chapter.label");
      fo.xml().attr("role", "Span").text(label).end();
    }
    fo.block("chapter.title");
    fo.xml().attr("role", "Span");
    fo.inlines(h.content());
    fo.xml().end();
    fo.xml().end();
  }
}
