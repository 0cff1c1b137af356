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
    java.util.Map<String, DirectiveSpec.OptionType> opts = new java.util.HashMap<>(Figures.OPTIONS);
    // matplotlib's plot directive (Sphinx): options it takes beyond a figure's
    for (String k : List.of("include-source", "show-source-link", "format", "context", "nofigs", "caption",
        "encoding")) {
      opts.putIfAbsent(k, DirectiveSpec.OptionType.STRING);
    }
    DirectiveRegistry.register(DirectiveSpec.of("plot", Argument.OPTIONAL, Body.RAW, opts, (d, ctx) -> {
      if (matplotlib(d)) {
        // matplotlib's plot directive runs Python while Sphinx builds; print runs none: the code, as code
        SphinxExtras.notRun(ctx, d, "{plot} here is matplotlib's plot directive, whose Python is run when Sphinx"
            + " builds the web pages; print runs no code, so the figure is not drawn and the code is printed");
        if (d.body().isBlank()) {
          ctx.omit(d);
          return List.of();
        }
        return List.of(Code.codeBlock(d, "python", d.body(), ""));
      }
      Attr a = Figures.imageAttr(d).with(SPEC_KEY, d.body());
      String alt = d.option("alt");
      List<Inline> altText = alt == null || alt.isBlank() ? List.of() : List.of(new Inline.Text(d.pos(), alt.trim()));
      Inline.Image im = new Inline.Image(d.bodyPos(), a, "plot", altText);
      List<Inline> content = d.label().isEmpty() ? List.of(im) : List.of(new Inline.Anchor(d.pos(), d.label()), im);
      return List.of(new Block.Para(d.pos(), content));
    }));
  }

  /**
   * Whether a {@code plot} is matplotlib's (Python code, or a script named as its argument) rather than a figure spec,
   * which is a YAML mapping: its first line is a {@code key:} line, a comment or a {@code ---}.
   */
  private static boolean matplotlib(Directive d) {
    if (!d.argument().isBlank()) return true;
    for (String line : d.body().split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equals("---")) continue;
      return !t.matches("[A-Za-z_][\\w .-]*:(\\s.*)?") || t.startsWith("import ") || t.startsWith("from ");
    }
    return false;
  }
}
