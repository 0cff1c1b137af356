package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Directives of the Sphinx extensions Jupyter Book and MyST-NB books use, printed as print can ({@code only} is in
 * {@link Only}, evaluated by the editions stage): {@code raw} (LaTeX math typeset, other formats left out
 * with a note), {@code toggle} (sphinx-togglebutton: its content, shown), {@code panels} (sphinx-panels: a grid of
 * cards, one per {@code ---}-separated panel), {@code tabbed} (sphinx-panels tabs), {@code button}, {@code button-link},
 * {@code button-ref}, {@code link-button} (the button's text as a link or reference), {@code nb-exec-table} (web-only:
 * a note, nothing printed), {@code toctree} (the web build's page list: a note, nothing printed; the book's
 * pages come from its toc), {@code eval-rst} (the body read as reStructuredText by {@code parse.rst}). What is left out on purpose is said in a {@code print-omitted} info note.
 */
final class SphinxExtras {
  private static final Pattern SEPARATOR = Pattern.compile("^-{3,}\\s*$");
  private static final Pattern OPTION_LINE = Pattern.compile("^:([A-Za-z0-9_.\\-]+):(.*)$");
  private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,}|:{3,})(.*)$");

  private SphinxExtras() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("raw", Argument.REQUIRED, Body.RAW, Map.of("file", OptionType.STRING,
        "url", OptionType.STRING, "encoding", OptionType.STRING), SphinxExtras::raw));
    DirectiveRegistry.register(DirectiveSpec.of("toggle", Argument.OPTIONAL, Body.MARKDOWN,
        Map.of("show", OptionType.FLAG), (d, ctx) -> {
          Attr a = d.attr("container").withClass("toggle");
          List<Inline> title = ctx.inlines(d.argument(), d.argPos());
          return List.of(title.isEmpty() ? new Block.Div(d.pos(), a, List.of(), ctx.body(d))
              : new Block.Div(d.pos(), d.attr("dropdown"), title, ctx.body(d)));
        }));
    Map<String, OptionType> panelOpts = new HashMap<>();
    for (String k : List.of("container", "column", "card", "body", "header", "footer", "img-top-cls", "img-bottom-cls")) {
      panelOpts.put(k, OptionType.STRING);
    }
    DirectiveRegistry.register(DirectiveSpec.of("panels", Argument.NONE, Body.RAW, panelOpts, SphinxExtras::panels));
    DirectiveRegistry.register(DirectiveSpec.of("tabbed", Argument.REQUIRED, Body.MARKDOWN,
        Map.of("selected", OptionType.FLAG, "new-group", OptionType.FLAG, "class-label", OptionType.CLASSES,
            "class-content", OptionType.CLASSES),
        (d, ctx) -> List.of(new Block.Div(d.pos(), d.attr("tab-item"), ctx.inlines(d.argument(), d.argPos()), ctx.body(d)))));
    Map<String, OptionType> buttonOpts = new HashMap<>();
    for (String k : List.of("text", "type", "ref-type", "color", "outline", "align", "expand", "click-parent",
        "tooltip", "shadow", "classes")) {
      buttonOpts.put(k, OptionType.STRING);
    }
    for (String name : List.of("button", "button-link", "button-ref", "link-button")) {
      DirectiveRegistry.register(DirectiveSpec.of(name, Argument.REQUIRED, Body.MARKDOWN, buttonOpts, SphinxExtras::button));
    }
    // jupyter-sphinx runs {jupyter-execute} cells while Sphinx builds the web pages; print has no kernel: the code
    // (unless :hide-code:) as a code cell, and an execute-not-run warning for the output it does not have
    Map<String, OptionType> execOpts = new HashMap<>();
    for (String k : List.of("hide-code", "hide-output", "code-below", "linenos", "raises", "stderr")) {
      execOpts.put(k, OptionType.FLAG);
    }
    execOpts.put("lineno-start", OptionType.INT);
    execOpts.put("emphasize-lines", OptionType.STRING);
    DirectiveRegistry.register(DirectiveSpec.of("jupyter-execute", Argument.OPTIONAL, Body.RAW, execOpts, (d, ctx) -> {
      notRun(ctx, d, "{jupyter-execute} is run by jupyter-sphinx when the web pages are built; print runs no code, so"
          + " its output is not shown" + (d.flag("hide-code") ? " (and :hide-code: hides the code)" : ""));
      if (d.flag("hide-code") || d.body().isBlank()) {
        ctx.omit(d);
        return List.of();
      }
      return List.of(Code.codeBlock(d, d.argument().isBlank() ? "python" : d.argument(), d.body(), "code-cell"));
    }));
    DirectiveRegistry.register(DirectiveSpec.of("jupyter-kernel", Argument.OPTIONAL, Body.NONE,
        Map.of("id", OptionType.STRING), (d, ctx) -> {
          omitted(ctx, d, "{jupyter-kernel} chooses the kernel jupyter-sphinx runs code in; print runs none");
          return List.of();
        }));
    DirectiveRegistry.register(DirectiveSpec.of("thebe-button", Argument.OPTIONAL, Body.NONE, Map.of(), (d, ctx) -> {
      omitted(ctx, d, "{thebe-button} is a web page's button that starts a live kernel; print has nothing to press");
      return List.of();
    }));
    DirectiveRegistry.register(DirectiveSpec.of("toctree", Argument.NONE, Body.RAW, Map.of("maxdepth", OptionType.INT,
        "caption", OptionType.STRING, "hidden", OptionType.FLAG, "numbered", OptionType.STRING, "titlesonly",
        OptionType.FLAG, "glob", OptionType.FLAG, "reversed", OptionType.FLAG, "includehidden", OptionType.FLAG,
        "name", OptionType.STRING), (d, ctx) -> {
          omitted(ctx, d, "{toctree} lists pages for the web build; the book's pages come from its toc");
          return List.of();
        }));
    // MyST's eval-rst: the body is reStructuredText, read by the rST chapter reader with positions in this file
    DirectiveRegistry.register(DirectiveSpec.of("eval-rst", Argument.NONE, Body.RAW, Map.of(), (d, ctx) -> {
      List<Block> out = ctx.rstBody(d);
      if (out.isEmpty()) ctx.omit(d); // only comments or targets: nothing to print, nothing lost
      return out;
    }));
    // docutils/Sphinx text blocks: Sphinx's LaTeX prints centered as a bold centred line, a line block with its line
    // breaks and indentation, a parsed literal as a literal block whose inline markup is read
    DirectiveRegistry.register(DirectiveSpec.of("centered", Argument.REQUIRED, Body.NONE, Map.of(), (d, ctx) ->
        List.of(new Block.Div(d.pos(), d.attr("center"), List.of(), List.of(new Block.Para(d.argPos(),
            List.of(new Inline.Styled(d.argPos(), "strong", ctx.inlines(d.argument().strip(), d.argPos())))))))));
    DirectiveRegistry.register(DirectiveSpec.of("line-block", Argument.NONE, Body.RAW, Map.of(), (d, ctx) -> {
      List<Inline> lines = lines(d, ctx, true);
      if (lines.isEmpty()) ctx.omit(d);
      return lines.isEmpty() ? List.of() : List.of(new Block.Para(d.bodyPos(), lines));
    }));
    DirectiveRegistry.register(DirectiveSpec.of("parsed-literal", Argument.NONE, Body.RAW, Map.of(), (d, ctx) -> {
      List<Inline> lines = lines(d, ctx, false);
      if (lines.isEmpty()) ctx.omit(d);
      return lines.isEmpty() ? List.of() : List.of(new Block.Div(d.pos(), d.attr("parsed-literal"), List.of(),
          List.of(new Block.Plain(d.bodyPos(), lines))));
    }));
    Map<String, OptionType> info = new HashMap<>();
    for (String k : List.of("avatar", "avatar-link", "avatar-outline", "author", "date", "read-time", "class-container",
        "class-avatar")) {
      info.put(k, OptionType.STRING);
    }
    DirectiveRegistry.register(DirectiveSpec.of("article-info", Argument.NONE, Body.NONE, info, SphinxExtras::articleInfo));
    DirectiveRegistry.register(DirectiveSpec.of("nb-exec-table", Argument.NONE, Body.NONE, Map.of(), (d, ctx) -> {
      omitted(ctx, d, "{nb-exec-table} lists how long each notebook took to run on the web build; nothing to print");
      return List.of();
    }));
  }

  /**
   * The body's lines as inlines joined by line breaks, each line's markup read; with {@code indent} (a line block) a
   * line's leading spaces are kept as no-break spaces, as a line block indents its continuation lines. Blank lines at
   * either end are dropped; a blank line inside stays an empty line.
   */
  private static List<Inline> lines(Directive d, DirectiveContext ctx, boolean indent) {
    String[] ls = d.body().split("\n", -1);
    int from = 0;
    int to = ls.length;
    while (from < to && ls[from].isBlank()) from++;
    while (to > from && ls[to - 1].isBlank()) to--;
    List<Inline> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      SourcePos at = SourcePos.of(d.bodyPos().file(), d.bodyPos().line() + i, 1);
      if (i > from) out.add(new Inline.LineBreak(at));
      String line = ls[i].stripTrailing();
      int lead = line.length() - line.stripLeading().length();
      if (lead > 0) out.add(new Inline.Text(at, (indent ? "\u00a0" : " ").repeat(lead)));
      if (!line.isBlank()) out.addAll(ctx.inlines(line.stripLeading(), SourcePos.of(at.file(), at.line(), lead + 1)));
    }
    return out;
  }

  /**
   * sphinx-design's {@code article-info}: the author, date and reading time on one small line, as the page's header
   * shows them; the avatar picture is web decoration, left out with a note.
   */
  private static List<Block> articleInfo(Directive d, DirectiveContext ctx) {
    List<Inline> line = new ArrayList<>();
    for (String k : List.of("author", "date", "read-time")) {
      String v = d.option(k);
      if (v == null || v.isBlank()) continue;
      if (!line.isEmpty()) line.add(new Inline.Text(d.pos(), " \u00b7 "));
      line.addAll(ctx.inlines(v.strip(), d.pos()));
    }
    if (d.option("avatar") != null) {
      ctx.diags().report(new Diagnostic("print-omitted", Severity.INFO, "{article-info}: the author's avatar picture"
          + " is web decoration, left out of print", d.pos(), ""));
    }
    if (line.isEmpty()) {
      ctx.omit(d);
      return List.of();
    }
    return List.of(new Block.Div(d.pos(), d.attr("article-info"), List.of(), List.of(new Block.Para(d.pos(), line))));
  }

  /** Code a Sphinx extension runs at build time, printed as code: what it would make is missing, said once here. */
  static void notRun(DirectiveContext ctx, Directive d, String why) {
    ctx.diags().report(Diagnostic.warning("execute-not-run", d.pos(), why).withHint("save what it makes in the page"
        + " (a notebook cell with its stored output, or an image file) to have it printed"));
  }

  /** Says, as an info note, that a directive is left out of print on purpose, and marks its lines as consumed. */
  static void omitted(DirectiveContext ctx, Directive d, String why) {
    ctx.diags().report(new Diagnostic("print-omitted", Severity.INFO, why, d.pos(), ""));
    ctx.omit(d);
  }

  private static final Pattern MATH = Pattern.compile(
      "(?s)\\$\\$(.+?)\\$\\$|\\\\\\[(.+?)\\\\\\]|(\\\\begin\\{([a-zA-Z]+\\*?)\\}.+?\\\\end\\{\\4\\})|(?<![\\\\$])\\$([^$]+?)\\$");
  private static final Set<String> MATH_ENVS = Set.of("equation", "equation*", "align", "align*", "alignat",
      "alignat*", "gather", "gather*", "multline", "multline*", "flalign", "flalign*", "eqnarray", "eqnarray*",
      "displaymath", "math", "split", "array", "matrix", "pmatrix", "bmatrix", "cases");

  /** {@code raw}: LaTeX that is math is typeset; anything else in LaTeX, and every other format, is left out. */
  private static List<Block> raw(Directive d, DirectiveContext ctx) {
    Set<String> formats = new java.util.HashSet<>();
    for (String f : d.argument().toLowerCase(Locale.ROOT).split("\\s+")) if (!f.isEmpty()) formats.add(f);
    boolean latex = formats.contains("latex") || formats.contains("tex") || formats.contains("pdf");
    if (!latex) {
      omitted(ctx, d, "{raw} " + d.argument().strip() + ": content for another output format, left out of print");
      return List.of();
    }
    List<Block> out = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    Matcher m = MATH.matcher(d.body());
    int last = 0;
    while (m.find()) {
      String tex;
      if (m.group(3) != null) {
        if (!MATH_ENVS.contains(m.group(4))) continue;
        tex = m.group(3);
      } else {
        tex = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(5);
      }
      rest.append(d.body(), last, m.start());
      last = m.end();
      if (!tex.isBlank()) out.add(new Block.MathBlock(d.pos(), out.isEmpty() ? Attr.id(d.label()) : Attr.EMPTY, tex.strip()));
    }
    rest.append(d.body().substring(last));
    String left = rest.toString().strip();
    if (!left.isEmpty()) {
      String first = left.lines().findFirst().orElse("");
      ctx.diags().report(new Diagnostic("print-omitted", Severity.INFO, "{raw} latex: only math is typeset; the other"
          + " LaTeX here is left out ('" + (first.length() > 50 ? first.substring(0, 47) + "\u2026" : first) + "')",
          d.bodyPos(), ""));
      if (out.isEmpty()) ctx.omit(d);
    }
    if (out.isEmpty()) ctx.omit(d);
    return out;
  }

  /**
   * {@code panels}: the body cut at {@code ---} lines (outside code fences) into panels, each printed as a card
   * (with its {@code ^^^} header and {@code +++} footer); a panel's leading {@code :key: value} lines style it on the
   * web and are consumed.
   */
  private static List<Block> panels(Directive d, DirectiveContext ctx) {
    String[] lines = d.body().split("\n", -1);
    int first = d.bodyPos().line();
    List<Block> cards = new ArrayList<>();
    int start = 0;
    String fence = null;
    for (int i = 0; i <= lines.length; i++) {
      boolean sep = false;
      if (i < lines.length) {
        String s = lines[i].strip();
        Matcher f = FENCE.matcher(s);
        if (fence == null && f.matches() && !s.startsWith(":")) {
          fence = f.group(1);
        } else if (fence != null && s.startsWith(fence.substring(0, 1)) && s.replace(fence.substring(0, 1), "").isBlank()
            && s.length() >= fence.length()) {
          fence = null;
        }
        sep = fence == null && SEPARATOR.matcher(lines[i]).matches();
      }
      if (!sep && i < lines.length) continue;
      int from = start;
      while (from < i && lines[from].isBlank()) from++;
      while (from < i && OPTION_LINE.matcher(lines[from].strip()).matches()) {
        ctx.consumed(SourcePos.of(d.bodyPos().file(), first + from, 1));
        from++;
      }
      StringBuilder text = new StringBuilder();
      for (int k = from; k < i; k++) text.append(lines[k]).append('\n');
      if (!text.toString().isBlank()) {
        SourcePos at = SourcePos.of(d.bodyPos().file(), first + from, 1);
        Directive card = new Directive("card", "", new LinkedHashMap<>(), text.toString().stripTrailing(), at, at, at);
        cards.addAll(Layout.card(card, ctx));
      }
      if (sep) ctx.consumed(SourcePos.of(d.bodyPos().file(), first + i, 1));
      start = i + 1;
    }
    return List.of(new Block.Div(d.pos(), d.attr("grid"), List.of(), cards));
  }

  /**
   * A button: its text (the body, or {@code :text:}, or the target itself) as a link to the target; a
   * {@code button-ref} (or {@code :type: ref}, {@code :ref-type: ref/doc}) is a cross-reference to it.
   */
  private static List<Block> button(Directive d, DirectiveContext ctx) {
    String target = d.argument().strip();
    List<Inline> text = new ArrayList<>();
    Matcher explicit = Pattern.compile("(?s)(.*\\S)\\s*<([^<>]+)>").matcher(target);
    if (explicit.matches()) { // mystmd's "text <url>" form
      text.addAll(ctx.inlines(explicit.group(1), d.argPos()));
      target = explicit.group(2).strip();
    }
    for (Block b : ctx.body(d)) {
      if (b instanceof Block.Para p) text.addAll(p.content());
      else if (b instanceof Block.Plain p) text.addAll(p.content());
    }
    if (text.isEmpty() && d.option("text") != null) text.addAll(ctx.inlines(d.option("text"), d.pos()));
    String type = d.option("ref-type", d.option("type", d.name().equals("button-ref") ? "ref" : "url")).strip();
    Inline in;
    if (type.equals("ref") || type.equals("doc") || type.equals("myst") || type.equals("any")) {
      in = new Inline.Ref(d.pos(), type.equals("doc") ? "doc" : "ref", target, text);
    } else {
      if (text.isEmpty()) text.add(new Inline.Text(d.argPos(), target));
      in = new Inline.Link(d.pos(), target, text);
    }
    return List.of(new Block.Para(d.pos(), List.of(new Inline.Span(d.pos(), Attr.classes("button"), List.of(in)))));
  }
}
