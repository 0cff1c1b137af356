package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * MyST-NB's glue directives: {@code glue} ({@code glue:}, {@code glue:any}) prints a glued output as its cell
 * would, {@code glue:figure} as a numbered figure with the body as caption, {@code glue:math} as display math (from
 * its LaTeX), {@code glue:md} as Markdown. Glued values come from the notebook's stored outputs (outputs whose metadata
 * names them under {@code scrapbook}); one not found gives {@code glue-missing} and a placeholder. The roles are in
 * {@code parse.role.GlueRoles}.
 */
final class Glue {
  private Glue() {}

  static void register() {
    Map<String, OptionType> fig = Map.of("figwidth", OptionType.STRING, "figclass", OptionType.CLASSES,
        "align", OptionType.STRING, "alt", OptionType.STRING, "width", OptionType.LENGTH, "height", OptionType.LENGTH,
        "scale", OptionType.STRING);
    for (String name : List.of("glue", "glue:", "glue:any")) {
      DirectiveRegistry.register(DirectiveSpec.of(name, Argument.REQUIRED, Body.NONE, fig, (d, ctx) ->
          lookup(d, ctx).map(g -> labelled(d, g.blocks())).orElseGet(() -> missing(d, ctx))));
    }
    DirectiveRegistry.register(DirectiveSpec.of("glue:figure", Argument.REQUIRED, Body.MARKDOWN, fig, (d, ctx) ->
        lookup(d, ctx).map(g -> {
          List<Inline> caption = new ArrayList<>();
          List<Block> legend = new ArrayList<>();
          for (Block b : ctx.body(d)) {
            if (caption.isEmpty() && b instanceof Block.Para p) caption.addAll(p.content());
            else legend.add(b);
          }
          List<Block> content = new ArrayList<>(g.blocks());
          if (!legend.isEmpty()) content.add(new Block.Div(d.pos(), Attr.classes("legend"), List.of(), legend));
          return List.<Block>of(new Block.Figure(d.pos(), Attr.id(d.label()), content, caption));
        }).orElseGet(() -> missing(d, ctx))));
    DirectiveRegistry.register(DirectiveSpec.of("glue:math", Argument.REQUIRED, Body.NONE,
        Map.of("nowrap", OptionType.FLAG), (d, ctx) -> lookup(d, ctx).map(g -> {
          String tex = g.latex().isEmpty() ? g.plain() : g.latex();
          return List.<Block>of(new Block.MathBlock(d.pos(), Attr.id(d.label()), tex));
        }).orElseGet(() -> missing(d, ctx))));
    DirectiveRegistry.register(DirectiveSpec.of("glue:md", Argument.REQUIRED, Body.NONE, Map.of("format", OptionType.STRING),
        (d, ctx) -> lookup(d, ctx).map(g -> ctx.blocks(g.markdown().isEmpty() ? g.plain() : g.markdown(), d.pos()))
            .orElseGet(() -> missing(d, ctx))));
  }

  private static Optional<Glued> lookup(Directive d, DirectiveContext ctx) {
    return ctx.glue(d.argument().strip());
  }

  private static List<Block> labelled(Directive d, List<Block> blocks) {
    if (d.label().isEmpty()) return blocks;
    return List.of(new Block.Div(d.pos(), d.attr("container"), List.of(), blocks));
  }

  private static List<Block> missing(Directive d, DirectiveContext ctx) {
    return List.of(missing(ctx.diags(), d.pos(), d.argument().strip()));
  }

  /** The diagnostic and placeholder for a glue key no stored output carries. */
  public static Block missing(Diagnostics diags, SourcePos pos, String key) {
    diags.report(org.bookbuild.diag.Diagnostic.warning("glue-missing", pos, "no stored notebook output is glued as '"
        + key + "'").withHint("run the notebook with its glue() calls and save it with outputs"));
    return new Block.Problem(pos, "glued output '" + key + "' not found", key);
  }
}
