package org.bookbuild.fo;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Part;

/**
 * The book's heading structure, read once from the model and used for the table of contents and the PDF bookmarks:
 * parts, chapters and their headings down to a depth, each with its id, number and title.
 */
record Outline(List<Entry> entries) {
  /** One entry; level 0 is a part, 1 a chapter, 2 a section … */
  record Entry(int level, String id, String number, List<Inline> title, Chapter.Kind kind, List<Entry> children) {}

  static Outline of(Book book, int depth) {
    List<Entry> top = new ArrayList<>();
    for (Part p : book.parts()) {
      List<Entry> target = top;
      if (p.isReal()) {
        List<Entry> kids = new ArrayList<>();
        top.add(new Entry(0, p.id(), "", List.of(new Inline.Text(org.bookbuild.diag.SourcePos.NONE, p.title())),
            Chapter.Kind.BODY, kids));
        target = kids;
      }
      for (Chapter c : p.chapters()) target.add(chapter(c, depth));
    }
    return new Outline(top);
  }

  private static Entry chapter(Chapter c, int depth) {
    Block.Heading title = c.titleHeading().orElseThrow();
    List<Entry> sections = new ArrayList<>();
    List<Entry>[] stack = newStack(sections);
    for (Block b : c.blocks()) {
      if (!(b instanceof Block.Heading h) || h.level() < 2 || h.level() > depth) continue;
      Entry e = new Entry(h.level(), h.attr().id(), h.attr().get("number", ""), h.content(), c.kind(), new ArrayList<>());
      List<Entry> parent = stack[Math.max(2, h.level()) - 1];
      if (parent == null) parent = sections;
      parent.add(e);
      stack[h.level()] = e.children();
      for (int i = h.level() + 1; i < stack.length; i++) stack[i] = null;
    }
    return new Entry(1, title.attr().id(), title.attr().get("number", ""), title.content(), c.kind(), sections);
  }

  @SuppressWarnings("unchecked")
  private static List<Entry>[] newStack(List<Entry> sections) {
    List<Entry>[] s = new List[8];
    s[1] = sections;
    return s;
  }
}
