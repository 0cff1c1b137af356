package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * {@code figure} and {@code image}. A figure is a {@link Block.Figure} holding one paragraph with the
 * {@link Inline.Image} (path from the argument; {@code :width:}, {@code :height:}, {@code :scale:}, {@code :align:},
 * {@code :alt:} on the image's attributes), its caption the body's first paragraph and its legend the rest (a Div of
 * kind {@code legend}, printed after the caption). An image is a paragraph holding the image alone.
 */
final class Figures {
  static final Map<String, OptionType> OPTIONS = Map.ofEntries(Map.entry("width", OptionType.LENGTH),
      Map.entry("height", OptionType.LENGTH), Map.entry("scale", OptionType.STRING),
      Map.entry("align", OptionType.STRING), Map.entry("alt", OptionType.STRING),
      Map.entry("figwidth", OptionType.LENGTH), Map.entry("figclass", OptionType.CLASSES),
      Map.entry("target", OptionType.STRING), Map.entry("placeholder", OptionType.STRING),
      Map.entry("title", OptionType.STRING), Map.entry("no-caption", OptionType.FLAG));

  private Figures() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("figure", Argument.OPTIONAL, Body.MARKDOWN, OPTIONS, Figures::figure));
    // myst-parser's {figure-md} label: the body is the picture (a Markdown image or an HTML <img>) and then the caption
    DirectiveRegistry.register(DirectiveSpec.of("figure-md", Argument.OPTIONAL, Body.MARKDOWN, OPTIONS, (d, ctx) -> {
      Map<String, String> opts = new java.util.LinkedHashMap<>(d.options());
      if (!d.argument().isBlank() && d.label().isEmpty()) opts.put("name", d.argument().trim());
      return figure(new Directive(d.name(), "", opts, d.body(), d.pos(), d.argPos(), d.bodyPos()), ctx);
    }));
    // sphinx-subfigure's {subfigure} AB|CD (a grid of images: each letter an area, rows apart by |, :layout-sm: and the
    // like for other screen widths) and a {subfigure} written as a figure of its own (nested in a figure, or holding
    // several images): a figure whose pictures transform.SubFigures letters; the layout's row width is kept as
    // "columns" for the FO writer's rows
    Map<String, OptionType> sub = new java.util.HashMap<>(OPTIONS);
    for (String k : List.of("layout-sm", "layout-md", "layout-lg", "layout-xl", "layout-xxl", "gap", "subcaptions",
        "class-grid", "class-area")) {
      sub.put(k, OptionType.STRING);
    }
    DirectiveRegistry.register(DirectiveSpec.of("subfigure", Argument.OPTIONAL, Body.MARKDOWN, sub, (d, ctx) -> {
      String arg = d.argument().strip();
      boolean layout = arg.matches("[A-Za-z.]+(\\s*\\|\\s*[A-Za-z.]+)*") && (arg.contains("|") || !arg.contains("."));
      String grid = layout ? arg : "";
      for (String k : List.of("layout-lg", "layout-xl", "layout-xxl", "layout-md", "layout-sm")) {
        if (grid.isEmpty() && d.option(k) != null) grid = d.option(k).strip();
      }
      Directive fig = layout ? new Directive(d.name(), "", d.options(), d.body(), d.pos(), d.argPos(), d.bodyPos()) : d;
      List<Block> out = figure(fig, ctx);
      int columns = columns(grid);
      // :subcaptions: above puts each "(a) caption" over its picture (below is sphinx-subfigure's default)
      boolean above = "above".equalsIgnoreCase(d.option("subcaptions", "").strip());
      if ((columns > 0 || above) && out.size() == 1 && out.get(0) instanceof Block.Figure f) {
        Attr a = columns > 0 ? f.attr().with("columns", String.valueOf(columns)) : f.attr();
        if (above) a = a.with("subcaptions", "above");
        return List.of(new Block.Figure(f.pos(), a, f.content(), f.caption()));
      }
      return out;
    }));
    DirectiveRegistry.register(DirectiveSpec.of("image", Argument.REQUIRED, Body.NONE, OPTIONS, (d, ctx) -> {
      Attr a = imageAttr(d);
      Inline.Image im = new Inline.Image(d.argPos(), a.withId(""), d.argument().trim(), alt(d));
      List<Inline> content = List.of(im);
      if (!d.label().isEmpty()) content = List.of(new Inline.Anchor(d.pos(), d.label()), im);
      return List.of(new Block.Para(d.pos(), content));
    }));
  }

  /** The widest row of a sphinx-subfigure layout ("AB|CD"): its distinct areas, a "." an empty cell; 0 for none. */
  static int columns(String grid) {
    int most = 0;
    for (String row : grid.split("\\|")) {
      int n = (int) row.strip().chars().distinct().count();
      most = Math.max(most, n);
    }
    return most;
  }

  static Attr imageAttr(Directive d) {
    Attr a = Attr.EMPTY;
    for (String k : List.of("width", "height", "scale", "align")) {
      String v = d.option(k);
      if (v != null && !v.isBlank()) a = a.with(k, v.trim());
    }
    return a;
  }

  private static List<Inline> alt(Directive d) {
    String alt = d.option("alt");
    return alt == null || alt.isBlank() ? List.of() : List.of(new Inline.Text(d.pos(), alt.trim()));
  }

  private static List<Block> figure(Directive d, DirectiveContext ctx) {
    List<Block> body = new ArrayList<>(ctx.body(d));
    List<Block> content = new ArrayList<>();
    if (d.argument().strip().startsWith("#")) {
      // mystmd's {figure} #label: the figure shows the labelled block (a notebook cell's output), transform.Embeds
      String label = d.argument().strip().substring(1).strip();
      content.add(new Block.Div(d.argPos(), Attr.classes(Embed.KIND).with(Embed.KIND, label).with("remove-input", "true")
          .with("in-figure", "true"), List.of(), List.of()));
    } else if (!d.argument().isEmpty()) {
      content.add(new Block.Para(d.argPos(), List.of(new Inline.Image(d.argPos(), imageAttr(d), d.argument().trim(),
          alt(d)))));
    } else {
      // A figure without a path holds its pictures (or a plot, a table …) in the body; the caption is the last
      // paragraph after them.
      int cap = body.size() - 1;
      if (cap > 0 && body.get(cap) instanceof Block.Para) {
        content.addAll(body.subList(0, cap));
        body = new ArrayList<>(body.subList(cap, body.size()));
      } else {
        content.addAll(body);
        body = new ArrayList<>();
      }
    }
    List<Inline> caption = List.of();
    if (!body.isEmpty() && body.get(0) instanceof Block.Para p) {
      caption = p.content();
      body.remove(0);
    }
    if (!body.isEmpty()) content.add(new Block.Div(d.pos(), Attr.classes("legend"), List.of(), body));
    Attr a = d.attr("figure").withId(d.label());
    a = new Attr(a.id(), a.classes().subList(1, a.classes().size()), Map.of());
    String align = d.option("align");
    if (align != null) a = a.with("align", align.trim());
    String fw = d.option("figwidth");
    if (fw != null) a = a.with("figwidth", fw.trim());
    return List.of(new Block.Figure(d.pos(), a, content, caption));
  }
}
