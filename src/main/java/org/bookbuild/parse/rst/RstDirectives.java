package org.bookbuild.parse.rst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.ProjectFiles;
import org.bookbuild.parse.directive.Directive;
import org.bookbuild.parse.directive.DirectiveContext;
import org.bookbuild.parse.directive.DirectiveRegistry;
import org.bookbuild.parse.directive.DirectiveSpec;
import org.bookbuild.parse.directive.Glued;

/**
 * An rST directive ({@code .. name:: argument}, {@code :option: value} lines, a blank line, the indented body) read
 * as docutils reads it and run through the same {@link DirectiveRegistry} as MyST's fenced directives. This class is
 * the {@link DirectiveContext} the spec sees: bodies, captions and arguments are parsed as rST with true positions,
 * includes are read as rST, and source accounting follows the Markdown side's rules.
 */
final class RstDirectives implements DirectiveContext {
  static final Pattern OPTION = Pattern.compile("\\s*:([A-Za-z0-9_.\\-]+):(?:\\s+(.*)|\\s*)");
  /**
   * docutils admonitions and block quotes take no argument: text on the directive line, or the first paragraph, is the
   * body's.
   */
  private static final Set<String> NO_ARGUMENT = Set.of("note", "tip", "hint", "important", "attention", "caution",
      "warning", "danger", "error", "seealso", "epigraph", "pull-quote", "highlights", "compound");

  private final RstBlocks blocks;
  private final List<Line> body;
  private boolean bodyParsed;
  private boolean omitted;

  private RstDirectives(RstBlocks blocks, List<Line> body) {
    this.blocks = blocks;
    this.body = body;
  }

  /**
   * Runs one directive. {@code line} is the {@code ..} line, {@code arg} the text after {@code ::} on it, {@code rest}
   * the indented block after it without its indentation.
   */
  static List<Block> run(RstBlocks b, Line line, String name, Line arg, List<Line> rest) {
    DirectiveSpec spec = DirectiveRegistry.get(name);
    boolean takesArgument = spec == null ? true
        : spec.argument() != DirectiveSpec.Argument.NONE && !NO_ARGUMENT.contains(name.toLowerCase(Locale.ROOT));
    // docutils' parse_directive_block: argument lines up to the first blank line, options among them, then the body
    List<Line> block = new ArrayList<>();
    block.add(arg);
    block.addAll(rest);
    // the directive line's own rest, when empty, goes; a blank line after it then ends an empty argument block, so the
    // first paragraph is the body, not the argument (docutils: ".. code::", a blank line, then code)
    if (block.get(0).blank()) block.remove(0);
    while (!block.isEmpty() && block.get(block.size() - 1).blank()) block.remove(block.size() - 1);
    int blank = 0;
    while (blank < block.size() && !block.get(blank).blank()) blank++;
    List<Line> argBlock = new ArrayList<>(block.subList(0, blank));
    List<Line> content = new ArrayList<>(block.subList(Math.min(blank + 1, block.size()), block.size()));
    Map<String, String> options = new LinkedHashMap<>();
    List<Line> optionLines = new ArrayList<>();
    int firstOption = 0;
    while (firstOption < argBlock.size() && !OPTION.matcher(argBlock.get(firstOption).text()).matches()) firstOption++;
    String lastKey = null;
    for (int k = firstOption; k < argBlock.size(); k++) {
      Line l = argBlock.get(k);
      Matcher m = OPTION.matcher(l.text());
      if (m.matches()) {
        lastKey = m.group(1);
        options.put(lastKey, m.group(2) == null ? "" : m.group(2).strip());
      } else {
        options.put(lastKey, (options.get(lastKey) + " " + l.text().strip()).strip());
      }
      optionLines.add(l);
    }
    if (firstOption < argBlock.size()) argBlock = new ArrayList<>(argBlock.subList(0, firstOption));
    if (!takesArgument && !argBlock.isEmpty()) {
      List<Line> c = new ArrayList<>(argBlock);
      if (blank < block.size()) c.addAll(block.subList(blank, block.size()));
      content = c;
      argBlock = new ArrayList<>();
    }
    content = RstBlocks.dedentAll(RstBlocks.trim(content));
    StringBuilder argument = new StringBuilder();
    for (Line l : argBlock) argument.append(argument.length() > 0 ? " " : "").append(l.text().strip());
    SourcePos pos = b.pos(line);
    SourcePos argPos = argBlock.isEmpty() ? pos : b.pos(argBlock.get(0).stripped());
    SourcePos bodyPos = content.isEmpty() ? pos : b.pos(content.get(0));
    Directive d = new Directive(name, argument.toString(), options, RstBlocks.join(content), pos, argPos, bodyPos);
    RstDirectives ctx = new RstDirectives(b, content);
    List<Block> out = DirectiveRegistry.run(d, ctx);
    if (out.isEmpty() && !ctx.omitted) return out;
    if (DirectiveRegistry.get(name) == null) out = rstSpelling(out, name);
    // source accounting as for a MyST directive: its line, argument and options; a raw body as a whole
    b.account(line);
    b.account(argBlock);
    b.account(optionLines);
    DirectiveSpec used = DirectiveRegistry.get(name);
    boolean raw = used == null || used.body() != DirectiveSpec.Body.NONE;
    if (ctx.omitted || (raw && !ctx.bodyParsed)) b.account(content);
    return out;
  }

  /** An unknown directive is printed as written: its title in rST's spelling ({@code .. name::}), not MyST's. */
  private static List<Block> rstSpelling(List<Block> out, String name) {
    List<Block> fixed = new ArrayList<>();
    for (Block b : out) {
      if (b instanceof Block.Div div && div.kind().equals("directive-unknown") && !div.title().isEmpty()
          && div.title().get(0) instanceof Inline.Code c) {
        List<Inline> title = new ArrayList<>(div.title());
        title.set(0, new Inline.Code(c.pos(), ".. " + name + "::"));
        b = new Block.Div(div.pos(), div.attr(), title, div.content());
      }
      fixed.add(b);
    }
    return fixed;
  }

  @Override
  public Diagnostics diags() {
    return blocks.doc.diags;
  }

  @Override
  public String file() {
    return blocks.doc.file;
  }

  @Override
  public List<Block> body(Directive d) {
    bodyParsed = true;
    return body.isEmpty() ? List.of() : blocks.blocks(body);
  }

  @Override
  public List<Block> rstBody(Directive d) {
    return body(d);
  }

  /** Text the spec reads inline (a title, a glossary term): its lines are taken into the book. */
  @Override
  public List<Inline> inlines(String text, SourcePos pos) {
    int lines = (int) text.lines().count();
    for (int k = 0; k < lines; k++) blocks.doc.ledger.account(pos.plusLines(k));
    return blocks.inl.inlines(text, pos);
  }

  @Override
  public List<Block> blocks(String text, SourcePos pos) {
    bodyParsed = true;
    if (text.isBlank()) return List.of();
    return new RstBlocks(blocks.doc, LineIndex.at(pos.file(), text, pos), false).blocks(Line.split(text));
  }

  @Override
  public Optional<Included> read(String path, SourcePos pos) {
    return ProjectFiles.read(blocks.doc.world, blocks.doc.diags, blocks.doc.file, blocks.doc.depth, path, pos);
  }

  @Override
  public List<Block> parseFile(Included f) {
    RstDoc inner = blocks.doc.forFile(f.path());
    LineIndex ix = new LineIndex(f.path(), f.text());
    RstBlocks r = new RstBlocks(inner, ix, false);
    List<Line> ls = Line.split(f.text());
    r.scan(ls);
    return r.blocks(ls);
  }

  @Override
  public void omit(Directive d) {
    omitted = true;
  }

  @Override
  public void consumed(SourcePos line) {
    blocks.doc.ledger.account(line);
  }

  @Override
  public Optional<Glued> glue(String key) {
    return blocks.doc.scope.glued(blocks.doc.world, blocks.doc.file, key);
  }

  @Override
  public org.bookbuild.project.Project.Reading reading() {
    return blocks.doc.scope.reading();
  }
}
