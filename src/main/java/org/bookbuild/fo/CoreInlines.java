package org.bookbuild.fo;

import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/** Renderers for the core inline types: text, character styles, code, links, images, footnotes, page references. */
final class CoreInlines {
  private CoreInlines() {}

  static void register() {
    Renderers.inline(Inline.Text.class, (t, fo) -> fo.text(t.text(), t.pos(), false));
    Renderers.inline(Inline.SoftBreak.class, (b, fo) -> fo.xml().text(" "));
    // a hard line break is U+2028 LINE SEPARATOR (FOP breaks the line there), not an empty fo:block: a block inside the paragraph would cut it into
    // separate runs of lines, each kept apart for widows and orphans (a single line at a page foot was the result)
    Renderers.inline(Inline.LineBreak.class, (b, fo) -> fo.xml().text("\u2028"));
    Renderers.inline(Inline.Styled.class, (s, fo) -> {
      fo.inline("inline." + s.role());
      fo.inlines(s.content());
      fo.xml().end();
    });
    Renderers.inline(Inline.Code.class, (c, fo) -> {
      fo.inline("inline.code");
      fo.text(c.text(), c.pos(), true);
      fo.xml().end();
    });
    Renderers.inline(Inline.Link.class, CoreInlines::link);
    Renderers.inline(Inline.Image.class, Images::inline);
    Renderers.inline(Inline.MathInline.class, (m, fo) -> org.bookbuild.math.MathFo.inline(fo, m));
    Renderers.inline(Inline.Note.class, CoreInlines::note);
    Renderers.inline(Inline.Ref.class, (r, fo) -> {
      fo.inline("inline.unresolved");
      fo.xml().text("??");
      fo.xml().end();
    });
    Renderers.inline(Inline.PageRef.class, (p, fo) -> fo.xml().start("fo:page-number-citation").attr("ref-id", p.id()).end());
    Renderers.inline(Inline.Span.class, (s, fo) -> {
      String role = s.attr().classes().stream().map(c -> "inline." + c).filter(fo.style()::hasRole).findFirst().orElse(null);
      // an empty span with an id is an anchor (see Inline.Anchor below for why not an empty fo:inline)
      fo.xml().start(s.content().isEmpty() && role == null ? "fo:wrapper" : "fo:inline");
      if (role != null) fo.xml().attrs(fo.role(role));
      fo.id(s.attr().id());
      fo.inlines(s.content());
      fo.xml().end();
    });
    // An anchor is an empty fo:wrapper, never an empty fo:inline: FOP 2.11 throws a NullPointerException
    // (InlineLayoutManager.getChangedKnuthElements, "prevLM is null") when an empty fo:inline with an id sits inside
    // another inline or link in a paragraph whose next word it hyphenates (render.FopCrashTest keeps this found).
    Renderers.inline(Inline.Anchor.class, (a, fo) -> {
      fo.xml().start("fo:wrapper");
      fo.id(a.id());
      fo.xml().end();
    });
    Renderers.inline(Inline.Problem.class, (p, fo) -> {
      fo.inline("inline.problem");
      fo.xml().text(p.source().isEmpty() ? p.message() : p.source());
      fo.xml().end();
    });
  }

  private static void link(Inline.Link l, Fo fo) {
    String t = l.target();
    if (t.startsWith("#")) {
      fo.xml().start("fo:basic-link").attrs(fo.role("link.internal")).attr("internal-destination", t.substring(1))
          .attr("fox:alt-text", altText(l, t.substring(1), fo));
    } else {
      String uri = uri(t);
      if (uri == null) {
        // FOP aborts the whole run on a destination that is not a URI: print the text, say why
        fo.ctx().diags().warn("link-invalid", l.pos(), "link target '" + t + "' is not a valid URL; its text is printed"
            + " without a link");
        fo.inlines(l.content());
        return;
      }
      fo.xml().start("fo:basic-link").attrs(fo.role("link.external")).attr("external-destination", "url(" + uri + ")")
          .attr("show-destination", "new").attr("fox:alt-text", altText(l, t, fo));
    }
    fo.inlines(l.content());
    fo.xml().end();
  }

  /**
   * What a link says to assistive technology (the link annotation's /Contents, PDF/UA 7.18.5): its text, or where it
   * leads when it has none.
   */
  static String altText(Inline.Link l, String target, Fo fo) {
    String text = fo.plainText(l.content()).strip();
    return text.isEmpty() ? target : text;
  }

  /**
   * The target as a URI FOP accepts: characters URIs do not allow (spaces, quotes, brackets, parentheses that would
   * end FO's {@code url(…)}, non-ASCII) percent-encoded; null when it still is not a URI.
   */
  static String uri(String target) {
    StringBuilder sb = new StringBuilder();
    for (byte b : target.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}()'".indexOf(c) >= 0) sb.append(String.format("%%%02X", c));
      else sb.append((char) c);
    }
    try {
      new java.net.URI(sb.toString());
      return sb.toString();
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static void note(Inline.Note n, Fo fo) {
    String mark = String.valueOf(fo.nextFootnote());
    fo.xml().start("fo:footnote");
    fo.inline("footnote.mark").text(mark).end();
    fo.xml().start("fo:footnote-body");
    fo.block("footnote.body");
    fo.inline("footnote.mark").text(mark).end();
    fo.xml().text(" ");
    boolean first = true;
    for (Block b : n.content()) {
      if (!first) fo.xml().start("fo:block").end();
      if (b instanceof Block.Para p) fo.inlines(p.content());
      else fo.block(b);
      first = false;
    }
    fo.xml().end();
    fo.xml().end();
    fo.xml().end();
  }
}
