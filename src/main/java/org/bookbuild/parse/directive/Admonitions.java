package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * Admonitions ({@code note}, {@code tip} … {@code seealso}, and {@code admonition} with its own title) and
 * {@code dropdown}. Each becomes a Div whose first class is its kind and whose title is the argument (empty: the
 * style's wording for the kind, {@code admonition.<kind>}). {@code :class:} values follow the kind; a generic
 * {@code admonition} with {@code :class: tip} is styled as a tip by its renderer.
 */
final class Admonitions {
  static final List<String> KINDS = List.of("note", "tip", "hint", "important", "attention", "caution", "warning",
      "danger", "error", "seealso", "admonition", "dropdown");

  private Admonitions() {}

  static void register() {
    Map<String, OptionType> opts = Map.of("open", OptionType.FLAG, "icon", OptionType.STRING, "color",
        OptionType.STRING, "chevron", OptionType.STRING, "animate", OptionType.STRING, "margin", OptionType.STRING,
        "name", OptionType.STRING);
    for (String kind : KINDS) {
      Argument arg = kind.equals("admonition") || kind.equals("dropdown") ? Argument.REQUIRED : Argument.OPTIONAL;
      if (kind.equals("dropdown")) arg = Argument.OPTIONAL;
      DirectiveRegistry.register(DirectiveSpec.of(kind, arg, Body.MARKDOWN, opts, (d, ctx) -> List.of(
          new Block.Div(d.pos(), d.attr(kind), ctx.inlines(d.argument(), d.argPos()), ctx.body(d)))));
    }
  }
}
