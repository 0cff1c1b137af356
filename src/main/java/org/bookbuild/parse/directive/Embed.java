package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * mystmd's {@code embed}: {@code ```{embed} #label```} prints the block labelled {@code label} elsewhere in the book
 * (a figure, a notebook cell's output, a paragraph, a section) again where it stands. The parser only notes what is
 * asked for, as an empty {@code embed} div with the label in {@code embed}; {@code transform.Embeds} puts the copy in
 * once the whole book is read (the label may be in a later page) and reports a label no block carries.
 */
final class Embed {
  /** The div kind, and the attribute holding the label asked for. */
  static final String KIND = "embed";

  private Embed() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of(KIND, Argument.REQUIRED, Body.NONE, Map.of("remove-input",
        OptionType.FLAG, "remove-output", OptionType.FLAG), (d, ctx) -> {
          String arg = d.argument().strip();
          // "#label", "label", or "page.ipynb#label" (the page part only says where the label lives)
          int hash = arg.lastIndexOf('#');
          String label = (hash >= 0 ? arg.substring(hash + 1) : arg).strip();
          Attr a = Attr.classes(KIND).with(KIND, label);
          if (d.flag("remove-input")) a = a.with("remove-input", "true");
          if (d.flag("remove-output")) a = a.with("remove-output", "true");
          return List.<Block>of(new Block.Div(d.pos(), a, List.of(), List.of()));
        }));
  }
}
