package org.bookbuild.transform.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Inline;
import org.bookbuild.style.Style;

/**
 * Formats one bibliography entry from its fields: authors (or editors), year, title (in italics for whole works such
 * as books and theses, upright for parts such as articles, whose container is italic instead), journal with volume,
 * number and pages, edition, publisher and address, DOI and URL as live links. Every fixed word comes from the style's
 * {@code bib.*} strings.
 */
final class EntryFormat {
  /** Entry types whose title names a whole published work and is set in italics. */
  private static final Set<String> WHOLE_WORKS = Set.of(
      "book", "booklet", "manual", "phdthesis", "mastersthesis", "proceedings", "techreport", "misc", "unpublished",
      "online", "software", "thesis", "report");

  private final Style style;
  private final SourcePos pos;
  private final List<Inline> out = new ArrayList<>();

  private EntryFormat(Style style, SourcePos pos) {
    this.style = style;
    this.pos = pos;
  }

  static List<Inline> format(BibEntry e, boolean authorYear, String yearLabel, Style style) {
    EntryFormat f = new EntryFormat(style, e.pos());
    f.body(e, authorYear, yearLabel);
    return f.out;
  }

  private void body(BibEntry e, boolean authorYear, String yearLabel) {
    String who = people(e.field("author"), authorYear);
    boolean editors = who.isEmpty() && !e.field("editor").isEmpty();
    if (editors) who = people(e.field("editor"), authorYear) + style.string("bib.editors-suffix");
    if (who.isEmpty()) who = e.field("organization").isEmpty() ? e.field("institution") : e.field("organization");
    if (!who.isEmpty()) text(who);
    if (authorYear) text(style.string("bib.year", "year", yearLabel.isEmpty() ? style.string("bib.no-year") : yearLabel));
    if (!who.isEmpty() || authorYear) text(". ");
    String type = e.type();
    if (WHOLE_WORKS.contains(type)) {
      styled("emph", e.field("title"));
    } else {
      math(e.field("title"));
    }
    text(".");
    List<List<Inline>> parts = new ArrayList<>();
    if (type.equals("article")) {
      List<Inline> j = new ArrayList<>();
      if (!e.field("journal").isEmpty()) j.add(new Inline.Styled(pos, "emph", List.of(new Inline.Text(pos, e.field("journal")))));
      String vol = e.field("volume") + (e.field("number").isEmpty() ? "" : "(" + e.field("number") + ")");
      if (!vol.isEmpty()) j.add(new Inline.Text(pos, (j.isEmpty() ? "" : " ") + vol));
      if (!e.field("pages").isEmpty()) j.add(new Inline.Text(pos, (vol.isEmpty() ? (j.isEmpty() ? "" : ", ") : ":") + pages(e.field("pages"))));
      if (!j.isEmpty()) parts.add(j);
    } else if (!e.field("booktitle").isEmpty()) {
      List<Inline> in = new ArrayList<>();
      in.add(new Inline.Text(pos, style.string("bib.in") + " "));
      in.add(new Inline.Styled(pos, "emph", List.of(new Inline.Text(pos, e.field("booktitle")))));
      if (!e.field("pages").isEmpty()) in.add(new Inline.Text(pos, ", " + style.string("bib.pages", "pages", pages(e.field("pages")))));
      parts.add(in);
    }
    if (!e.field("edition").isEmpty()) {
      String ed = e.field("edition");
      parts.add(plain(style.string(ed.matches("\\d+") ? "bib.edition-number" : "bib.edition", "edition", ed)));
    }
    if (type.equals("phdthesis")) parts.add(plain(join(style.string("bib.phdthesis"), e.field("school"))));
    else if (type.equals("mastersthesis")) parts.add(plain(join(style.string("bib.mastersthesis"), e.field("school"))));
    else if (type.equals("techreport")) parts.add(plain(join(style.string("bib.techreport") + (e.field("number").isEmpty() ? "" : " " + e.field("number")), e.field("institution"))));
    String pub = join(e.field("publisher"), e.field("address"));
    if (!pub.isEmpty()) parts.add(plain(pub));
    if (!e.field("howpublished").isEmpty() && !e.field("howpublished").startsWith("\\url")) parts.add(plain(e.field("howpublished")));
    if (!authorYear && !yearLabel.isEmpty()) parts.add(plain(yearLabel));
    if (!e.field("note").isEmpty()) parts.add(plain(e.field("note")));
    for (List<Inline> p : parts) {
      text(" ");
      out.addAll(p);
      text(".");
    }
    if (!e.field("doi").isEmpty()) {
      String doi = e.field("doi").replaceFirst("^https?://(dx\\.)?doi\\.org/", "");
      text(" ");
      out.add(new Inline.Link(pos, style.string("bib.doi-url", "doi", doi), List.of(new Inline.Text(pos, style.string("bib.doi", "doi", doi)))));
    }
    String url = e.field("url");
    if (url.isEmpty() && e.field("howpublished").startsWith("\\url")) url = e.field("howpublished").replaceAll("^\\\\url\\{?|}$", "");
    if (!url.isEmpty()) {
      text(" ");
      out.add(new Inline.Link(pos, url, List.of(new Inline.Span(pos, org.bookbuild.model.Attr.classes("url"), List.of(new Inline.Text(pos, url))))));
    }
  }

  /** "Gilbert Strang, Stephen Boyd and Lieven Vandenberghe"; author–year lists start "Strang, Gilbert" for sorting. */
  private String people(String field, boolean familyFirst) {
    List<Names.Name> ns = Names.parse(field);
    List<String> shown = new ArrayList<>();
    boolean others = false;
    for (Names.Name n : ns) {
      if (n.others()) {
        others = true;
        continue;
      }
      shown.add(shown.isEmpty() && familyFirst && !n.given().isEmpty() ? n.family() + ", " + n.given() : n.full());
    }
    if (shown.isEmpty()) return "";
    if (others) return String.join(", ", shown) + style.string("cite.etal");
    if (shown.size() == 1) return shown.get(0);
    return String.join(", ", shown.subList(0, shown.size() - 1)) + style.string("bib.and") + shown.get(shown.size() - 1);
  }

  private static String pages(String p) {
    return p.replaceAll("\\s*-{1,2}\\s*", "–");
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    return a + ", " + b;
  }

  private List<Inline> plain(String s) {
    return List.of(new Inline.Text(pos, s));
  }

  private void text(String s) {
    if (s.isEmpty()) return;
    if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text t) {
      out.set(out.size() - 1, new Inline.Text(t.pos(), t.text() + s));
    } else {
      out.add(new Inline.Text(pos, s));
    }
  }

  private void styled(String role, String s) {
    List<Inline> saved = new ArrayList<>(out);
    out.clear();
    math(s);
    List<Inline> inner = new ArrayList<>(out);
    out.clear();
    out.addAll(saved);
    out.add(new Inline.Styled(pos, role, inner));
  }

  /** Text with {@code $…$} spans as inline math. */
  private void math(String s) {
    String[] parts = s.split("(?<!\\\\)\\$", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 1 && i < parts.length - 1) out.add(new Inline.MathInline(pos, parts[i]));
      else text(parts[i]);
    }
  }
}
