package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * {@code toc} (and {@code tableofcontents}, {@code contents}): a contents list of the current chapter's sections,
 * made by the renderer from the chapter it sits in. The argument is its title; {@code :depth:} how many levels.
 */
final class Toc {
  private Toc() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("toc", Argument.OPTIONAL, Body.NONE, Map.of("depth", OptionType.INT,
        "context", OptionType.STRING, "local", OptionType.FLAG, "backlinks", OptionType.STRING), (d, ctx) -> {
          var a = d.attr("toc");
          String depth = d.option("depth");
          if (depth != null && depth.trim().matches("\\d+")) a = a.with("depth", depth.trim());
          return List.of(new Block.Div(d.pos(), a, ctx.inlines(d.argument(), d.argPos()), List.of()));
        }, "contents", "tableofcontents"));
  }
}
