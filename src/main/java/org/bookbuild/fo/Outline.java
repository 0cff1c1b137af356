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
  /**
   * One entry; level 0 is a part, 1 a chapter, 2 a section …; {@code url} is set for a web link the toc lists (no id,
   * no page).
   */
  record Entry(int level, String id, String number, List<Inline> title, Chapter.Kind kind, List<Entry> children,
      String url) {
    Entry(int level, String id, String number, List<Inline> title, Chapter.Kind kind, List<Entry> children) {
      this(level, id, number, title, kind, children, "");
    }

    boolean isLink() {
      return !url.isEmpty();
    }
  }

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
      for (Chapter c : p.chapters()) target.addAll(chapter(c, depth));
    }
    return new Outline(top);
  }

  /** A chapter's entry, with the toc's web links at chapter level before or after it. */
  private static List<Entry> chapter(Chapter c, int depth) {
    Block.Heading title = c.titleHeading().orElseThrow();
    List<Entry> sections = new ArrayList<>();
    List<Entry> before = new ArrayList<>();
    List<Entry> after = new ArrayList<>();
    List<Entry>[] stack = newStack(sections);
    for (Block b : c.blocks()) {
      if (b instanceof Block.Div d && d.kind().equals(Chapter.TOC_LINK)) {
        int level = Math.max(1, parseLevel(d.attr().get("level", "1")));
        Entry e = new Entry(level, "", "", d.title(), c.kind(), List.of(), d.attr().get("url", ""));
        if (level == 1) (d.attr().get("before") != null ? before : after).add(e);
        else if (level <= depth) {
          List<Entry> parent = stack[level - 1];
          (parent == null ? sections : parent).add(e);
        }
        continue;
      }
      if (!(b instanceof Block.Heading h) || h.level() < 2 || h.level() > depth) continue;
      Entry e = new Entry(h.level(), h.attr().id(), h.attr().get("number", ""), h.content(), c.kind(), new ArrayList<>());
      List<Entry> parent = stack[Math.max(2, h.level()) - 1];
      if (parent == null) parent = sections;
      parent.add(e);
      stack[h.level()] = e.children();
      for (int i = h.level() + 1; i < stack.length; i++) stack[i] = null;
    }
    List<Entry> out = new ArrayList<>(before);
    out.add(new Entry(1, title.attr().id(), title.attr().get("number", ""), title.content(), c.kind(), sections));
    out.addAll(after);
    return out;
  }

  private static int parseLevel(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Entry>[] newStack(List<Entry> sections) {
    List<Entry>[] s = new List[8];
    s[1] = sections;
    return s;
  }
}
