package org.bookbuild.transform;

import java.util.List;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Walk;

/**
 * Fills the book-wide {@link Labels} table from every element that has an id, after numbering. A label used twice is
 * reported at its second use; the first one wins. HTML anchors ({@code <a id='x'>}) are labels of their document's
 * scope, as in Jupyter Book where each document is a page of its own: each gets a book-unique id
 * ({@code <chapter>--x}) and the same name in another document is no duplicate.
 */
public final class CollectLabels implements ChapterWise<List<CollectLabels.Found>, Void> {
  /** An HTML anchor or a heading's web anchor: the name as written, its document, its target. */
  private record Local(String label, String file, Labels.Target target) {}

  /**
   * What one chapter brings to the table, in the order the table takes it: its HTML anchors (with every chapter's,
   * first), its labelled elements, the page's name for its title heading, its headings' web anchors (last).
   */
  record Found(List<Local> anchors, List<Labels.Target> targets, Labels.Target alias, String aliasName,
      List<Local> headingAnchors, List<String[]> pages) {}

  @Override
  public List<Found> begin(Book book, Context ctx) {
    return new java.util.ArrayList<>();
  }

  @Override
  public Done chapter(List<Found> run, Void facts, Chapter chapter, Context ctx) {
    List<Local> anchors = new java.util.ArrayList<>();
    Chapter ch = chapter.withBlocks(new org.bookbuild.model.Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        if (i instanceof Inline.Span s && s.attr().hasClass(Inline.Span.HTML_ANCHOR) && !s.attr().id().isEmpty()) {
          String label = s.attr().id();
          String file = s.pos().file() == null ? "" : s.pos().file();
          Labels.Target t = new Labels.Target(chapter.id() + "--" + Integer.toHexString(file.hashCode()) + "--"
              + Labels.normalise(label), "anchor", "", List.of(), chapter.id(), s.pos());
          anchors.add(new Local(label, file, t));
          return List.of(new Inline.Span(s.pos(), s.attr().withId(t.id()), s.content()));
        }
        return List.of(i);
      }
    }.blocks(chapter.blocks()));
    // what an un-numbered, untitled target says, for links written without text ([](#label)): the words of the
    // paragraph a label stands in, the kind of an untitled box ("Note") or the start of its text
    java.util.Map<Object, List<Inline>> said = new java.util.IdentityHashMap<>();
    Walk.blocks(ch.blocks(), n -> {
      List<Inline> content = n instanceof Block.Para p ? p.content() : n instanceof Block.Plain p ? p.content() : null;
      if (content != null) {
        for (Inline i : content) if (i instanceof Inline.Anchor a) said.put(a, excerpt(content, a.pos()));
      } else if (n instanceof Block.Div d && !d.attr().id().isEmpty() && d.title().isEmpty()
          && d.attr().get("number", "").isEmpty()) {
        String key = "admonition." + d.kind();
        if (ctx.style().hasString(key)) {
          said.put(d, List.of(new Inline.Text(d.pos(), ctx.style().string(key))));
        } else {
          for (Block b : d.content()) {
            if (b instanceof Block.Para p) {
              said.put(d, excerpt(p.content(), d.pos()));
              break;
            }
          }
        }
      }
    });
    List<Labels.Target> targets = new java.util.ArrayList<>();
    List<Local> headingAnchors = new java.util.ArrayList<>();
    List<String[]> pages = new java.util.ArrayList<>();
    Walk.blocks(ch.blocks(), n -> {
      if (n instanceof Inline.Span s && s.attr().hasClass(Inline.Span.HTML_ANCHOR)) return;
      Labels.Target t = target(n, ch.id());
      if (t != null && t.title().isEmpty() && said.containsKey(n)) {
        t = new Labels.Target(t.id(), t.kind(), t.number(), said.get(n), t.chapterId(), t.pos());
      }
      if (t != null && !t.id().isEmpty()) targets.add(t);
      // a heading's own anchor in its page, as MyST's heading anchors (myst_heading_anchors) and Jupyter write them:
      // [text](#part-two), [text](other.ipynb#Part-two)
      if (n instanceof Block.Heading h && h.pos().file() != null && !h.attr().id().isEmpty()) {
        pages.add(new String[] {h.pos().file(), h.attr().id()});
        Labels.Target ht = target(h, ch.id());
        for (String anchor : headingAnchors(Walk.text(h.content()))) headingAnchors.add(new Local(anchor, h.pos().file(), ht));
      }
    });
    // {doc}`page` finds a page by its name even when its title heading carries the author's own label
    Block.Heading title = ch.titleHeading().filter(h -> !h.attr().id().isEmpty() && !h.attr().id().equals(ch.id()))
        .orElse(null);
    return new Done(ch, new Found(anchors, targets, title == null ? null : target(title, ch.id()), ch.id(), headingAnchors, pages));
  }

  @Override
  public void settle(List<Found> run, Done done, Context ctx) {
    run.add((Found) done.extra());
  }

  /**
   * Fills the table: every chapter's HTML anchors, then every labelled element, then the pages' names, then the
   * headings' web anchors last, so that no author's label or HTML anchor is displaced by one.
   */
  @Override
  public Book end(List<Found> run, Book book, Context ctx) {
    Labels labels = ctx.labels();
    for (Found f : run) {
      for (Local a : f.anchors()) {
        labels.addLocal(a.label(), a.file(), a.target()).ifPresent(old -> ctx.diags().warn("label-duplicate",
            a.target().pos(), "anchor '" + a.label() + "' is already used in this document at " + old.pos()
            + "; links go to the first"));
      }
    }
    for (Found f : run) {
      for (Labels.Target target : f.targets()) {
        labels.add(target).ifPresent(old -> ctx.diags().warn("label-duplicate", target.pos(),
            "label '" + target.id() + "' is already used at " + old.pos() + "; references go to the first"));
      }
    }
    for (Found f : run) if (f.alias() != null) labels.alias(f.aliasName(), f.alias());
    for (Found f : run) for (Local a : f.headingAnchors()) labels.addLocal(a.label(), a.file(), a.target());
    // each file's page: its first heading (links by file name go there)
    for (Found f : run) for (String[] p : f.pages()) labels.page(p[0], p[1]);
    return book;
  }

  /** Words an excerpt of a paragraph keeps, as mystmd shortens a paragraph that a link without text points to. */
  static final int EXCERPT_WORDS = 8;

  /** Up to {@code max} words of stripped {@code text}, as {@code text.split("\\s+")} would give them. */
  static List<String> firstWords(String text, int max) {
    List<String> out = new java.util.ArrayList<>();
    int i = 0;
    int n = text.length();
    while (out.size() < max) {
      while (i < n && isSpace(text.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) i++;
      out.add(text.substring(start, i));
    }
    return out;
  }

  /** A character {@code \\s} matches (the regular expression's default: ASCII white space only). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The first {@link #EXCERPT_WORDS} words of some text, "…" after them when there are more. */
  static List<Inline> excerpt(List<Inline> content, org.bookbuild.diag.SourcePos pos) {
    // the first words only: a paragraph's text is split no further than one word past them
    List<String> words = firstWords(Walk.text(content).strip(), EXCERPT_WORDS + 1);
    if (words.isEmpty()) return List.of();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(words.size(), EXCERPT_WORDS); i++) sb.append(i == 0 ? "" : " ").append(words.get(i));
    if (words.size() > EXCERPT_WORDS) sb.append("\u2026");
    else while (sb.length() > 1 && ".,;:".indexOf(sb.charAt(sb.length() - 1)) >= 0) sb.setLength(sb.length() - 1);
    return List.of(new Inline.Text(pos, sb.toString()));
  }

  /**
   * The anchors a heading's title has on the web: MyST's (GitHub's slug: lower case, punctuation other than hyphens
   * and underscores dropped, spaces as hyphens) and Jupyter's (spaces as hyphens, the rest kept).
   */
  static List<String> headingAnchors(String title) {
    String t = title.strip();
    if (t.isEmpty()) return List.of();
    String myst = t.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replaceAll("\\s", "-");
    String jupyter = t.replaceAll("\\s", "-");
    return myst.equals(jupyter) || myst.isEmpty() ? List.of(jupyter) : List.of(myst, jupyter);
  }

  private static Labels.Target target(Object n, String chapter) {
    if (n instanceof Block.Heading h) {
      // a heading that carries its author's own number ("2.5. Matrices") is referred to by that number
      return new Labels.Target(h.attr().id(), h.level() == 1 ? "chapter" : "section",
          h.attr().get("number", h.attr().get(Numbering.AUTHOR_NUMBER, "")), h.content(), chapter, h.pos());
    }
    if (n instanceof Block.Figure f) {
      return new Labels.Target(f.attr().id(), "figure", f.attr().get("number", ""), f.caption(), chapter, f.pos());
    }
    if (n instanceof Block.Table t) {
      return new Labels.Target(t.attr().id(), "table", t.attr().get("number", ""), t.caption(), chapter, t.pos());
    }
    if (n instanceof Block.CodeBlock c) {
      String cap = c.attr().get("caption", "");
      return new Labels.Target(c.attr().id(), "code", c.attr().get("number", ""),
          cap.isEmpty() ? List.of() : List.of(new Inline.Text(c.pos(), cap)), chapter, c.pos());
    }
    if (n instanceof Block.MathBlock m) {
      return new Labels.Target(m.attr().id(), "equation", m.attr().get("number", ""), List.of(), chapter, m.pos());
    }
    if (n instanceof Block.Div d) {
      return new Labels.Target(d.attr().id(), d.kind(), d.attr().get("number", ""), d.title(), chapter, d.pos());
    }
    if (n instanceof Inline.Anchor a) {
      return new Labels.Target(a.id(), "anchor", "", List.of(), chapter, a.pos());
    }
    if (n instanceof Inline.Span s && !s.attr().id().isEmpty()) {
      return new Labels.Target(s.attr().id(), "span", "", s.content(), chapter, s.pos());
    }
    return null;
  }
}
