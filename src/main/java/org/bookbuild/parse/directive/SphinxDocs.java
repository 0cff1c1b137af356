package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * Directives of Sphinx-built documentation and course books written in reStructuredText (or MyST), printed as
 * Sphinx's LaTeX prints them. API descriptions written by hand ({@code function}, {@code py:class}, {@code c:macro} …)
 * print their signature in code type and their body under it (kind {@code desc}); autodoc's {@code automodule} family
 * is generated from the Python code, which print does not run: {@code autodoc-not-run} and a placeholder. Doctest
 * blocks ({@code doctest}, {@code testcode}, {@code testoutput}) and {@code productionlist} print as literal blocks;
 * {@code compound} prints its content; {@code ifconfig} its content with a note that its condition was not evaluated.
 * What only steers the web or LaTeX build ({@code meta}, {@code sectnum}, {@code tabularcolumns}, {@code header},
 * {@code footer}, {@code currentmodule}, {@code testsetup}, {@code testcleanup}, {@code todo} and {@code todolist} as
 * Sphinx's default leaves them out, rST's {@code role} definitions) is left out with a {@code print-omitted} note.
 */
final class SphinxDocs {
  private SphinxDocs() {}

  private static final List<String> DESC = List.of("function", "class", "method", "attribute", "data", "exception",
      "staticmethod", "classmethod", "decorator", "property", "macro", "struct", "member", "type", "var",
      "enum", "enumerator", "union", "describe", "object", "option", "envvar", "program");
  private static final List<String> DOMAINS = List.of("py", "c", "cpp", "js", "std", "rst");
  private static final List<String> AUTODOC = List.of("automodule", "autoclass", "autofunction", "automethod",
      "autoattribute", "autodata", "autoexception", "autosummary", "autoproperty", "autodecorator", "autoprogram",
      "autoclasstoc", "automodsumm", "automodapi");

  static void register() {
    Map<String, OptionType> any = Map.of("noindex", OptionType.FLAG, "no-index", OptionType.FLAG, "module",
        OptionType.STRING, "synopsis", OptionType.STRING, "platform", OptionType.STRING, "deprecated", OptionType.FLAG,
        "type", OptionType.STRING, "value", OptionType.STRING, "canonical", OptionType.STRING, "async", OptionType.FLAG);
    for (String d : DESC) {
      List<String> names = new ArrayList<>(List.of(d));
      for (String dom : DOMAINS) names.add(dom + ":" + d);
      for (String n : names) {
        if (DirectiveRegistry.get(n) != null) continue;
        DirectiveRegistry.register(DirectiveSpec.of(n, Argument.OPTIONAL, Body.MARKDOWN, any, SphinxDocs::desc));
      }
    }
    for (String n : List.of("currentmodule", "py:currentmodule", "module", "py:module")) {
      DirectiveRegistry.register(DirectiveSpec.of(n, Argument.OPTIONAL, Body.NONE, Map.of("synopsis", OptionType.STRING,
          "platform", OptionType.STRING, "deprecated", OptionType.FLAG, "noindex", OptionType.FLAG), (d, ctx) -> {
        SphinxExtras.omitted(ctx, d, "{" + d.name() + "} only names the module later API descriptions belong to (an index entry on the web)");
        return List.of();
      }));
    }
    Map<String, OptionType> autoOpts = new java.util.HashMap<>();
    for (String k : List.of("members", "undoc-members", "private-members", "special-members", "inherited-members",
        "show-inheritance", "member-order", "exclude-members", "imported-members", "ignore-module-all", "noindex",
        "no-index", "toctree", "template", "recursive", "nosignatures", "synopsis", "platform", "deprecated",
        "class-doc-from", "no-value", "annotation", "module")) {
      autoOpts.put(k, OptionType.STRING);
    }
    for (String n : AUTODOC) {
      DirectiveRegistry.register(DirectiveSpec.of(n, Argument.OPTIONAL, Body.RAW, autoOpts, (d, ctx) -> {
        ctx.diags().report(Diagnostic.warning("autodoc-not-run", d.pos(), "{" + d.name() + "} " + d.argument().strip()
            + ": Sphinx's autodoc writes this documentation from the Python code, which print does not import")
            .withHint("write the description in the page ({py:function} with its signature and text), or leave it"
                + " to the web version"));
        String what = (d.name() + " " + d.argument().strip()).strip();
        return List.of(new Block.Problem(d.pos(), "API documentation generated from the code (" + what + ")",
            ".. " + d.name() + ":: " + d.argument().strip() + (d.body().isBlank() ? "" : "\n" + d.body())));
      }));
    }
    DirectiveRegistry.register(DirectiveSpec.of("compound", Argument.NONE, Body.MARKDOWN, Map.of(), (d, ctx) -> {
      List<Block> body = ctx.body(d);
      return List.of(new Block.Div(d.pos(), d.attr("container"), List.of(), body));
    }));
    DirectiveRegistry.register(DirectiveSpec.of("ifconfig", Argument.REQUIRED, Body.MARKDOWN, Map.of(), (d, ctx) -> {
      ctx.diags().report(new Diagnostic("print-omitted", Severity.INFO, "{ifconfig} " + d.argument().strip()
          + ": the condition on Sphinx's configuration is not evaluated; the content is printed", d.pos(), ""));
      return List.of(new Block.Div(d.pos(), d.attr("container"), List.of(), ctx.body(d)));
    }));
    // its lines are productions (Sphinx reads them as its argument); taking none keeps them as lines of the body
    DirectiveRegistry.register(DirectiveSpec.of("productionlist", Argument.NONE, Body.RAW, Map.of(), (d, ctx) ->
        List.of(new Block.CodeBlock(d.pos(), Attr.id(d.label()), "", d.body().strip()))));
    Map<String, OptionType> testOpts = Map.of("hide", OptionType.FLAG, "options", OptionType.STRING, "pyversion",
        OptionType.STRING, "skipif", OptionType.STRING, "trim-doctest-flags", OptionType.FLAG,
        "no-trim-doctest-flags", OptionType.FLAG);
    for (String[] t : new String[][] {{"doctest", "pycon"}, {"testcode", "python"}, {"testoutput", ""}}) {
      DirectiveRegistry.register(DirectiveSpec.of(t[0], Argument.OPTIONAL, Body.RAW, testOpts, (d, ctx) -> {
        if (d.flag("hide")) {
          SphinxExtras.omitted(ctx, d, "{" + d.name() + "} with :hide: is run by the doctest builder, not shown");
          return List.of();
        }
        if (d.body().isBlank()) {
          ctx.omit(d);
          return List.of();
        }
        return List.of(new Block.CodeBlock(d.pos(), Attr.id(d.label()), t[1], d.body().stripTrailing()));
      }));
    }
    omit("meta", Argument.NONE, Body.RAW, "{meta} is HTML metadata for the web page");
    omit("sectnum", Argument.NONE, Body.NONE, "{sectnum}: the book numbers its sections itself");
    omit("section-numbering", Argument.NONE, Body.NONE, "{section-numbering}: the book numbers its sections itself");
    omit("tabularcolumns", Argument.REQUIRED, Body.NONE, "{tabularcolumns} steers Sphinx's LaTeX tables; the book"
        + " sets its tables itself");
    omit("header", Argument.OPTIONAL, Body.RAW, "{header} is page furniture of docutils' writers; the book's running"
        + " heads are its own");
    omit("footer", Argument.OPTIONAL, Body.RAW, "{footer} is page furniture of docutils' writers; the book's running"
        + " heads are its own");
    omit("testsetup", Argument.OPTIONAL, Body.RAW, "{testsetup} is run by the doctest builder and never shown");
    omit("testcleanup", Argument.OPTIONAL, Body.RAW, "{testcleanup} is run by the doctest builder and never shown");
    omit("todo", Argument.OPTIONAL, Body.RAW, "{todo}: Sphinx leaves to-do notes out unless todo_include_todos is set");
    omit("todolist", Argument.NONE, Body.NONE, "{todolist}: Sphinx leaves to-do notes out unless todo_include_todos is"
        + " set");
    omit("role", Argument.REQUIRED, Body.NONE, "a role definition for the web's styling; text in that role prints as"
        + " plain text");
  }

  private static void omit(String name, Argument arg, Body body, String why) {
    Map<String, OptionType> opts = Map.of("description", OptionType.STRING, "keywords", OptionType.STRING,
        "class", OptionType.STRING, "language", OptionType.STRING);
    DirectiveRegistry.register(DirectiveSpec.of(name, arg, body, opts, (d, ctx) -> {
      SphinxExtras.omitted(ctx, d, why);
      return List.of();
    }));
  }

  /** A hand-written API description: its signature in code type as the title, then its text. */
  private static List<Block> desc(Directive d, DirectiveContext ctx) {
    String sig = d.argument().strip();
    List<Inline> title = sig.isEmpty() ? List.of() : List.of(new Inline.Code(d.argPos(), sig));
    List<Block> body = ctx.body(d);
    if (title.isEmpty() && body.isEmpty()) {
      ctx.omit(d);
      return List.of();
    }
    return List.of(new Block.Div(d.pos(), d.attr("desc"), title, body));
  }
}
