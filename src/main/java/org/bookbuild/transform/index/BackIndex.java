package org.bookbuild.transform.index;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Part;
import org.bookbuild.model.Rewriter;
import org.bookbuild.style.Style;
import org.bookbuild.transform.Context;
import org.bookbuild.transform.Transform;

/**
 * The back-of-book index. Every {@code {index}} role (a Span of class {@code index} with its entry under
 * {@code entry}) and {@code index} directive (a Div of kind {@code index} with its entry lines under {@code entries})
 * becomes an {@link Inline.Anchor} where it stands; the entries are gathered book-wide and, when there are any, an
 * "Index" chapter is added at the end of the back matter: terms sorted ignoring case and accents, grouped by initial
 * letter, sub-entries under their term, and for each a list of page numbers, each a link to its anchor. Malformed
 * entries give {@code index-entry} warnings.
 *
 * <p>Pages are written one {@code fo:page-number-citation} per anchor, all of an entry's inside one span of class
 * {@link #PAGES}: FOP implements neither {@code fo:index-page-citation-list} nor any range merging, and the page of an
 * anchor is only known after layout. Anchors of one entry inside the same block are merged here (they are on the same
 * or the next page), so repeated mentions in one paragraph do not print the same number twice; the per-chapter
 * renderer, which knows every page of the other chapters, then prints each page once, in page order, with runs of
 * consecutive pages as ranges ({@code render.IndexPages}).
 */
public final class BackIndex implements org.bookbuild.transform.ChapterWise<BackIndex.Run, Integer> {
  public static final String CHAPTER_ID = "book-index";
  /** The class of the span holding an entry's page numbers (the FO writer marks it for the renderer). */
  public static final String PAGES = "index-pages";

  /** One place an entry points at: the anchor and the block it sits in. */
  private record Hit(String anchor, String block, boolean primary) {}

  /** A term's pages, sub-terms and cross-references. */
  private static final class Term {
    final String name;
    final List<Hit> hits = new ArrayList<>();
    final Map<String, Term> subs = new LinkedHashMap<>();
    final Set<String> see = new LinkedHashSet<>();
    final Set<String> seeAlso = new LinkedHashSet<>();

    Term(String name) {
      this.name = name;
    }
  }

  /** One run: the terms found so far, and how many index targets earlier chapters numbered. */
  static final class Run {
    final Map<String, Term> terms = new LinkedHashMap<>();
    int counter;
  }

  /** One entry a chapter gives the index: its text as written, where, and the target it points at. */
  private record Found(String text, SourcePos pos, Hit hit) {}

  @Override
  public Run begin(Book book, Context ctx) {
    return new Run();
  }

  /** The number of index targets before the chapter (its targets are numbered on from there). */
  @Override
  public Integer facts(Run run, Chapter ch) {
    return run.counter;
  }

  @Override
  public Done chapter(Run run, Integer before, Chapter ch, Context ctx) {
    int[] block = {0};
    int[] counter = {before};
    List<Found> found = new ArrayList<>();
    Chapter out = ch.withBlocks(new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        block[0]++;
        if (b instanceof Block.Div d && d.kind().equals("index")) {
          String id = "idx-" + (++counter[0]);
          for (String line : d.attr().get("entries", "").split("\n")) {
            if (!line.isBlank()) found.add(new Found(line, d.pos(), new Hit(id, ch.id() + "/" + block[0], false)));
          }
          return List.of(new Block.Plain(d.pos(), List.of(new Inline.Anchor(d.pos(), id))));
        }
        return List.of(b);
      }

      @Override
      protected List<Inline> inline(Inline i) {
        String entry = null;
        List<Inline> keep = List.of();
        if (i instanceof Inline.Span s && s.attr().hasClass("index")) {
          entry = s.attr().get("entry", org.bookbuild.model.Walk.text(s.content()));
          keep = s.content();
        } else if (i instanceof Inline.Ref r && r.kind().equals("index")) {
          entry = r.label();
          keep = r.text();
        }
        if (entry == null) return List.of(i);
        String id = "idx-" + (++counter[0]);
        found.add(new Found(entry, i.pos(), new Hit(id, ch.id() + "/" + block[0], false)));
        List<Inline> res = new ArrayList<>();
        res.add(new Inline.Anchor(i.pos(), id));
        res.addAll(keep);
        return res;
      }
    }.blocks(ch.blocks()));
    return new Done(out, new Object[] {found, counter[0]});
  }

  @Override
  @SuppressWarnings("unchecked")
  public void settle(Run run, Done done, Context ctx) {
    Object[] extra = (Object[]) done.extra();
    for (Found f : (List<Found>) extra[0]) add(run.terms, f.text(), f.pos(), f.hit(), ctx);
    run.counter = (Integer) extra[1];
  }

  /** The index chapter, after every other, when the book has index entries. */
  @Override
  public Book end(Run run, Book out, Context ctx) {
    if (run.terms.isEmpty()) return out;
    List<Block> blocks = new ArrayList<>();
    SourcePos pos = SourcePos.NONE;
    Style style = ctx.style();
    blocks.add(new Block.Heading(pos, Attr.id(CHAPTER_ID), 1, List.of(new Inline.Text(pos, style.string("index.title")))));
    blocks.add(render(run.terms, style, ctx.project().meta().language()));
    List<Part> parts = new ArrayList<>(out.parts());
    parts.add(new Part("", "", List.of(new Chapter("", CHAPTER_ID, Chapter.Kind.BACK, blocks))));
    return new Book(out.meta(), parts);
  }

  private static void add(Map<String, Term> terms, String text, SourcePos pos, Hit hit, Context ctx) {
    List<IndexEntry> es = IndexEntry.parse(text, pos);
    if (es.isEmpty()) {
      ctx.diags().warn("index-entry", pos, "index entry '" + text.trim() + "' is not a term, 'single: term; sub',"
          + " 'pair: a; b', 'triple: a; b; c', 'see: term; other' or 'seealso: term; other'");
      return;
    }
    for (IndexEntry e : es) {
      Term t = terms.computeIfAbsent(e.main(), Term::new);
      if (!e.see().isEmpty()) {
        (e.seeAlso() ? t.seeAlso : t.see).add(e.see());
        continue;
      }
      if (!e.sub().isEmpty()) t = t.subs.computeIfAbsent(e.sub(), Term::new);
      t.hits.add(new Hit(hit.anchor(), hit.block(), e.primary()));
    }
  }

  /** Sort key: letters only in their base form, so "Élan", "elan" and "Elan" sort together. */
  static String initial(String term) {
    String base = Normalizer.normalize(term, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    for (char c : base.toCharArray()) {
      if (Character.isLetter(c)) return String.valueOf(c).toUpperCase(Locale.ROOT);
      if (Character.isDigit(c)) return "";
      if (!Character.isWhitespace(c) && c != '\\' && c != '$') return "";
    }
    return "";
  }

  private static Block render(Map<String, Term> terms, Style style, String language) {
    Collator col = Collator.getInstance(Locale.forLanguageTag(language.isEmpty() ? "en" : language));
    col.setStrength(Collator.PRIMARY);
    Comparator<String> order = (a, b) -> {
      int c = col.compare(a, b);
      return c != 0 ? c : a.compareTo(b);
    };
    Map<String, TreeMap<String, Term>> groups = new TreeMap<>(order);
    for (Term t : terms.values()) {
      String g = initial(t.name);
      groups.computeIfAbsent(g, x -> new TreeMap<>(order)).put(t.name, t);
    }
    List<Block> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<String, Term>> g : groups.entrySet()) {
      List<Block> entries = new ArrayList<>();
      for (Term t : g.getValue().values()) {
        entries.add(entry(t, 1, style));
        TreeMap<String, Term> subs = new TreeMap<>(order);
        subs.putAll(t.subs);
        for (Term s : subs.values()) entries.add(entry(s, 2, style));
      }
      String letter = g.getKey().isEmpty() ? style.string("index.symbols") : g.getKey();
      out.add(new Block.Div(SourcePos.NONE, Attr.classes("index-group"),
          List.of(new Inline.Text(SourcePos.NONE, letter)), entries));
    }
    return new Block.Div(SourcePos.NONE, Attr.classes("index-list"), List.of(), out);
  }

  private static Block entry(Term t, int level, Style style) {
    SourcePos p = SourcePos.NONE;
    List<Inline> line = new ArrayList<>();
    line.add(new Inline.Text(p, t.name));
    Set<String> blocks = new LinkedHashSet<>();
    boolean first = true;
    List<Inline> pages = new ArrayList<>();
    for (Hit h : t.hits) {
      if (!blocks.add(h.block())) continue;
      if (!pages.isEmpty()) pages.add(new Inline.Text(p, style.string("index.page-separator")));
      Inline num = new Inline.Link(p, "#" + h.anchor(), List.of(new Inline.PageRef(p, h.anchor())));
      pages.add(h.primary() ? new Inline.Styled(p, "index-main", List.of(num)) : num);
    }
    if (!pages.isEmpty()) {
      line.add(new Inline.Text(p, style.string("index.after-term")));
      line.add(new Inline.Span(p, Attr.classes(PAGES), pages));
      first = false;
    }
    for (String s : t.see) {
      line.add(new Inline.Text(p, first ? style.string("index.after-term") : style.string("index.see-separator")));
      line.add(new Inline.Styled(p, "emph", List.of(new Inline.Text(p, style.string("index.see")))));
      line.add(new Inline.Text(p, " " + s));
      first = false;
    }
    for (String s : t.seeAlso) {
      line.add(new Inline.Text(p, first ? style.string("index.after-term") : style.string("index.see-separator")));
      line.add(new Inline.Styled(p, "emph", List.of(new Inline.Text(p, style.string("index.see-also")))));
      line.add(new Inline.Text(p, " " + s));
      first = false;
    }
    return new Block.Div(p, Attr.classes("index-entry").with("level", String.valueOf(level)), List.of(),
        List.of(new Block.Plain(p, line)));
  }
}
