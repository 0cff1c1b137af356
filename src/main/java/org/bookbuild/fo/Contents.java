package org.bookbuild.fo;

/**
 * The table of contents: parts, chapters and sections with their numbers, dot leaders and page numbers, each entry a
 * link to its heading.
 */
final class Contents {
  static final String ID = "contents";

  private Contents() {}

  static void write(Fo fo, Outline outline) {
    fo.block("toc.title");
    fo.id(ID);
    fo.xml().start("fo:marker").attr("marker-class-name", "chapter").text(fo.style().string("contents")).end();
    fo.xml().start("fo:marker").attr("marker-class-name", "section").text(fo.style().string("contents")).end();
    fo.xml().text(fo.style().string("contents"));
    fo.xml().end();
    for (Outline.Entry e : outline.entries()) entry(fo, e);
  }

  private static void entry(Fo fo, Outline.Entry e) {
    String role = switch (e.level()) {
      case 0 -> "toc.part";
      case 1 -> "toc.chapter";
      case 2 -> "toc.section";
      default -> "toc.subsection";
    };
    if (e.isLink()) {
      link(fo, e, role);
      return;
    }
    fo.block(role);
    String alt = fo.plainText(e.title()).strip();
    fo.xml().start("fo:basic-link").attr("internal-destination", e.id()).attr("fox:alt-text", alt);
    if (!e.number().isEmpty()) {
      String n = e.level() == 1 && e.kind() == org.bookbuild.model.Chapter.Kind.APPENDIX
          ? fo.style().string("appendix", "number", e.number()) + ":" : e.number();
      fo.inline("toc.number").text(n).end();
    }
    fo.inlines(e.title());
    fo.xml().end();
    if (e.level() > 0) {
      fo.xml().text(" ");
      fo.xml().start("fo:leader").attrs(fo.role("toc.leader")).end();
      fo.xml().text(" ");
      fo.xml().start("fo:basic-link").attr("internal-destination", e.id()).attr("fox:alt-text", alt);
      fo.xml().start("fo:page-number-citation").attr("ref-id", e.id()).end();
      fo.xml().end();
    }
    fo.xml().end();
    for (Outline.Entry c : e.children()) entry(fo, c);
  }

  /**
   * A web link the toc lists ({@code - url:}): its title linked to the address, and the address after it (role
   * {@code toc.url}) for the reader of paper; no page number.
   */
  private static void link(Fo fo, Outline.Entry e, String role) {
    fo.block(role + ".link");
    String alt = fo.plainText(e.title()).strip();
    fo.xml().start("fo:basic-link").attr("external-destination", "url(" + e.url() + ")").attr("fox:alt-text", alt);
    fo.inlines(e.title());
    fo.xml().end();
    if (!alt.equals(e.url())) {
      fo.xml().text(" ");
      fo.inline("toc.url").text(e.url()).end();
    }
    fo.xml().end();
  }
}
