package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * {@code math}: display math with {@code :label:} (or {@code :name:}) as its id; the TeX (argument and body) goes to
 * the math stage untouched. {@code :nowrap:} and {@code :enumerated: false} are kept as attributes.
 */
final class MathDirective {
  private MathDirective() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("math", Argument.OPTIONAL, Body.RAW,
        Map.of("nowrap", OptionType.FLAG, "enumerated", OptionType.STRING), (d, ctx) -> {
          String tex = (d.argument() + "\n" + d.body()).strip();
          Attr a = Attr.id(d.label());
          if ("false".equals(d.option("enumerated", "").trim())) a = a.withClass("unnumbered");
          return List.of(new Block.MathBlock(d.pos(), a, tex));
        }));
  }
}
