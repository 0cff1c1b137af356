package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * {@code iframe}: embedded web content cannot print, so it becomes a Div of kind {@code iframe} whose {@code src} the
 * renderer prints in full and as a QR code inside a framed placeholder, with the body as caption.
 */
final class Iframe {
  private Iframe() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("iframe", Argument.REQUIRED, Body.MARKDOWN,
        Map.of("width", OptionType.LENGTH, "height", OptionType.LENGTH, "align", OptionType.STRING, "title",
            OptionType.STRING, "placeholder", OptionType.STRING), (d, ctx) -> List.of(new Block.Div(d.pos(),
            d.attr("iframe").with("src", d.argument().trim()), ctx.inlines(d.option("title", ""), d.pos()),
            ctx.body(d)))));
  }
}
