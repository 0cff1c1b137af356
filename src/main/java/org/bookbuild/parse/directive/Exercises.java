package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * {@code exercise} and {@code solution} (sphinx-exercise's syntax), and their gated forms {@code exercise-start} /
 * {@code exercise-end}, {@code solution-start} / {@code solution-end}. An exercise is a Div of kind {@code exercise}
 * titled by its argument; a solution is a Div of kind {@code solution} whose {@code for} attribute names the
 * exercise's label (its argument). Numbering, placement and the links between the two are transforms.
 */
final class Exercises {
  private static final Map<String, OptionType> OPTIONS = Map.of("nonumber", OptionType.FLAG, "hidden",
      OptionType.FLAG, "enumerated", OptionType.STRING);

  private Exercises() {}

  static void register() {
    for (String kind : List.of("exercise", "exercise-start")) {
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.OPTIONAL, Body.MARKDOWN, OPTIONS,
          (d, ctx) -> List.of(new Block.Div(d.pos(), attr(d, kind), ctx.inlines(d.argument(), d.argPos()),
              ctx.body(d)))));
    }
    for (String kind : List.of("solution", "solution-start")) {
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.REQUIRED, Body.MARKDOWN, OPTIONS,
          (d, ctx) -> List.of(new Block.Div(d.pos(), attr(d, kind).with("for", d.argument().trim()), List.of(),
              ctx.body(d)))));
    }
    for (String kind : List.of("exercise-end", "solution-end")) {
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.NONE, Body.NONE, Map.of(),
          (d, ctx) -> List.of(new Block.Div(d.pos(), Attr.classes(kind), List.of(), List.of()))));
    }
  }

  private static Attr attr(Directive d, String kind) {
    Attr a = d.attr(kind);
    if (d.flag("nonumber") || Directive.notEnumerated(d)) a = a.withClass("unnumbered");
    if (d.flag("hidden")) a = a.withClass("hidden");
    return a;
  }
}
