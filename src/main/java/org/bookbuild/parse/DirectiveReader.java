package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.Directive;
import org.bookbuild.parse.directive.DirectiveContext;
import org.bookbuild.parse.directive.DirectiveRegistry;
import org.bookbuild.parse.directive.DirectiveSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns a flexmark directive node into a {@link Directive} (argument, {@code :key: value} lines or a {@code ---} YAML
 * block, raw body) and runs it through the {@link DirectiveRegistry}, acting as the {@link DirectiveContext} its
 * spec uses to parse the body with true positions.
 */
final class DirectiveReader implements DirectiveContext {
  /**
   * An option line: {@code :key: value}, or {@code :key:value} with no space, which mystmd reads the same way (the key
   * ends at its second colon, the rest of the line is the value: {@code :label:def:convex} is label {@code def:convex}).
   */
  private static final Pattern OPTION = Pattern.compile("^\\s*:([A-Za-z0-9_.\\-]+):(.*?)\\s*$");

  private final ParseEnv env;
  private final LineIndex lines;
  private final List<MystNodes.Line> body = new ArrayList<>();

  private DirectiveReader(ParseEnv env, LineIndex lines) {
    this.env = env;
    this.lines = lines;
  }

  /** Lines before the body: a YAML option block or {@code :key: value} lines (consumed, never printed). */
  private int optionLines;
  /** Whether the spec parsed (some of) the body itself: its lines are then accounted where they were parsed. */
  private boolean bodyParsed;
  /** Whether the spec left the whole directive out on purpose (and said so). */
  private boolean omitted;

  static List<Block> run(MystNodes.Directive node, ParseEnv env, LineIndex lines) {
    DirectiveReader r = new DirectiveReader(env, lines);
    Directive d = r.read(node);
    List<Block> out = DirectiveRegistry.run(d, r);
    r.account(node, DirectiveRegistry.get(d.name()), out);
    return out;
  }

  /**
   * Source accounting for a directive ({@link SourceLedger}): when it gave the model something, or was left out on
   * purpose, its fences and option lines are accounted; its body is accounted as a whole when the spec used it raw
   * (code, math, CSV), line by line where the spec parsed it, and not at all when the spec takes no body (text written
   * there is then reported as dropped). A spec that returns nothing without saying why leaves every line unaccounted.
   */
  private void account(MystNodes.Directive node, DirectiveSpec spec, List<Block> out) {
    SourceLedger ledger = env.ledger();
    if (out.isEmpty() && !omitted) return;
    ledger.account(lines, node.getStartOffset(), node.getStartOffset() + 1);
    for (int k = 0; k < optionLines && k < node.lines.size(); k++) account(node.lines.get(k));
    if (node.closeOffset >= 0) ledger.account(lines, node.closeOffset, node.closeOffset + 1);
    boolean raw = spec == null || spec.body() != DirectiveSpec.Body.NONE;
    if (omitted || (raw && !bodyParsed)) for (MystNodes.Line l : body) account(l);
  }

  private void account(MystNodes.Line l) {
    env.ledger().account(lines, l.offset(), l.offset() + 1);
  }

  @Override
  public Optional<org.bookbuild.parse.directive.Glued> glue(String key) {
    return env.scope().glued(env.world(), env.file(), key);
  }

  @Override
  public org.bookbuild.project.Project.Reading reading() {
    return env.scope().reading();
  }

  @Override
  public void omit(Directive d) {
    omitted = true;
  }

  @Override
  public void consumed(SourcePos line) {
    env.ledger().account(line);
  }

  private Directive read(MystNodes.Directive node) {
    Map<String, String> options = new LinkedHashMap<>();
    List<MystNodes.Line> ls = node.lines;
    int i = 0;
    SourcePos pos = lines.pos(node.getStartOffset());
    if (!ls.isEmpty() && ls.get(0).text().strip().equals("---")) {
      int end = 1;
      while (end < ls.size() && !ls.get(end).text().strip().equals("---")) end++;
      if (end < ls.size()) {
        StringBuilder yaml = new StringBuilder();
        for (int k = 1; k < end; k++) yaml.append(ls.get(k).text()).append('\n');
        yaml(yaml.toString(), options, lines.pos(ls.get(0).offset()));
        i = end + 1;
        optionLines = i;
      }
    } else {
      while (i < ls.size()) {
        Matcher m = OPTION.matcher(ls.get(i).text());
        if (!m.matches()) break;
        options.put(m.group(1), m.group(2).strip());
        i++;
      }
      optionLines = i;
    }
    while (i < ls.size() && ls.get(i).text().isBlank()) i++;
    int last = ls.size();
    while (last > i && ls.get(last - 1).text().isBlank()) last--;
    body.addAll(ls.subList(i, last));
    StringBuilder text = new StringBuilder();
    for (MystNodes.Line l : body) text.append(l.text()).append('\n');
    if (!node.closed && node.getParent() instanceof com.vladsch.flexmark.util.ast.Document && !lines.nested()) {
      // only a directive that runs to the end of the file (or notebook cell) is a slip worth a word: one that a list
      // item, quote or enclosing directive ends is closed by its container, as in CommonMark and mystmd
      if (pos.file().endsWith(".ipynb")) {
        // each Markdown cell of a notebook is read on its own (as MyST-NB reads it): the cell's end closes it
        env.diags().report(org.bookbuild.diag.Diagnostic.warning("directive-unclosed", pos, "{" + node.name
            + "} is not closed before the end of its notebook cell; it ends there").withHint("each Markdown cell is"
            + " read on its own, as MyST-NB reads it: close the directive in the cell it opens in"));
      } else {
        env.diags().warn("directive-unclosed", pos, "{" + node.name + "} is not closed before the end of the file;"
            + " it ends there");
      }
    }
    SourcePos argPos = lines.pos(node.argumentOffset);
    SourcePos bodyPos = body.isEmpty() ? pos : lines.pos(body.get(0).offset());
    String t = text.toString();
    return new Directive(node.name, node.argument, options, t.endsWith("\n") ? t.substring(0, t.length() - 1) : t,
        pos, argPos, bodyPos);
  }

  private void yaml(String text, Map<String, String> options, SourcePos pos) {
    try {
      Object o = new Yaml(new LoaderOptions()).load(text);
      if (o instanceof Map<?, ?> m) {
        flatten("", m, options);
      } else if (o != null) {
        env.diags().warn("directive-option", pos, "the option block is not a YAML mapping; ignored");
      }
    } catch (RuntimeException e) {
      env.diags().warn("directive-option", pos, "the option block is not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  /**
   * YAML options into flat keys: a nested mapping gives dotted keys (MyST-NB's {@code mystnb: figure: caption:} is
   * {@code mystnb.figure.caption}), a list its items joined by spaces.
   */
  private static void flatten(String prefix, Map<?, ?> m, Map<String, String> options) {
    m.forEach((k, v) -> {
      String key = prefix + k;
      if (v instanceof Map<?, ?> inner && !inner.isEmpty()) flatten(key + ".", inner, options);
      else options.put(key, v == null ? "" : v instanceof List<?> l
          ? String.join(" ", l.stream().map(String::valueOf).toList()) : String.valueOf(v));
    });
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public org.bookbuild.diag.Diagnostics diags() {
    return env.diags();
  }

  @Override
  public String file() {
    return env.file();
  }

  @Override
  public List<Block> body(Directive d) {
    bodyParsed = true;
    if (body.isEmpty()) return List.of();
    int[] origins = new int[body.size()];
    for (int k = 0; k < origins.length; k++) origins[k] = body.get(k).offset();
    return env.parser().parse(env, LineIndex.nested(lines, d.body() + "\n", origins), d.body() + "\n");
  }

  @Override
  public List<Inline> inlines(String text, SourcePos pos) {
    if (text.isBlank()) return List.of();
    List<Block> bs = env.parser().parse(env, LineIndex.at(pos.file(), text, pos), text);
    List<Inline> out = new ArrayList<>();
    for (Block b : bs) {
      List<Inline> content = b instanceof Block.Para p ? p.content() : b instanceof Block.Plain p ? p.content()
          : b instanceof Block.Heading h ? h.content() : List.of(new Inline.Text(pos, text));
      if (!out.isEmpty()) out.add(new Inline.SoftBreak(pos));
      out.addAll(content);
    }
    return out;
  }

  @Override
  public List<Block> blocks(String text, SourcePos pos) {
    bodyParsed = true;
    if (text.isBlank()) return List.of();
    return env.parser().parse(env, LineIndex.at(pos.file(), text, pos), text);
  }

  @Override
  public Optional<Included> read(String path, SourcePos pos) {
    return ProjectFiles.read(env.world(), env.diags(), env.file(), env.depth(), path, pos);
  }

  /** The body read as reStructuredText ({@code eval-rst}), its lines accounted in this file's ledger. */
  @Override
  public List<Block> rstBody(Directive d) {
    bodyParsed = true;
    List<org.bookbuild.parse.rst.Line> ls = new ArrayList<>();
    for (MystNodes.Line l : body) ls.add(new org.bookbuild.parse.rst.Line(l.text(), l.offset()));
    return org.bookbuild.parse.rst.RstReader.nested(env.world(), lines, ls, env.diags(), env.depth(), env.ledger(),
        env.scope());
  }

  @Override
  public List<Block> parseFile(Included f) {
    ParseEnv inner = env.forFile(f.path());
    return env.parser().parse(inner, new LineIndex(f.path(), f.text()), f.text());
  }
}
