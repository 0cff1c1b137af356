package org.bookbuild.fo.myst;

import org.bookbuild.fo.Fo;
import org.bookbuild.fo.Renderers;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * Screen layouts printed flat: tab sets (each tab in turn under its label), cards and grids (boxed blocks one after
 * another), sidebars and margin notes (boxed asides), topics, epigraphs, pull quotes and highlights (indented quotes
 * with a right-aligned attribution), rubrics, figure legends, generic containers, and the box for an unknown
 * directive. Each kind has its own style role.
 */
final class Layout {
  private Layout() {}

  static void register() {
    Renderers.div("tab-set", (d, fo) -> plain(d, fo, "tab-set"));
    Renderers.div("tab-item", (d, fo) -> titled(d, fo, "tab-item", "tab-item.title"));
    Renderers.div("grid", (d, fo) -> plain(d, fo, "grid"));
    Renderers.div("grid-item", (d, fo) -> plain(d, fo, "grid-item"));
    Renderers.div("card", Layout::card);
    Renderers.div("grid-item-card", Layout::card);
    Renderers.div("card-image", (d, fo) -> plain(d, fo, "card.image"));
    Renderers.div("card-header", (d, fo) -> plain(d, fo, "card.header"));
    Renderers.div("card-footer", (d, fo) -> plain(d, fo, "card.footer"));
    for (String k : new String[] {"sidebar", "margin", "aside", "topic"}) {
      Renderers.div(k, (d, fo) -> titled(d, fo, "aside." + k, "aside.title"));
    }
    for (String k : new String[] {"epigraph", "pull-quote", "highlights"}) {
      Renderers.div(k, (d, fo) -> quote(d, fo, k));
    }
    // a page's front-matter subtitle (parse.PageFrontMatter), under its title; a rubric, a heading outside the outline
    Renderers.div("subtitle", (d, fo) -> titleLine(d, fo, "chapter.subtitle"));
    Renderers.div("rubric", (d, fo) -> titleLine(d, fo, "rubric"));
    // a subfigure (transform.SubFigures): its image, then "(a) caption" under it (over it with sphinx-subfigure's
    // :subcaptions: above, which the figure passes on as the attribute subcaptions)
    Renderers.div("subfigure", (d, fo) -> {
      fo.block("subfigure");
      fo.id(d.attr().id());
      fo.resetIndent();
      boolean above = "above".equals(d.attr().get("subcaptions"));
      if (!above) fo.blocks(d.content());
      fo.block(above ? "subfigure.caption.above" : "subfigure.caption");
      java.util.List<Inline> cap = new java.util.ArrayList<>();
      cap.add(new Inline.Text(d.pos(), "(" + d.attr().get("letter", "") + ")" + (d.title().isEmpty() ? "" : " ")));
      cap.addAll(d.title());
      fo.inlines(cap);
      fo.xml().end();
      if (above) fo.blocks(d.content());
      Boxes.close(fo);
    });
    // mystmd's {myst}: the source listing and its rendering under it, one frame
    Renderers.div("myst-demo", (d, fo) -> plain(d, fo, "myst-demo"));
    Renderers.div("myst-result", (d, fo) -> plain(d, fo, "myst-demo.result"));
    // a web link the toc lists is printed in the contents (fo.Contents), not on the page
    Renderers.div(org.bookbuild.model.Chapter.TOC_LINK, (d, fo) -> { });
    Renderers.div("legend", (d, fo) -> plain(d, fo, "figure.legend"));
    Renderers.div("div", (d, fo) -> plain(d, fo, "container"));
    Renderers.div("container", (d, fo) -> plain(d, fo, "container"));
    Renderers.div("directive-unknown", (d, fo) -> titled(d, fo, "directive-unknown", "directive-unknown.title"));
  }

  /** A block of one line of title text under a role (its id kept); the next paragraph starts a run. */
  private static void titleLine(Block.Div d, Fo fo, String role) {
    fo.block(role);
    fo.id(d.attr().id());
    fo.inlines(d.title());
    fo.xml().end();
    fo.resetIndent();
  }

  static void plain(Block.Div d, Fo fo, String role) {
    fo.block(role);
    fo.id(d.attr().id());
    fo.resetIndent();
    fo.blocks(d.content());
    Boxes.close(fo);
  }

  /**
   * A sphinx-design card as its web page stacks it: the top image and the header above the title, then the body,
   * the footer and the bottom image.
   */
  static void card(Block.Div d, Fo fo) {
    fo.block("card");
    fo.id(d.attr().id());
    java.util.List<Block> content = d.content();
    int lead = 0;
    while (lead < content.size() && content.get(lead) instanceof Block.Div k
        && (k.kind().equals("card-header") || k.kind().equals("card-image") && k.attr().get("place", "").equals("top"))) {
      lead++;
    }
    fo.resetIndent();
    fo.blocks(content.subList(0, lead));
    if (!d.title().isEmpty()) {
      fo.block("card.title");
      fo.inlines(d.title());
      fo.xml().end();
    }
    fo.resetIndent();
    fo.blocks(content.subList(lead, content.size()));
    Boxes.close(fo);
  }

  static void titled(Block.Div d, Fo fo, String role, String titleRole) {
    fo.block(role);
    fo.id(d.attr().id());
    if (!d.title().isEmpty()) {
      fo.block(titleRole);
      fo.inlines(d.title());
      fo.xml().end();
    }
    fo.resetIndent();
    fo.blocks(d.content());
    Boxes.close(fo);
  }

  /** A quotation; a last paragraph starting with a dash ("-- Author") is its attribution. */
  static void quote(Block.Div d, Fo fo, String kind) {
    fo.block(kind);
    fo.id(d.attr().id());
    fo.resetIndent();
    if (!d.title().isEmpty()) fo.block(new Block.Para(d.pos(), d.title())); // {epigraph} Text on the fence line
    int n = d.content().size();
    for (int i = 0; i < n; i++) {
      Block b = d.content().get(i);
      if (i == n - 1 && i > 0 && b instanceof Block.Para p && !p.content().isEmpty()
          && p.content().get(0) instanceof Inline.Text t && t.text().matches("^(--|—|―).*")) {
        fo.block("epigraph.attribution");
        fo.inlines(p.content());
        fo.xml().end();
      } else {
        fo.block(b);
      }
    }
    Boxes.close(fo);
  }
}
