package org.bookbuild.parse;

import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;
import org.bookbuild.model.Block;

/**
 * Parses one Markdown text (CommonMark + GFM + the project's MyST extensions) into model blocks. Thread-safe: the
 * flexmark parser is built once and shared.
 */
public final class MarkdownParser {
  private final Parser parser;

  public MarkdownParser() {
    this(true);
  }

  /** @param myst whether to enable the MyST extensions (off only to compare with plain CommonMark in tests) */
  public MarkdownParser(boolean myst) {
    MutableDataSet opts = new MutableDataSet();
    List<Extension> exts = new ArrayList<>(List.of(
        TablesExtension.create(), FootnoteExtension.create(), StrikethroughExtension.create(),
        TaskListExtension.create(), AutolinkExtension.create(),
        DefinitionExtension.create()));
    if (myst) exts.addAll(List.of(MathExtension.create(), MystExtension.create(), RoleExtension.create()));
    opts.set(Parser.EXTENSIONS, exts);
    opts.set(TablesExtension.WITH_CAPTION, false);
    opts.set(TablesExtension.COLUMN_SPANS, false);
    opts.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    opts.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    opts.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    // GFM (and so Jupyter, mystmd, markdown-it) takes one dash per delimiter cell: |--|--| makes a table too
    opts.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
    this.parser = Parser.builder(opts).build();
  }

  /** Parses the flexmark AST only; for tests comparing extension effects. */
  public Document flexmark(String text) {
    return parser.parse(text);
  }

  /**
   * Parses a source file's text into blocks; positions are reported in {@code file}. Without a World, {@code include}
   * and {@code literalinclude} are refused with a diagnostic.
   */
  public List<Block> parse(String file, String text, Diagnostics diags) {
    return parse(null, new LineIndex(file, text), text, diags);
  }

  /** Parses text whose positions are given by {@code lines} (e.g. a notebook cell inside a larger file). */
  public List<Block> parse(LineIndex lines, String text, Diagnostics diags) {
    return parse(null, lines, text, diags);
  }

  /** Parses a project file; {@code world} lets directives include other project files. */
  public List<Block> parse(World world, LineIndex lines, String text, Diagnostics diags) {
    return parse(world, lines, text, diags, true);
  }

  /**
   * Parses one whole text — a Markdown file or a notebook cell — with source accounting: front matter (when
   * {@code frontMatter} allows it at this text's start; see {@link FrontMatter}) is consumed, and every non-blank line
   * that the parse did not account for is reported as {@code content-dropped} and printed in a placeholder
   * ({@link SourceLedger}).
   */
  public List<Block> parse(World world, LineIndex lines, String text, Diagnostics diags, boolean frontMatter) {
    return parse(world, lines, text, diags, frontMatter, ParseScope.DEFAULT);
  }

  /** As above, with the build's tags and the notebook's glued values ({@link ParseScope}). */
  public List<Block> parse(World world, LineIndex lines, String text, Diagnostics diags, boolean frontMatter,
      ParseScope scope) {
    return parse(world, lines, text, diags, frontMatter, scope, null);
  }

  /** As above, for one Markdown cell of a notebook whose footnotes may be defined in its other cells. */
  public List<Block> parse(World world, LineIndex lines, String text, Diagnostics diags, boolean frontMatter,
      ParseScope scope, NotebookNotes cellNotes) {
    SourceLedger ledger = new SourceLedger();
    String body = text;
    if (frontMatter) {
      var fm = FrontMatter.find(lines.file(), text);
      if (fm.isPresent()) {
        body = fm.get().blanked(text);
        ledger.account(lines, 0, fm.get().chars());
        scope = scope.withSubstitutions(pageSubstitutions(fm.get(), lines));
      }
    }
    ParseEnv.PageNotes notes = new ParseEnv.PageNotes();
    notes.shared = cellNotes;
    ParseEnv env = new ParseEnv(this, world, lines.file(), diags, 0, ledger, scope, notes);
    String checked = SourceChecks.prepare(lines, body, env.diags());
    LineIndex ix = checked == body ? lines : new LineIndex(lines.file(), checked, lines.lineOffset());
    List<Block> blocks = Attrs.apply(TexRefs.apply(new FlexmarkConverter(ix, env).document(parser.parse(checked))));
    return ledger.settle(ix, checked, blocks, diags);
  }

  List<Block> parse(ParseEnv env, LineIndex lines, String text) {
    String checked = SourceChecks.prepare(lines, text, env.diags());
    Document doc = parser.parse(checked);
    // positions stay right: cutting markers out of a line only shifts columns after the cut on that line
    LineIndex ix = checked == text ? lines : new LineIndex(lines.file(), checked, lines.lineOffset());
    return new FlexmarkConverter(ix, env).document(doc);
  }

  /**
   * A page's own substitutions, from its front matter's {@code substitutions:} (myst-parser before 0.18) or
   * {@code myst: substitutions:}; positions are the file's (the YAML starts on the line after the opening fence).
   */
  private static java.util.Map<String, ParseScope.Substitution> pageSubstitutions(FrontMatter fm, LineIndex lines) {
    if (fm.value() == null || fm.value().map() == null) return java.util.Map.of();
    var m = fm.value().map();
    var v = m.get("substitutions");
    if (v == null && m.get("myst") != null && m.get("myst").map() != null) v = m.get("myst").map().get("substitutions");
    return Substitutions.of(v, 1 + lines.lineOffset());
  }
}
