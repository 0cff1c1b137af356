package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * Directives of Sphinx extensions and mystmd whose web form paper cannot show, printed as something a reader can use:
 * <ul>
 *   <li>{@code versionadded}, {@code versionchanged}, {@code deprecated}, {@code versionremoved} (Sphinx): a Div of
 *       kind {@code versionmodified} ({@code type}, {@code version}) whose renderer runs the style's wording
 *       ("Added in version 2.1:") into the explanation, as Sphinx's LaTeX does;</li>
 *   <li>{@code mermaid} (sphinxcontrib-mermaid, mystmd), {@code graphviz}, {@code digraph}, {@code graph}: no
 *       renderer runs offline, so the diagram's source prints in a framed box of kind {@code diagram-source} titled
 *       with the language, inside a numbered figure when it has a {@code :caption:}, and a {@code diagram-not-drawn}
 *       warning says so;</li>
 *   <li>{@code youtube}, {@code vimeo} (sphinxcontrib-youtube) and {@code video} (sphinxcontrib-video, mystmd): the
 *       {@code iframe} placeholder (link and QR code) with {@code medium: video}, and a {@code print-omitted} note;</li>
 *   <li>{@code tab-set-code} (sphinx-design): each code block under its language as a tab; {@code card-carousel}: a
 *       grid; {@code hlist} (Sphinx): its list; {@code highlight} (Sphinx's default language for later literal
 *       blocks) and {@code footbibliography} (sphinxcontrib-bibtex; footnote citations print as footnotes at the page
 *       foot) have nothing to print and say so in a {@code print-omitted} note.</li>
 * </ul>
 */
final class WebOnly {
  static final List<String> VERSION_KINDS = List.of("versionadded", "versionchanged", "deprecated", "versionremoved");

  private WebOnly() {}

  static void register() {
    for (String kind : VERSION_KINDS) {
      DirectiveRegistry.register(DirectiveSpec.of(kind, Argument.REQUIRED, Body.MARKDOWN, Map.of(), WebOnly::version));
    }
    Map<String, OptionType> diagramOpts = Map.ofEntries(Map.entry("caption", OptionType.STRING),
        Map.entry("alt", OptionType.STRING), Map.entry("align", OptionType.STRING), Map.entry("zoom", OptionType.FLAG),
        Map.entry("config", OptionType.STRING), Map.entry("name", OptionType.STRING),
        Map.entry("label", OptionType.STRING), Map.entry("layout", OptionType.STRING),
        Map.entry("theme", OptionType.STRING), Map.entry("class", OptionType.STRING));
    for (String lang : List.of("mermaid", "graphviz", "digraph", "graph")) {
      DirectiveRegistry.register(DirectiveSpec.of(lang, Argument.OPTIONAL, Body.RAW, diagramOpts, WebOnly::diagram));
    }
    Map<String, OptionType> videoOpts = Map.ofEntries(Map.entry("width", OptionType.STRING),
        Map.entry("height", OptionType.STRING), Map.entry("align", OptionType.STRING),
        Map.entry("aspect", OptionType.STRING), Map.entry("autoplay", OptionType.FLAG),
        Map.entry("nocontrols", OptionType.FLAG), Map.entry("loop", OptionType.FLAG),
        Map.entry("muted", OptionType.FLAG), Map.entry("poster", OptionType.STRING),
        Map.entry("preload", OptionType.STRING), Map.entry("alt", OptionType.STRING),
        Map.entry("title", OptionType.STRING), Map.entry("url_parameters", OptionType.STRING),
        Map.entry("privacy_mode", OptionType.FLAG), Map.entry("caption", OptionType.STRING),
        Map.entry("figwidth", OptionType.STRING), Map.entry("playsinline", OptionType.FLAG),
        Map.entry("name", OptionType.STRING), Map.entry("label", OptionType.STRING),
        Map.entry("class", OptionType.STRING));
    DirectiveRegistry.register(DirectiveSpec.of("youtube", Argument.REQUIRED, Body.MARKDOWN, videoOpts,
        (d, ctx) -> video(d, ctx, "https://www.youtube.com/watch?v=")));
    DirectiveRegistry.register(DirectiveSpec.of("vimeo", Argument.REQUIRED, Body.MARKDOWN, videoOpts,
        (d, ctx) -> video(d, ctx, "https://vimeo.com/")));
    DirectiveRegistry.register(DirectiveSpec.of("video", Argument.REQUIRED, Body.MARKDOWN, videoOpts,
        (d, ctx) -> video(d, ctx, "")));
    DirectiveRegistry.register(DirectiveSpec.of("tab-set-code", Argument.NONE, Body.MARKDOWN,
        Map.of("class", OptionType.STRING, "sync-group", OptionType.STRING), WebOnly::tabSetCode));
    DirectiveRegistry.register(DirectiveSpec.of("card-carousel", Argument.OPTIONAL, Body.MARKDOWN,
        Map.of("class", OptionType.STRING), (d, ctx) -> List.of(new Block.Div(d.pos(), d.attr("grid"), List.of(),
            ctx.body(d)))));
    DirectiveRegistry.register(DirectiveSpec.of("hlist", Argument.NONE, Body.MARKDOWN,
        Map.of("columns", OptionType.INT), (d, ctx) -> {
          List<Block> body = ctx.body(d);
          if (body.isEmpty()) ctx.omit(d);
          return body;
        }));
    DirectiveRegistry.register(DirectiveSpec.of("highlight", Argument.REQUIRED, Body.NONE,
        Map.of("linenothreshold", OptionType.INT, "force", OptionType.FLAG), (d, ctx) -> {
          SphinxExtras.omitted(ctx, d, "{highlight} sets the language of later literal blocks for the web build;"
              + " nothing to print");
          return List.of();
        }));
    DirectiveRegistry.register(DirectiveSpec.of("footbibliography", Argument.NONE, Body.NONE, Map.of(), (d, ctx) -> {
      SphinxExtras.omitted(ctx, d, "{footbibliography} lists this page's footnote citations; print sets each one"
          + " as a footnote at the foot of its page");
      return List.of();
    }));
  }

  /** {@code versionadded:: 2.1 explanation}: the version is the argument's first word, the rest the explanation. */
  private static List<Block> version(Directive d, DirectiveContext ctx) {
    String arg = d.argument().strip();
    int space = arg.indexOf(' ');
    String version = space < 0 ? arg : arg.substring(0, space);
    String rest = space < 0 ? "" : arg.substring(space + 1).strip();
    List<Block> content = new ArrayList<>();
    if (!rest.isEmpty()) {
      SourcePos at = SourcePos.of(d.argPos().file(), d.argPos().line(), d.argPos().col() + arg.indexOf(rest));
      content.add(new Block.Para(at, ctx.inlines(rest, at), false));
    }
    content.addAll(ctx.body(d));
    String type = d.name().equals("deprecated") ? "deprecated" : d.name().substring("version".length());
    Attr a = d.attr("versionmodified").with("type", type).with("version", version);
    return List.of(new Block.Div(d.pos(), a, List.of(), content));
  }

  private static List<Block> diagram(Directive d, DirectiveContext ctx) {
    String lang = d.name().equals("mermaid") ? "mermaid" : "dot";
    String source = d.body();
    if (source.isBlank() && !d.argument().isBlank()) {
      // sphinxcontrib-mermaid and graphviz take a file name as the argument instead of a body
      String file = d.argument().strip();
      source = ctx.read(file, d.argPos()).map(DirectiveContext.Included::text).orElse(file);
    } else if (d.name().equals("digraph") || d.name().equals("graph")) {
      source = d.name() + " " + d.argument().strip() + " {\n" + source + "\n}";
    }
    ctx.diags().report(Diagnostic.warning("diagram-not-drawn", d.pos(), "{" + d.name() + "} diagrams are drawn by a"
        + " web renderer that print does not have; its source is printed in a box instead").withHint(
        "draw it once (mermaid-cli's mmdc, Graphviz's dot) and include the SVG with {figure}"));
    Block code = new Block.CodeBlock(d.bodyPos(), Attr.EMPTY, lang, source.stripTrailing());
    Block box = new Block.Div(d.pos(), Attr.classes("diagram-source").with("language", lang.equals("dot") ? "graphviz" : lang),
        List.of(), List.of(code));
    String caption = d.option("caption", d.option("alt", "")).strip();
    if (caption.isEmpty()) {
      String id = d.label();
      return List.of(id.isEmpty() ? box : new Block.Div(d.pos(), Attr.id(id).withClass("container"), List.of(), List.of(box)));
    }
    return List.of(new Block.Figure(d.pos(), Attr.id(d.label()), List.of(box), ctx.inlines(caption, d.pos())));
  }

  private static List<Block> video(Directive d, DirectiveContext ctx, String base) {
    String id = d.argument().strip();
    String src = base.isEmpty() || id.matches("(?i)https?://.*") ? id : base + id;
    ctx.diags().report(new Diagnostic("print-omitted", Severity.INFO, "{" + d.name() + "} plays in the online version;"
        + " print shows its link", d.pos(), ""));
    String title = d.option("title", d.option("caption", d.option("alt", "")));
    Attr a = d.attr("iframe").with("src", src).with("medium", "video");
    return List.of(new Block.Div(d.pos(), a, ctx.inlines(title, d.pos()), ctx.body(d)));
  }

  /** sphinx-design's {@code tab-set-code}: one tab per code block, labelled with the block's language. */
  private static List<Block> tabSetCode(Directive d, DirectiveContext ctx) {
    List<Block> tabs = new ArrayList<>();
    for (Block b : ctx.body(d)) {
      if (b instanceof Block.CodeBlock c && !c.language().isBlank()) {
        tabs.add(new Block.Div(c.pos(), Attr.classes("tab-item"), List.of(new Inline.Text(c.pos(), c.language())),
            List.of(c)));
      } else {
        tabs.add(b);
      }
    }
    return List.of(new Block.Div(d.pos(), d.attr("tab-set"), List.of(), tabs));
  }
}
