package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * Things made for screens, printed flat: {@code tab-set}/{@code tab-item} (every tab in turn under its label),
 * {@code card} (with {@code ^^^} header and {@code +++} footer, or {@code :header:}/{@code :footer:} options), {@code grid}/{@code grid-item}/
 * {@code grid-item-card}, {@code sidebar}, {@code margin}, {@code topic}, {@code epigraph}, {@code pull-quote},
 * {@code highlights}, {@code div}, {@code rubric}. Each is a Div of its own kind.
 */
final class Layout {
  private static final Map<String, OptionType> CARD = Map.ofEntries(Map.entry("link", OptionType.STRING),
      Map.entry("link-type", OptionType.STRING), Map.entry("header", OptionType.STRING),
      Map.entry("footer", OptionType.STRING), Map.entry("img-top", OptionType.STRING),
      Map.entry("img-bottom", OptionType.STRING), Map.entry("img-background", OptionType.STRING),
      Map.entry("img-alt", OptionType.STRING), Map.entry("shadow", OptionType.STRING),
      Map.entry("class-card", OptionType.CLASSES), Map.entry("class-header", OptionType.CLASSES),
      Map.entry("class-body", OptionType.CLASSES), Map.entry("class-footer", OptionType.CLASSES),
      Map.entry("columns", OptionType.STRING), Map.entry("text-align", OptionType.STRING),
      Map.entry("width", OptionType.LENGTH), Map.entry("margin", OptionType.STRING),
      Map.entry("padding", OptionType.STRING), Map.entry("child-direction", OptionType.STRING),
      Map.entry("child-align", OptionType.STRING), Map.entry("gutter", OptionType.STRING),
      Map.entry("outline", OptionType.FLAG), Map.entry("sync", OptionType.STRING),
      Map.entry("sync-group", OptionType.STRING), Map.entry("selected", OptionType.FLAG));

  private Layout() {}

  static void register() {
    for (String kind : List.of("grid", "tab-item", "sidebar", "margin", "topic", "div", "epigraph", "pull-quote",
        "highlights", "aside", "container")) {
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.OPTIONAL, Body.MARKDOWN, CARD, Layout::titled));
    }
    // sphinx-design's tab-set and grid-item take no argument: words on their fence line are reported, not dropped
    for (String kind : List.of("tab-set", "grid-item")) {
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.NONE, Body.MARKDOWN, CARD, Layout::titled));
    }
    for (String kind : List.of("card", "grid-item-card")) {
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.OPTIONAL, Body.RAW, CARD, Layout::card));
    }
    // mystmd's {myst}: MyST source shown with what it makes; print sets the source as a listing and its rendering under
    // it, in one frame
    DirectiveRegistry.register(DirectiveSpec.of("myst", Argument.NONE, Body.RAW, Map.of("numbering",
        OptionType.STRING), (d, ctx) -> {
      String src = d.body().stripTrailing();
      List<Block> shown = new ArrayList<>();
      shown.add(new Block.CodeBlock(d.bodyPos(), Attr.classes("myst-source"), "markdown", src));
      shown.add(new Block.Div(d.bodyPos(), Attr.classes("myst-result"), List.of(), ctx.blocks(d.body(), d.bodyPos())));
      return List.of(new Block.Div(d.pos(), d.attr("myst-demo"), List.of(), shown));
    }));
    // {output}: an output written out in the page; printed as a notebook's text output is
    DirectiveRegistry.register(DirectiveSpec.of("output", Argument.OPTIONAL, Body.RAW, Map.of(), (d, ctx) -> {
      String text = d.body().stripTrailing();
      if (text.isBlank()) {
        ctx.omit(d);
        return List.of();
      }
      Attr a = d.attr("output").withId(d.label()).withClass("plain");
      return List.of(new Block.CodeBlock(d.pos(), a, "", text));
    }));
    DirectiveRegistry.register(DirectiveSpec.of("rubric", Argument.REQUIRED, Body.NONE, Map.of(), (d, ctx) ->
        List.of(new Block.Div(d.pos(), d.attr("rubric"), ctx.inlines(d.argument(), d.argPos()), List.of()))));
  }

  /** A Div titled by the argument ({@code grid} takes a column spec instead, kept as {@code columns}). */
  private static List<Block> titled(Directive d, DirectiveContext ctx) {
    String kind = d.name();
    if (kind.equals("grid")) {
      Attr a = d.attr(kind);
      if (!d.argument().isEmpty()) a = a.with("columns", d.argument());
      return List.of(new Block.Div(d.pos(), a, List.of(), ctx.body(d)));
    }
    if ((kind.equals("div") || kind.equals("container")) && !d.argument().isBlank()) {
      // docutils' container and myst-parser's div read their argument as class names, which style the web page: the
      // words go on the block as classes (an edition's tag among them still selects it) and a note says so
      Attr a = d.attr(kind);
      List<String> names = new ArrayList<>();
      for (String c : d.argument().strip().split("\\s+")) {
        a = a.withClass(c);
        names.add(c);
      }
      ctx.diags().report(new org.bookbuild.diag.Diagnostic("directive-argument-classes",
          org.bookbuild.diag.Severity.INFO, "{" + kind + "} reads its argument as class names for the web page's"
          + " styles (" + String.join(", ", names) + "); print does not show them", d.argPos(),
          "to print the words, put them in the body"));
      return List.of(new Block.Div(d.pos(), a, List.of(), ctx.body(d)));
    }
    return List.of(new Block.Div(d.pos(), d.attr(kind), ctx.inlines(d.argument(), d.argPos()), ctx.body(d)));
  }

  /** A card: the body split into header ({@code ^^^} after it), main part and footer ({@code +++} before it). */
  static List<Block> card(Directive d, DirectiveContext ctx) {
    String[] lines = d.body().split("\n", -1);
    int header = -1;
    int footer = lines.length;
    for (int i = 0; i < lines.length; i++) {
      if (header < 0 && lines[i].strip().matches("\\^{3,}")) header = i;
      if (lines[i].strip().matches("\\+{3,}")) footer = i;
    }
    List<Block> content = new ArrayList<>();
    int line = d.bodyPos().line();
    if (header >= 0) ctx.consumed(at(d, line + header));
    if (footer < lines.length) ctx.consumed(at(d, line + footer));
    if (header >= 0) {
      content.add(new Block.Div(d.pos(), Attr.classes("card-header"), List.of(),
          ctx.blocks(join(lines, 0, header), at(d, line))));
    }
    int from = header + 1;
    content.addAll(ctx.blocks(join(lines, from, footer), at(d, line + from)));
    if (footer < lines.length) {
      content.add(new Block.Div(d.pos(), Attr.classes("card-footer"), List.of(),
          ctx.blocks(join(lines, footer + 1, lines.length), at(d, line + footer + 1))));
    }
    // mystmd's and sphinx-design's :header: and :footer: options print as the card's header and footer
    String head = d.option("header");
    if (head != null && !head.isBlank()) {
      content.add(0, new Block.Div(d.pos(), Attr.classes("card-header"), List.of(),
          List.of(new Block.Plain(d.pos(), ctx.inlines(head.strip(), d.pos())))));
    }
    String foot = d.option("footer");
    if (foot != null && !foot.isBlank()) {
      content.add(new Block.Div(d.pos(), Attr.classes("card-footer"), List.of(),
          List.of(new Block.Plain(d.pos(), ctx.inlines(foot.strip(), d.pos())))));
    }
    // sphinx-design's card images: above the header, behind the text (printed above it), below the footer
    for (String opt : List.of("img-background", "img-top", "img-bottom")) {
      String src = d.option(opt);
      if (src == null || src.isBlank()) continue;
      String alt = d.option("img-alt", "");
      Block image = new Block.Div(d.pos(), Attr.classes("card-image").with("place", opt.equals("img-bottom") ? "bottom"
          : "top"), List.of(), List.of(new Block.Para(d.pos(), List.of(new Inline.Image(d.pos(), Attr.EMPTY, src.strip(),
          alt.isBlank() ? List.of() : List.of(new Inline.Text(d.pos(), alt.strip())))))));
      if (opt.equals("img-bottom")) content.add(image);
      else content.add(0, image);
    }
    Attr a = d.attr(d.name());
    String link = d.option("link");
    if (link != null) a = a.with("link", link.trim());
    return List.of(new Block.Div(d.pos(), a, ctx.inlines(d.argument(), d.argPos()), content));
  }

  private static SourcePos at(Directive d, int line) {
    return SourcePos.of(d.bodyPos().file(), line, 1);
  }

  private static String join(String[] lines, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, from); i < to && i < lines.length; i++) sb.append(lines[i]).append('\n');
    return sb.toString();
  }
}
