package org.bookbuild.fo.myst;

import java.util.List;
import org.bookbuild.fo.Fo;
import org.bookbuild.fo.Renderers;
import org.bookbuild.model.Block;

/**
 * Admonitions as framed blocks with a coloured band: role {@code admonition} plus {@code admonition.<kind>}, title in
 * {@code admonition.title} plus {@code admonition.<kind>.title}. The title is the author's, else the style's word for
 * the kind ({@code admonition.<kind>}). The box may break across pages; only the title is kept with what follows.
 * A generic {@code admonition} with a class that names a kind ({@code :class: tip}) looks like that kind;
 * {@code dropdown} prints expanded with its title.
 */
final class Admonitions {
  static final List<String> KINDS = List.of("note", "tip", "hint", "important", "attention", "caution", "warning",
      "danger", "error", "seealso", "admonition", "dropdown");

  private Admonitions() {}

  static void register() {
    for (String k : KINDS) Renderers.div(k, Admonitions::render);
  }

  static void render(Block.Div d, Fo fo) {
    String look = d.kind();
    for (String c : d.attr().classes().subList(1, d.attr().classes().size())) {
      if (KINDS.contains(c) && !c.equals("dropdown") && !c.equals("admonition")) {
        look = c;
        break;
      }
    }
    Boxes.open(fo, "admonition", "admonition." + look);
    fo.id(d.attr().id());
    // a Bootstrap alert box from a notebook's HTML (class untitled) has no title line, as on screen
    if (!d.title().isEmpty() || !d.attr().hasClass("untitled")) {
      Boxes.open(fo, "admonition.title", "admonition." + look + ".title");
      Boxes.title(fo, d.title(), "admonition." + d.kind());
      fo.xml().end();
    }
    fo.resetIndent();
    fo.blocks(d.content());
    Boxes.close(fo);
  }
}
