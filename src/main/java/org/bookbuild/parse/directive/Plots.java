package org.bookbuild.parse.directive;

import java.util.List;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;

/**
 * {@code plot}: a figure spec (see docs/figures.md) written inline as the directive's body. It becomes an image
 * paragraph whose image carries the spec text under the attribute {@code plot}; the transform
 * {@code ResolveFigures} draws it, with diagnostics at the body's own lines. Put it inside a {@code figure} directive
 * without a path to give it a number and caption.
 */
final class Plots {
  /** The attribute holding the spec text. */
  static final String SPEC_KEY = "plot";

  private Plots() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("plot", Argument.NONE, Body.RAW, Figures.OPTIONS, (d, ctx) -> {
      Attr a = Figures.imageAttr(d).with(SPEC_KEY, d.body());
      String alt = d.option("alt");
      List<Inline> altText = alt == null || alt.isBlank() ? List.of() : List.of(new Inline.Text(d.pos(), alt.trim()));
      Inline.Image im = new Inline.Image(d.bodyPos(), a, "plot", altText);
      List<Inline> content = d.label().isEmpty() ? List.of(im) : List.of(new Inline.Anchor(d.pos(), d.label()), im);
      return List.of(new Block.Para(d.pos(), content));
    }));
  }
}
