package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;

/**
 * {@code {only} EXPRESSION}: content for some builds only, as in Sphinx. The argument is a tag expression
 * ({@code instructor}, {@code latex or pdf}, {@code not student}); it is kept as the {@code expr} attribute and
 * evaluated against the build's tags by {@code edition.SelectContent}, which keeps or drops the body.
 */
final class Only {
  private Only() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("only", Argument.REQUIRED, Body.MARKDOWN, Map.of(), (d, ctx) ->
        List.of(new Block.Div(d.pos(), d.attr("only").with("expr", d.argument()), List.of(), ctx.body(d)))));
  }
}
