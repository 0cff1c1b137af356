package org.bookbuild.fo.myst;

import org.bookbuild.fo.Fo;
import org.bookbuild.fo.Renderers;
import org.bookbuild.model.Block;

/**
 * The printed forms of web-only directives ({@code parse.directive.WebOnly}): a version note ({@code versionadded} …)
 * as Sphinx's LaTeX sets it, the style's italic wording "Added in version 2.1:" run into the explanation (role
 * {@code versionmodified}, head {@code versionmodified.head}, wording {@code versionmodified.<type>}); a diagram whose
 * renderer is a web script as a framed box titled with its language's wording ({@code diagram-source.<language>})
 * around its source.
 */
final class WebOnlyBlocks {
  private WebOnlyBlocks() {}

  static void register() {
    Renderers.div("versionmodified", WebOnlyBlocks::version);
    Renderers.div("diagram-source", WebOnlyBlocks::diagram);
  }

  static void version(Block.Div d, Fo fo) {
    String type = d.attr().get("type", "added");
    Boxes.open(fo, "versionmodified", "versionmodified." + type);
    fo.id(d.attr().id());
    String key = "versionmodified." + type + (d.content().isEmpty() ? ".alone" : "");
    Boxes.runIn(fo, () -> {
      fo.inline("versionmodified.head").text(fo.style().string(key, "version", d.attr().get("version", ""))).end();
      if (!d.content().isEmpty()) fo.xml().text(" ");
    }, d.content(), null, null);
    Boxes.close(fo);
  }

  static void diagram(Block.Div d, Fo fo) {
    String lang = d.attr().get("language", "mermaid");
    fo.block("diagram-source");
    fo.id(d.attr().id());
    fo.block("diagram-source.title");
    fo.xml().text(fo.style().string(fo.style().hasString("diagram-source." + lang) ? "diagram-source." + lang
        : "diagram-source.other", "language", lang));
    fo.xml().end();
    fo.resetIndent();
    fo.blocks(d.content());
    Boxes.close(fo);
  }
}
