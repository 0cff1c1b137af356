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
    // sphinx-design, sphinx-panels and sphinx-togglebutton dropdowns style themselves with these; print shows them open
    Map<String, OptionType> opts = Map.ofEntries(Map.entry("open", OptionType.FLAG), Map.entry("icon", OptionType.STRING),
        Map.entry("color", OptionType.STRING), Map.entry("chevron", OptionType.STRING),
        Map.entry("animate", OptionType.STRING), Map.entry("margin", OptionType.STRING),
        Map.entry("name", OptionType.STRING), Map.entry("title", OptionType.STRING),
        Map.entry("container", OptionType.STRING), Map.entry("body", OptionType.STRING),
        Map.entry("class-container", OptionType.CLASSES), Map.entry("class-title", OptionType.CLASSES),
        Map.entry("class-body", OptionType.CLASSES), Map.entry("sync", OptionType.STRING));
    for (String kind : KINDS) {
      // mystmd takes {admonition} without a title too (docutils wants one): the box prints without a title line
      Argument arg = Argument.OPTIONAL;
      DirectiveRegistry.register(DirectiveSpec.of(kind, arg, Body.MARKDOWN, opts, (d, ctx) -> List.of(
          new Block.Div(d.pos(), d.attr(kind), ctx.inlines(d.argument(), d.argPos()), ctx.body(d)))));
    }
  }
}
