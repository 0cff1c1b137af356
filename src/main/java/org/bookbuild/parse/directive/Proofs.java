package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * sphinx-proof's {@code prf:*} directives: theorem-like blocks as Divs of kind {@code prf:<name>}, titled by the
 * argument, labelled by {@code :label:}, unnumbered with {@code :nonumber:}. Which kinds share a counter is decided in
 * {@code transform.DivKinds}.
 */
final class Proofs {
  static final List<String> KINDS = List.of("theorem", "lemma", "definition", "corollary", "proposition", "example",
      "remark", "proof", "algorithm", "axiom", "conjecture", "criterion", "observation", "property", "assumption",
      "notation");

  private Proofs() {}

  static void register() {
    for (String k : KINDS) {
      String kind = "prf:" + k;
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.OPTIONAL, Body.MARKDOWN,
          Map.of("nonumber", OptionType.FLAG, "enumerated", OptionType.STRING), (d, ctx) -> {
            Attr a = d.attr(kind);
            if (d.flag("nonumber") || Directive.notEnumerated(d)) a = a.withClass("unnumbered");
            return List.of(new Block.Div(d.pos(), a, ctx.inlines(d.argument(), d.argPos()), ctx.body(d)));
          }, "proof:" + k)); // mystmd's spelling of the same directives
    }
  }
}
