package org.bookbuild.transform;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Rewriter;

/**
 * Numbers chapters (1, 2 … for body chapters, A, B … for appendices), sections (1.1, 1.1.1 down to the configured
 * depth), and per chapter the figures, tables, captioned code listings and numbered block kinds ("3.2"). The number
 * goes into the node's attributes under {@code number}; the chapter's prefix under the title heading's {@code number}.
 *
 * <p>Numbers the author already wrote win ({@link AuthorNumbers}): when a body chapter's title begins with one
 * ("Chapter 3: Vectors", "03 - Setup", "2.5. Matrices"), the book numbers no chapter titles (the others stay
 * unnumbered); the chapter's own number prefixes its figures and equations. When a chapter's title or any of its
 * section titles carries a number, the book numbers none of that chapter's sections. Such headings keep their number
 * under {@link #AUTHOR_NUMBER}, which references print. Also honoured: {@code numbering:} {@code title: false} (no
 * chapter numbers), {@code headings: false}, {@code enumerator} (a template such as {@code "A%s"} for chapter
 * numbers), a page's {@code numbering: false} and Jupyter Book's {@code numbered:} (both arrive as
 * {@link #UNNUMBERED}/{@link #DEPTH} attributes on the chapter's title heading, set by the parse stage).
 */
public final class Numbering implements ChapterWise<Numbering.Run, Numbering.Plan> {
  /**
   * Div kinds that are numbered, and the counter each uses. Kinds sharing a counter share a sequence (theorem 2.1,
   * lemma 2.2 …). Directive packages register their kinds here.
   */
  public static final Map<String, String> DIV_COUNTERS = new LinkedHashMap<>();
  /** Attribute of a heading whose title begins with its author's own number: that number. */
  public static final String AUTHOR_NUMBER = "author-number";
  /** Attribute of a chapter's title heading: "true" when the page asks for no numbers at all. */
  public static final String UNNUMBERED = "numbering-off";
  /** Attribute of a chapter's title heading: how many heading levels its toc entry numbers. */
  public static final String DEPTH = "numbering-depth";

  static {
    MystCounters.register();
  }

  /** The book's numbering options, and the body chapters and appendices counted so far. */
  static final class Run {
    final int depth;
    final boolean headings;
    final boolean titles;
    final String enumerator;
    final boolean authorChapters;
    int body;
    int appendix;

    Run(int depth, boolean headings, boolean titles, String enumerator, boolean authorChapters) {
      this.depth = depth;
      this.headings = headings;
      this.titles = titles;
      this.enumerator = enumerator;
      this.authorChapters = authorChapters;
    }
  }

  /**
   * How one chapter is numbered: its prefix ("3", "B", "" for none), whether its title heading takes it, whether its
   * sections are numbered, and down to which heading level.
   */
  record Plan(String prefix, boolean numberTitle, boolean headings, int depth) {}

  @Override
  public Run begin(Book book, Context ctx) {
    Map<String, Object> numbering = ctx.project().options().numbering() == null ? Map.of() : ctx.project().options().numbering();
    String enumerator = numbering.get("enumerator") instanceof String e && e.contains("%s") ? e : "%s";
    boolean authorChapters = book.chapters().stream().anyMatch(c -> c.kind() == Chapter.Kind.BODY
        && c.titleHeading().flatMap(h -> AuthorNumbers.of(h.content())).isPresent());
    return new Run(ctx.project().options().numberDepth(), ctx.project().options().numberHeadings(),
        !"false".equals(String.valueOf(numbering.getOrDefault("title", "true"))), enumerator, authorChapters);
  }

  @Override
  public Plan facts(Run run, Chapter ch) {
    Block.Heading title = ch.titleHeading().orElse(null);
    String own = title == null ? null : AuthorNumbers.of(title.content()).orElse(null);
    boolean off = title != null && "true".equals(title.attr().get(UNNUMBERED));
    String prefix = switch (ch.kind()) {
      case BODY -> own != null ? own : run.authorChapters || off ? "" : run.enumerator.replace("%s", String.valueOf(++run.body));
      case APPENDIX -> own != null ? own : String.valueOf((char) ('A' + run.appendix++));
      default -> "";
    };
    int d = title != null && title.attr().get(DEPTH) != null ? parseDepth(title.attr().get(DEPTH), run.depth) : run.depth;
    boolean authorSections = own != null || ch.blocks().stream().anyMatch(b -> b instanceof Block.Heading h
        && h.level() > 1 && AuthorNumbers.of(h.content()).isPresent());
    return new Plan(prefix, run.titles && own == null && !off, run.headings && !authorSections && !off, d);
  }

  @Override
  public Done chapter(Run run, Plan plan, Chapter ch, Context ctx) {
    return new Done(number(ch, plan.prefix(), plan.numberTitle(), plan.headings(), plan.depth()), null);
  }

  private static int parseDepth(String s, int dflt) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  /**
   * @param numberTitle whether the title heading gets the chapter's number (not when the author wrote one, the page
   *     asks for none, or {@code numbering: title: false})
   */
  private static Chapter number(Chapter ch, String prefix, boolean numberTitle, boolean headings, int depth) {
    int[] sec = new int[8];
    Map<String, Integer> counters = new HashMap<>();
    List<Block> out = new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Heading h) {
          Block.Heading hh = AuthorNumbers.of(h.content()).map(n -> new Block.Heading(h.pos(),
              h.attr().with(AUTHOR_NUMBER, n), h.level(), h.content())).orElse(h);
          if (h.level() == 1) return List.of(withNumber(hh, prefix.isEmpty() || !numberTitle ? null : prefix));
          if (hh != h) return List.of(hh);
          if (prefix.isEmpty() || !headings || h.level() > depth || h.attr().hasClass("unnumbered")) return List.of(h);
          int lvl = Math.min(h.level(), sec.length - 1);
          sec[lvl]++;
          for (int i = lvl + 1; i < sec.length; i++) sec[i] = 0;
          StringBuilder n = new StringBuilder(prefix);
          for (int i = 2; i <= lvl; i++) n.append('.').append(Math.max(sec[i], 1));
          return List.of(withNumber(h, n.toString()));
        }
        if (b instanceof Block.Figure f) {
          return List.of(new Block.Figure(f.pos(), f.attr().with("number", next("figure")), f.content(), f.caption()));
        }
        if (b instanceof Block.Table t && (!t.caption().isEmpty() || !t.attr().id().isEmpty())) {
          return List.of(new Block.Table(t.pos(), t.attr().with("number", next("table")), t.caption(), t.aligns(),
              t.widths(), t.head(), t.body()));
        }
        if (b instanceof Block.CodeBlock c && (c.attr().get("caption") != null || !c.attr().id().isEmpty())) {
          return List.of(new Block.CodeBlock(c.pos(), c.attr().with("number", next("code")), c.language(), c.text()));
        }
        if (b instanceof Block.Div d && DIV_COUNTERS.containsKey(d.kind()) && !d.attr().hasClass("unnumbered")) {
          return List.of(new Block.Div(d.pos(), d.attr().with("number", next(DIV_COUNTERS.get(d.kind()))), d.title(), d.content()));
        }
        return List.of(b);
      }

      private String next(String counter) {
        int n = counters.merge(counter, 1, Integer::sum);
        return prefix.isEmpty() ? String.valueOf(n) : prefix + "." + n;
      }
    }.blocks(ch.blocks());
    return ch.withBlocks(out);
  }

  private static Block.Heading withNumber(Block.Heading h, String number) {
    Attr a = number == null ? h.attr() : h.attr().with("number", number);
    return new Block.Heading(h.pos(), a, h.level(), h.content());
  }
}
