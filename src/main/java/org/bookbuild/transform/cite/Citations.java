package org.bookbuild.transform.cite;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Part;
import org.bookbuild.model.Rewriter;
import org.bookbuild.model.Walk;
import org.bookbuild.project.ProjectLoader;
import org.bookbuild.style.Style;
import org.bookbuild.transform.Context;
import org.bookbuild.transform.ChapterWise;

/**
 * Resolves citations ({@code {cite}}, {@code {cite:p}}, {@code {cite:t}} as {@link Inline.Ref} of kind
 * {@code cite…}, label "key1,key2", each key with an optional {@code {prenote}} before and {@code {postnote}} after it;
 * Pandoc's and mystmd's {@code [see @key, p. 3]} and {@code @key [p. 3]} are read into the same form first by
 * {@link PandocCitations}) against the project's BibTeX files, numeric ("[3]") or author–year
 * ("(Strang 2016)", "Strang (2016)") as the {@code citation-style} option says, each citation a link to its entry.
 * The cited entries are listed where a {@code bibliography} directive stands, or else in a generated back-matter
 * chapter. Unknown keys give {@code cite-unknown} and print "[?]".
 */
public final class Citations implements ChapterWise.Surveying<Citations.Run, Citations.Cited, Citations.Survey> {
  /** Id of the generated bibliography chapter and the prefix of entry ids. */
  public static final String CHAPTER_ID = "book-bibliography", ENTRY_PREFIX = "bib-";

  /**
   * What one chapter cites, in reading order: the keys of its citations and of its footnote citations, and whether it
   * holds a {@code bibliography} directive (one that lists every entry: {@code all}).
   */
  record Survey(List<String> cites, List<String> foots, boolean directive, boolean all) {}

  /** One cited key as a chapter prints it: its entry, its label (author, year), number and footnote label (null: none). */
  record Key(String key, BibEntry entry, List<String> label, Integer number, List<String> footLabel) {}

  /** The entries the book lists, in order, with what each prints. */
  record Listing(List<Key> entries) {}

  /**
   * What a chapter's turn is told: each key it cites, and the book's list of entries when this chapter holds the
   * first {@code bibliography} directive (null otherwise).
   */
  record Cited(List<Key> keys, Listing listing) {}

  /** One run: the bibliography, the order and labels of the works cited, and each chapter's look (by the chapter). */
  static final class Run {
    Map<String, BibEntry> bib;
    boolean authorYear;
    List<String> order;
    Map<String, String[]> labels;
    Map<String, String[]> footLabels;
    Map<String, Integer> numbers;
    boolean directive;
    boolean placed;
    final Map<Chapter, Survey> surveys = new java.util.IdentityHashMap<>();
  }

  @Override
  public Survey survey(Chapter ch) {
    List<String> cites = new ArrayList<>();
    List<String> foots = new ArrayList<>();
    boolean[] directive = {false};
    boolean[] all = {false};
    Walk.blocks(ch.blocks(), n -> {
      if (n instanceof Inline.Ref r && isCite(r)) {
        cites.addAll(keys(r.label()));
      } else if (n instanceof Inline.Ref r && isFootCite(r)) {
        foots.addAll(keys(r.label()));
      } else if (n instanceof Block.Div d && d.kind().equals("bibliography")) {
        directive[0] = true;
        if (d.attr().get("all") != null || d.attr().hasClass("all") || "*".equals(d.attr().get("filter"))) all[0] = true;
      }
    });
    return new Survey(cites, foots, directive[0], all[0]);
  }

  @Override
  public Run begin(Book book, List<Survey> surveys, Context ctx) {
    Run run = new Run();
    List<String> files = ctx.project().options().bibliography();
    run.authorYear = "author-year".equals(ctx.project().options().citationStyle());
    run.bib = files.isEmpty() ? Map.of() : BibFiles.load(files, ctx.world(), ctx.diags());
    Set<String> cited = new LinkedHashSet<>();
    Set<String> footCited = new LinkedHashSet<>();
    boolean all = false;
    List<Chapter> chapters = book.chapters();
    for (int i = 0; i < chapters.size(); i++) {
      Survey s = surveys.get(i);
      run.surveys.put(chapters.get(i), s);
      for (String k : s.cites()) if (run.bib.containsKey(k)) cited.add(k);
      run.directive |= s.directive();
      all |= s.all();
    }
    for (Survey s : surveys) for (String k : s.foots()) if (run.bib.containsKey(k)) footCited.add(k);
    if (all) cited.addAll(run.bib.keySet());
    run.order = new ArrayList<>(cited);
    run.footLabels = labels(new ArrayList<>(footCited), run.bib, ctx.style());
    run.labels = labels(run.order, run.bib, ctx.style());
    if (run.authorYear) {
      Collator c = Collator.getInstance(Locale.ROOT);
      c.setStrength(Collator.PRIMARY);
      run.order.sort(Comparator.comparing((String k) -> run.labels.get(k)[0], c).thenComparing(k -> run.labels.get(k)[1]));
    }
    run.numbers = new HashMap<>();
    for (int i = 0; i < run.order.size(); i++) run.numbers.put(run.order.get(i), i + 1);
    return run;
  }

  private static Key key(Run run, String k) {
    String[] l = run.labels.get(k);
    String[] f = run.footLabels.get(k);
    return new Key(k, run.bib.get(k), l == null ? null : List.of(l), run.numbers.get(k), f == null ? null : List.of(f));
  }

  @Override
  public Cited facts(Run run, Chapter ch) {
    Survey s = run.surveys.get(ch);
    Set<String> used = new LinkedHashSet<>(s.cites());
    used.addAll(s.foots());
    List<Key> keys = new ArrayList<>(used.size());
    for (String k : used) keys.add(key(run, k));
    Listing listing = null;
    if (s.directive() && !run.placed) {
      run.placed = true;
      List<Key> entries = new ArrayList<>(run.order.size());
      for (String k : run.order) entries.add(key(run, k));
      listing = new Listing(entries);
    }
    return new Cited(keys, listing);
  }

  @Override
  public Done chapter(Run run, Cited cited, Chapter ch, Context ctx) {
    // the book's tables as far as this chapter's turn is told them
    Map<String, BibEntry> bib = new HashMap<>();
    Map<String, String[]> labels = new HashMap<>();
    Map<String, String[]> footLabels = new HashMap<>();
    Map<String, Integer> numbers = new HashMap<>();
    List<Key> all = new ArrayList<>(cited.keys());
    if (cited.listing() != null) all.addAll(cited.listing().entries());
    for (Key k : all) {
      if (k.entry() != null) bib.put(k.key(), k.entry());
      if (k.label() != null) labels.put(k.key(), k.label().toArray(String[]::new));
      if (k.footLabel() != null) footLabels.put(k.key(), k.footLabel().toArray(String[]::new));
      if (k.number() != null) numbers.put(k.key(), k.number());
    }
    boolean authorYear = "author-year".equals(ctx.project().options().citationStyle());
    List<String> order = cited.listing() == null ? List.of() : cited.listing().entries().stream().map(Key::key).toList();
    Style style = ctx.style();
    boolean[] placed = {cited.listing() == null};
    return new Done(ch.withBlocks(new Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        if (i instanceof Inline.Ref r && isCite(r)) return cite(r, bib, labels, numbers, authorYear, ctx);
        if (i instanceof Inline.Ref r && isFootCite(r)) return footCite(r, bib, footLabels, authorYear, ctx);
        return List.of(i);
      }

      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Div d && d.kind().equals("bibliography")) {
          if (placed[0]) return List.of();
          placed[0] = true;
          return List.of(list(d.pos(), order, bib, labels, numbers, authorYear, style));
        }
        return List.of(b);
      }
    }.blocks(ch.blocks())), null);
  }

  /** Without a {@code bibliography} directive, the works cited are listed in a chapter of their own at the end. */
  @Override
  public Book end(Run run, Book out, Context ctx) {
    if (run.directive || run.order.isEmpty()) return out;
    SourcePos pos = SourcePos.NONE;
    List<Block> blocks = new ArrayList<>();
    Style style = ctx.style();
    blocks.add(new Block.Heading(pos, Attr.id(CHAPTER_ID), 1, List.of(new Inline.Text(pos, style.string("bibliography.title")))));
    blocks.add(list(pos, run.order, run.bib, run.labels, run.numbers, run.authorYear, style));
    List<Part> parts = new ArrayList<>(out.parts());
    parts.add(new Part("", "", List.of(new Chapter("", CHAPTER_ID, Chapter.Kind.BACK, blocks))));
    return new Book(out.meta(), parts);
  }

  static boolean isCite(Inline.Ref r) {
    return r.kind().equals("cite") || r.kind().startsWith("cite:");
  }

  /** sphinxcontrib-bibtex's {@code footcite} family: each work cited in a footnote holding its entry. */
  static boolean isFootCite(Inline.Ref r) {
    return r.kind().equals("footcite") || r.kind().startsWith("footcite:");
  }

  /**
   * A footnote citation as sphinxcontrib-bibtex's LaTeX output prints it: a footnote per work holding the formatted
   * entry (prenote before it, postnote after it); the textual forms ({@code footcite:t}) name the authors first. The
   * works are not added to the bibliography list, as there.
   */
  private static List<Inline> footCite(Inline.Ref r, Map<String, BibEntry> bib, Map<String, String[]> labels,
      boolean authorYear, Context ctx) {
    Style s = ctx.style();
    SourcePos pos = r.pos();
    boolean textual = r.kind().startsWith("footcite:t") || r.kind().startsWith("footcite:ct");
    List<Inline> out = new ArrayList<>();
    boolean first = true;
    for (Item it : items(r.label())) {
      if (it.key().isEmpty()) continue;
      if (!first && textual) out.add(new Inline.Text(pos, s.string("cite.textual.separator")));
      first = false;
      BibEntry e = bib.get(it.key());
      if (e == null) {
        ctx.diags().warn("cite-unknown", pos, "no bibliography entry with key '" + it.key() + "'"
            + (ctx.project().options().bibliography().isEmpty() ? " (book.yml names no bibliography file)" : ""));
        out.add(new Inline.Span(pos, Attr.classes("unresolved"), List.of(new Inline.Text(pos, s.string("cite.unknown")))));
        continue;
      }
      if (textual) out.add(new Inline.Text(pos, labels.get(it.key())[0]));
      List<Inline> text = new ArrayList<>();
      if (!it.pre().isEmpty()) text.add(new Inline.Text(pos, it.pre() + " "));
      text.addAll(EntryFormat.format(e, authorYear, labels.get(it.key())[1], s));
      if (!it.post().isEmpty()) text.add(new Inline.Text(pos, s.string("cite.locator") + it.post()));
      out.add(new Inline.Note(pos, List.of(new Block.Para(pos, text, false))));
    }
    if (first) ctx.diags().warn("cite-unknown", pos, "citation without a key");
    return out;
  }

  static List<String> keys(String label) {
    List<String> ks = new ArrayList<>();
    for (Item it : items(label)) if (!it.key().isEmpty()) ks.add(it.key());
    return ks;
  }

  /**
   * One cited work: the text before it ("see"), its key, the text after it (a locator such as "p. 106"), and whether
   * the author is left out (Pandoc's {@code -@key}).
   */
  record Item(String pre, String key, String post, boolean suppressAuthor) {}

  /**
   * The works a citation's label names: keys separated by commas or semicolons, each optionally with a prenote and a
   * postnote in braces, as sphinxcontrib-bibtex writes them ({@code {see}knuth1984{p. 3}, other}); Pandoc's
   * {@code [see @key, p. 3]} is turned into this form by {@link PandocCitations}.
   */
  static List<Item> items(String label) {
    List<Item> out = new ArrayList<>();
    int i = 0, n = label.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(label.charAt(i)) || label.charAt(i) == ',' || label.charAt(i) == ';')) i++;
      if (i >= n) break;
      String pre = "";
      if (label.charAt(i) == '{') {
        int e = label.indexOf('}', i);
        if (e < 0) e = n;
        pre = label.substring(i + 1, e).strip();
        i = Math.min(n, e + 1);
      }
      int k = i;
      while (k < n && label.charAt(k) != '{' && label.charAt(k) != ',' && label.charAt(k) != ';') k++;
      String key = label.substring(i, k).strip();
      i = k;
      String post = "";
      if (i < n && label.charAt(i) == '{') {
        int e = label.indexOf('}', i);
        if (e < 0) e = n;
        post = label.substring(i + 1, e).strip();
        i = Math.min(n, e + 1);
      }
      boolean suppress = key.startsWith("-");
      if (suppress) key = key.substring(1);
      if (!key.isEmpty() || !pre.isEmpty() || !post.isEmpty()) out.add(new Item(pre, key, post, suppress));
    }
    return out;
  }

  public static String entryId(String key) {
    return ENTRY_PREFIX + ProjectLoader.slug(key);
  }

  /** For each key: [author label for citations, year with a/b suffix when one author label has several works a year]. */
  private static Map<String, String[]> labels(List<String> keys, Map<String, BibEntry> bib, Style style) {
    Map<String, String[]> out = new LinkedHashMap<>();
    Map<String, List<String>> same = new LinkedHashMap<>();
    for (String k : keys) {
      BibEntry e = bib.get(k);
      String names = e.field("author").isEmpty() ? e.field("editor") : e.field("author");
      List<Names.Name> ns = Names.parse(names).stream().filter(n -> !n.others()).toList();
      boolean others = Names.parse(names).stream().anyMatch(Names.Name::others);
      String who;
      if (ns.isEmpty()) who = e.field("organization").isEmpty() ? (e.field("title").isEmpty() ? k : e.field("title")) : e.field("organization");
      else if (ns.size() == 1 && !others) who = ns.get(0).family();
      else if (ns.size() == 2 && !others) who = ns.get(0).family() + style.string("cite.and") + ns.get(1).family();
      else who = ns.get(0).family() + style.string("cite.etal");
      String year = e.field("year");
      out.put(k, new String[] {who, year});
      same.computeIfAbsent(who + "\u0000" + year, x -> new ArrayList<>()).add(k);
    }
    for (List<String> group : same.values()) {
      if (group.size() < 2) continue;
      group.sort(Comparator.comparing(k -> bib.get(k).field("title")));
      for (int i = 0; i < group.size(); i++) out.get(group.get(i))[1] += (char) ('a' + Math.min(i, 25));
    }
    return out;
  }

  private static List<Inline> cite(Inline.Ref r, Map<String, BibEntry> bib, Map<String, String[]> labels,
      Map<String, Integer> numbers, boolean authorYear, Context ctx) {
    Style s = ctx.style();
    SourcePos pos = r.pos();
    boolean textual = r.kind().startsWith("cite:t") || r.kind().startsWith("cite:ct");
    if (r.kind().equals("cite:empty")) return List.of(); // cited (listed), nothing printed
    List<Item> items = new ArrayList<>(items(r.label()));
    items.removeIf(it -> it.key().isEmpty());
    if (items.isEmpty()) {
      ctx.diags().warn("cite-unknown", pos, "citation without a key");
      items = List.of(new Item("", "", "", false));
    }
    List<Inline> out = new ArrayList<>();
    String open = s.string(authorYear ? "cite.author-year.open" : "cite.numeric.open");
    String close = s.string(authorYear ? "cite.author-year.close" : "cite.numeric.close");
    boolean notes = items.stream().anyMatch(it -> !it.pre().isEmpty() || !it.post().isEmpty());
    String sep = s.string(authorYear ? "cite.author-year.separator"
        : notes ? "cite.numeric.separator-with-notes" : "cite.numeric.separator");
    String loc = s.string("cite.locator");
    if (!r.text().isEmpty() && items.size() == 1 && bib.containsKey(items.get(0).key())) {
      return List.of(new Inline.Link(pos, "#" + entryId(items.get(0).key()), r.text()));
    }
    if (!textual) out.add(new Inline.Text(pos, open));
    boolean first = true;
    for (Item it : items) {
      String k = it.key();
      if (!first) out.add(new Inline.Text(pos, textual ? s.string("cite.textual.separator") : sep));
      first = false;
      String pre = it.pre().isEmpty() ? "" : it.pre() + " ";
      String post = it.post().isEmpty() ? "" : loc + it.post();
      if (!bib.containsKey(k)) {
        ctx.diags().warn("cite-unknown", pos, "no bibliography entry with key '" + k + "'"
            + (ctx.project().options().bibliography().isEmpty() ? " (book.yml names no bibliography file)" : ""));
        List<Inline> q = List.of(new Inline.Span(pos, Attr.classes("unresolved"), List.of(new Inline.Text(pos, s.string("cite.unknown")))));
        if (textual) out.add(new Inline.Text(pos, open));
        if (!pre.isEmpty()) out.add(new Inline.Text(pos, pre));
        out.addAll(q);
        if (!post.isEmpty()) out.add(new Inline.Text(pos, post));
        if (textual) out.add(new Inline.Text(pos, close));
        continue;
      }
      String[] l = labels.get(k);
      String who = it.suppressAuthor() ? "" : l[0] + s.string("cite.name-year");
      String target = "#" + entryId(k);
      if (!authorYear) {
        Inline num = new Inline.Link(pos, target, List.of(new Inline.Text(pos, String.valueOf(numbers.get(k)))));
        if (textual) {
          out.add(new Inline.Text(pos, pre + who + open));
          out.add(num);
          out.add(new Inline.Text(pos, post + close));
        } else {
          if (!pre.isEmpty()) out.add(new Inline.Text(pos, pre));
          out.add(num);
          if (!post.isEmpty()) out.add(new Inline.Text(pos, post));
        }
      } else if (textual) {
        if (!pre.isEmpty()) out.add(new Inline.Text(pos, pre));
        out.add(new Inline.Link(pos, target, List.of(new Inline.Text(pos, who + open + l[1] + post + close))));
      } else {
        if (!pre.isEmpty()) out.add(new Inline.Text(pos, pre));
        out.add(new Inline.Link(pos, target, List.of(new Inline.Text(pos, who + l[1]))));
        if (!post.isEmpty()) out.add(new Inline.Text(pos, post));
      }
    }
    if (!textual) out.add(new Inline.Text(pos, close));
    return out;
  }

  private static Block list(SourcePos pos, List<String> order, Map<String, BibEntry> bib, Map<String, String[]> labels,
      Map<String, Integer> numbers, boolean authorYear, Style style) {
    List<Block> entries = new ArrayList<>();
    for (String k : order) {
      BibEntry e = bib.get(k);
      Attr a = new Attr(entryId(k), List.of("bib-entry"), Map.of());
      if (!authorYear) a = a.with("label", style.string("cite.numeric.open") + numbers.get(k) + style.string("cite.numeric.close"));
      List<Inline> text = EntryFormat.format(e, authorYear, labels.get(k)[1], style);
      entries.add(new Block.Div(e.pos(), a, List.of(), List.of(new Block.Plain(e.pos(), text))));
    }
    Attr la = Attr.classes("bibliography").with("style", authorYear ? "author-year" : "numeric");
    return new Block.Div(pos, la, List.of(), entries);
  }
}
