package org.bookbuild.fo;

import java.util.List;
import org.bookbuild.model.Block;
import org.bookbuild.model.Walk;

/** Renderers for the core block types: paragraphs, headings, code, quotes, lists, rules, figures, problems. */
final class CoreBlocks {
  private CoreBlocks() {}

  static void register() {
    Renderers.block(Block.Para.class, (p, fo) -> {
      // a paragraph that is only an image is a display, not text: no indent (it would push a full-width image past
      // the margin), centred, kept on one page like a figure
      fo.block(onlyImages(p.content()) ? "para.image" : fo.unindented(p) ? "para.first" : "para");
      if (shortWithHardBreaks(p.content())) fo.xml().attr("keep-together.within-page", "always");
      fo.lead(false);
      fo.inlines(p.content());
      fo.xml().end();
    });
    Renderers.block(Block.Plain.class, (p, fo) -> {
      fo.block("plain");
      if (shortWithHardBreaks(p.content())) fo.xml().attr("keep-together.within-page", "always");
      fo.lead(false);
      fo.inlines(p.content());
      fo.xml().end();
    });
    Renderers.block(Block.Heading.class, CoreBlocks::heading);
    Renderers.block(Block.CodeBlock.class, CodeListing::render);
    Renderers.block(Block.Quote.class, (q, fo) -> {
      fo.block("quote");
      fo.resetIndent();
      fo.blocks(q.content());
      fo.xml().end();
    });
    Renderers.block(Block.BulletList.class, (l, fo) -> list(l.items(), -1, null, fo));
    Renderers.block(Block.OrderedList.class, (l, fo) -> list(l.items(), l.start(), l::label, fo));
    Renderers.block(Block.DefList.class, CoreBlocks::defList);
    Renderers.block(Block.Rule.class, (r, fo) -> {
      fo.block("rule");
      fo.xml().start("fo:leader").attrs(fo.role("rule.line")).end();
      fo.xml().end();
    });
    Renderers.block(Block.Figure.class, CoreBlocks::figure);
    Renderers.block(Block.Problem.class, (p, fo) -> {
      fo.block("problem");
      fo.xml().text(p.message() + (p.source().isEmpty() ? "" : "\n" + p.source()));
      fo.xml().end();
    });
    Renderers.block(Block.MathBlock.class, (m, fo) -> org.bookbuild.math.MathFo.display(fo, m));
    Renderers.defaultDiv((d, fo) -> {
      fo.block("div." + d.kind()).attrs(fo.style().hasRole("div." + d.kind()) ? java.util.Map.of() : fo.role("div"));
      fo.id(d.attr().id());
      if (!d.title().isEmpty()) {
        fo.block("div.title");
        fo.inlines(d.title());
        fo.xml().end();
      }
      fo.resetIndent();
      fo.blocks(d.content());
      fo.xml().end();
    });
  }

  private static void heading(Block.Heading h, Fo fo) {
    if (h.level() == 1) {
      ChapterOpening.write(h, fo);
      return;
    }
    String role = "h" + Math.min(h.level(), 6);
    fo.block(role);
    // the tagged PDF's heading level (a structure type, not a look)
    fo.xml().attr("role", "H" + fo.headingTag(h.level()));
    fo.id(h.attr().id());
    String number = h.attr().get("number");
    if (h.level() == 2) {
      String title = fo.plainText(h.content());
      fo.xml().start("fo:marker").attr("marker-class-name", "section")
          .text(number == null ? title : fo.style().string("header.section", "number", number, "title", title)).end();
    }
    if (number != null) {
      fo.inline("heading.number").text(number).end();
    }
    fo.inlines(h.content());
    fo.xml().end();
  }

  private static void list(List<Block.ListItem> items, int start, java.util.function.IntFunction<String> numbered, Fo fo) {
    fo.block("list");
    java.util.Map<String, String> listRole = new java.util.LinkedHashMap<>(fo.role("list"));
    // labels longer than "10." ("(iii)", "viii.") get the wider label column of role list.wide
    if (numbered != null) {
      int longest = 0;
      for (int k = 0; k < items.size(); k++) longest = Math.max(longest, numbered.apply(start + k).length());
      if (longest > 3) listRole.putAll(fo.role("list.wide"));
    }
    fo.xml().start("fo:list-block").attrs(listRole);
    int n = start;
    for (Block.ListItem it : items) {
      fo.xml().start("fo:list-item").attrs(fo.role("list.item"));
      fo.xml().start("fo:list-item-label").attr("end-indent", "label-end()");
      fo.block("list.label");
      String label;
      if (it.checked() != null) label = fo.style().string(it.checked() ? "task.done" : "task.open");
      else if (start < 0) label = fo.style().string("bullet." + Math.min(3, fo.listDepth() + 1));
      else label = numbered.apply(n++);
      fo.xml().text("");
      int from = fo.xml().length();
      fo.xml().text(label);
      int to = fo.xml().length();
      fo.xml().end().end();
      // a first line that may be taller than the label's gets the label on its baseline (Fo.lead); the label written
      // here stays when that line did not take it
      int token = leads(it.content()) ? fo.awaitLead(label) : -1;
      fo.xml().start("fo:list-item-body").attr("start-indent", "body-start()");
      fo.block("list.body");
      fo.resetIndent();
      fo.enterList(1);
      if (!it.content().isEmpty()) fo.block(it.content().get(0));
      fo.endLeads();
      fo.blocks(it.content().subList(Math.min(1, it.content().size()), it.content().size()));
      fo.enterList(-1);
      fo.xml().end().end();
      fo.xml().end();
      if (token >= 0 && fo.led(token)) fo.xml().blank(from, to);
    }
    fo.xml().end().end();
  }


  /**
   * Whether an item's label waits for its first line: when that line may be taller than a line of text (the first
   * block is a paragraph with a formula or an image, a display formula, a code block without a caption, or a list
   * whose first item's label waits too), so FOP would leave the label at the top of the item. LaTeX sets the label on
   * the first baseline of the first block for text, code and a nested list; before a display it sets it on a line of
   * its own, where this sets it on the formula's baseline, as a browser does.
   */
  static boolean leads(List<Block> content) {
    if (content.isEmpty()) return false;
    Block b = content.get(0);
    if (b instanceof Block.Para p) return tall(p.content());
    if (b instanceof Block.Plain p) return tall(p.content());
    if (b instanceof Block.CodeBlock c) return c.attr().get("caption") == null && c.attr().get("number") == null;
    if (b instanceof Block.MathBlock) return true;
    if (b instanceof Block.BulletList l) return !l.items().isEmpty() && leads(l.items().get(0).content());
    if (b instanceof Block.OrderedList l) return !l.items().isEmpty() && leads(l.items().get(0).content());
    return false;
  }

  /** Whether inline content holds something that may stand taller than the text: a formula or an image. */
  private static boolean tall(List<org.bookbuild.model.Inline> content) {
    for (org.bookbuild.model.Inline i : content) {
      if (i instanceof org.bookbuild.model.Inline.MathInline || i instanceof org.bookbuild.model.Inline.Image) return true;
      if (i instanceof org.bookbuild.model.Inline.Styled s && tall(s.content())) return true;
      if (i instanceof org.bookbuild.model.Inline.Link l && tall(l.content())) return true;
      if (i instanceof org.bookbuild.model.Inline.Span s && tall(s.content())) return true;
    }
    return false;
  }

  private static void defList(Block.DefList d, Fo fo) {
    fo.block("div");
    for (Block.DefItem it : d.items()) {
      fo.block("deflist.term");
      fo.inlines(it.term());
      fo.xml().end();
      for (List<Block> def : it.definitions()) {
        fo.block("deflist.def");
        fo.resetIndent();
        fo.blocks(def);
        fo.xml().end();
      }
    }
    fo.xml().end();
  }

  /** Longest paragraph (in characters, some 14 lines) that is kept on one page when it has hard line breaks. */
  private static final int KEPT_WITH_BREAKS = 1200;

  /**
   * Whether a paragraph has hard line breaks and is short enough to keep on one page. FOP lays out the lines between
   * two forced breaks as a paragraph of their own and applies widows and orphans to each such run alone, so a run of
   * one line could stand alone at a page foot or head (check.WidowsOrphans found it in a real book).
   */
  private static boolean shortWithHardBreaks(List<org.bookbuild.model.Inline> content) {
    boolean[] hard = {false};
    Walk.inlines(content, n -> hard[0] |= n instanceof org.bookbuild.model.Inline.LineBreak);
    return hard[0] && Walk.text(content).length() <= KEPT_WITH_BREAKS;
  }

  private static boolean onlyImages(java.util.List<org.bookbuild.model.Inline> content) {
    boolean image = false;
    for (org.bookbuild.model.Inline i : content) {
      if (i instanceof org.bookbuild.model.Inline.Image) image = true;
      else if (i instanceof org.bookbuild.model.Inline.Text t && t.text().isBlank()) continue;
      else if (!(i instanceof org.bookbuild.model.Inline.SoftBreak)) return false;
    }
    return image;
  }

  private static void figure(Block.Figure f, Fo fo) {
    fo.block("figure");
    fo.id(f.attr().id());
    List<Block> content = f.content();
    for (int i = 0; i < content.size(); i++) {
      Block b = content.get(i);
      if (b instanceof Block.Div d && d.kind().equals("legend")) continue;
      if (b instanceof Block.Div d && d.kind().equals("subfigure")) {
        // subfigures side by side in rows (SubfigureRows), as LaTeX's subcaption sets them
        List<Block.Div> run = new java.util.ArrayList<>();
        while (i < content.size() && content.get(i) instanceof Block.Div s && s.kind().equals("subfigure")) {
          run.add(s);
          i++;
        }
        i--;
        SubfigureRows.write(run, f.attr(), fo);
        continue;
      }
      if (b instanceof Block.Para p) {
        fo.xml().start("fo:block");
        fo.inlines(p.content());
        fo.xml().end();
      } else {
        fo.block(b);
      }
    }
    String number = f.attr().get("number");
    if (!f.caption().isEmpty() || number != null) {
      fo.block("figure.caption");
      if (number != null) fo.inline("caption.label").text(fo.style().string("figure.label", "number", number) + " ").end();
      fo.inlines(f.caption());
      fo.xml().end();
    }
    // a legend (the figure directive's body after its caption) follows the caption
    for (Block b : f.content()) if (b instanceof Block.Div d && d.kind().equals("legend")) fo.block(b);
    fo.xml().end();
  }

}
