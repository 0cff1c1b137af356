package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * {@code code-block} (aliases {@code code}, {@code sourcecode}) and {@code code-cell}: a {@link Block.CodeBlock}
 * whose language is the argument; {@code :caption:}, {@code :linenos:}, {@code :lineno-start:},
 * {@code :emphasize-lines:} go into the attributes, {@code :name:} becomes the id. A code cell prints as code (its
 * outputs are not computed); its class {@code code-cell} lets the style tell it apart.
 */
final class Code {
  static final Map<String, OptionType> OPTIONS = Map.of("caption", OptionType.STRING, "linenos", OptionType.FLAG,
      "lineno-start", OptionType.INT, "emphasize-lines", OptionType.STRING, "number-lines", OptionType.STRING,
      "force", OptionType.FLAG, "dedent", OptionType.STRING, "filename", OptionType.STRING,
      "tags", OptionType.STRING);
  /** What a {@code code-cell} takes beyond the code options: MyST-NB's cell options (nested under mystnb). */
  static final Map<String, OptionType> CELL_OPTIONS = cellOptions();

  private static Map<String, OptionType> cellOptions() {
    Map<String, OptionType> m = new java.util.HashMap<>(OPTIONS);
    for (String k : List.of("mystnb", "load", "tags", "remove-input", "remove-output", "remove-cell", "hide-input",
        "hide-output", "hide-cell", "figure-caption", "figure-name", "image", "render", "code_prompt_show",
        "code_prompt_hide", "execution_timeout", "execution_allow_errors", "merge_streams")) {
      m.putIfAbsent(k, OptionType.STRING);
    }
    return Map.copyOf(m);
  }

  private Code() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("code-block", Argument.OPTIONAL, Body.RAW, OPTIONS,
        (d, ctx) -> List.of(codeBlock(d, d.argument(), d.body(), "")), "code", "sourcecode"));
    DirectiveRegistry.register(DirectiveSpec.of("code-cell", Argument.OPTIONAL, Body.RAW, CELL_OPTIONS, Code::codeCell));
  }

  /**
   * A code cell of a MyST text notebook. Its tags ({@code :tags:} or the YAML block's {@code tags}) remove it as they
   * remove cells of notebooks (a removed cell is consumed on purpose; a text notebook has no stored outputs, so
   * removing the input leaves nothing); a hidden one is left out with a {@code cell-hidden} note unless the project
   * prints hidden cells. MyST-NB's {@code mystnb.figure.caption}/{@code name} make it a numbered,
   * referable figure holding the code, so references to it resolve.
   */
  private static List<Block> codeCell(Directive d, DirectiveContext ctx) {
    java.util.Set<String> tags = new java.util.HashSet<>();
    for (String s : d.option("tags", "").replaceAll("[\\[\\]\"',]", " ").trim().split("\\s+")) if (!s.isEmpty()) tags.add(s);
    for (String k : List.of("remove-input", "remove-cell", "hide-input", "hide-cell")) if (d.flag(k)) tags.add(k);
    boolean removed = tags.contains("remove-cell") || tags.contains("remove-input") || tags.contains("remove_cell");
    boolean hidden = tags.contains("hide-cell") || tags.contains("hide-input") || tags.contains("hide_input");
    if (removed || hidden && !ctx.reading().printHidden()) {
      if (!removed && !d.body().isBlank()) {
        // collapsed on the web, its code still part of the page: left out of print as mystmd's PDF export does
        ctx.diags().report(new org.bookbuild.diag.Diagnostic("cell-hidden", org.bookbuild.diag.Severity.INFO,
            "{code-cell} tagged " + (tags.contains("hide-cell") ? "hide-cell" : "hide-input") + ": its code (collapsed"
                + " on the web) is left out of print, as mystmd's PDF export leaves it out", d.pos(),
            "to print hidden cells, set hidden-cells: print in the book's configuration"));
      }
      ctx.omit(d);
      return List.of();
    }
    String caption = d.option("mystnb.figure.caption", d.option("figure-caption", ""));
    String name = d.option("mystnb.figure.name", d.option("figure-name", ""));
    Block code = codeBlock(d, d.argument().isEmpty() ? "python" : d.argument(), cellSource(d.body()), "code-cell");
    if (caption.isBlank() && name.isBlank()) return List.of(code);
    if (code instanceof Block.CodeBlock c && !name.isBlank() && c.attr().id().equals(name.trim())) {
      code = new Block.CodeBlock(c.pos(), c.attr().withId(""), c.language(), c.text());
    }
    return List.of(new Block.Figure(d.pos(), org.bookbuild.model.Attr.id(name.trim()), List.of(code),
        ctx.inlines(caption.trim(), d.pos())));
  }

  /** Builds the code block with the options every code directive shares. */
  static Block.CodeBlock codeBlock(Directive d, String language, String text, String cls) {
    Attr a = new Attr(d.label(), cls.isEmpty() ? List.of() : List.of(cls), Map.of());
    String cap = d.option("caption");
    // mystmd's :filename: heads the block with the file's name; print takes it as the listing's caption
    if (cap == null || cap.isBlank()) cap = d.option("filename");
    if (cap != null && !cap.isBlank()) a = a.with("caption", cap.trim());
    if (d.options().containsKey("linenos") || d.options().containsKey("number-lines")) {
      a = a.with("linenos", "true");
      String start = d.option("number-lines", "").trim();
      if (start.matches("\\d+")) a = a.with("lineno-start", start);
    }
    String start = d.option("lineno-start");
    if (start != null && start.trim().matches("\\d+")) a = a.with("lineno-start", start.trim());
    String emph = d.option("emphasize-lines");
    if (emph != null && !emph.isBlank()) a = a.with("emphasize-lines", emph.trim());
    String lang = language.trim().split("\\s+")[0];
    return new Block.CodeBlock(d.pos(), a, lang, dedent(text, d.option("dedent")));
  }

  /** Jupytext cells may start with {@code # key: value} option comments or a YAML header; they stay in the code. */
  private static String cellSource(String body) {
    return body;
  }

  private static String dedent(String text, String how) {
    if (how == null) return text;
    int n = Integer.MAX_VALUE;
    String[] lines = text.split("\n", -1);
    if (how.trim().matches("\\d+")) n = Integer.parseInt(how.trim());
    else for (String l : lines) if (!l.isBlank()) n = Math.min(n, l.length() - l.stripLeading().length());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int cut = 0;
      while (cut < n && cut < l.length() && l.charAt(cut) == ' ') cut++;
      sb.append(l.substring(cut));
      if (i < lines.length - 1) sb.append('\n');
    }
    return sb.toString();
  }
}
