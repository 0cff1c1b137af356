package org.bookbuild.parse.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.ChapterFormat;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.MarkdownParser;
import org.bookbuild.parse.NotebookNotes;
import org.bookbuild.parse.directive.Glued;

/**
 * Jupyter notebooks (nbformat 4, and IPython's nbformat 3: cells in worksheets, heading cells, {@code pyout}/{@code pyerr}
 * outputs with their representations by short name, read by {@link NotebookStream} into the same cells) as chapters: markdown cells parsed as MyST, code cells printed as code in the
 * kernel's language followed by their stored outputs, cell tags and options honoured. Positions point into the
 * {@code .ipynb} file: a markdown cell's lines map to the JSON lines of its {@code source} list (exact for the
 * one-string-per-line layout Jupyter writes), outputs to the line where the output object starts.
 */
public final class NotebookFormat implements ChapterFormat {
  private final MarkdownParser md;

  public NotebookFormat(MarkdownParser md) {
    this.md = md;
  }

  @Override
  public List<Block> parse(String file, byte[] content, Diagnostics diags) {
    return parse(null, file, content, diags);
  }

  @Override
  public List<Block> parse(World world, String file, byte[] content, Diagnostics diags) {
    return parse(world, file, content, diags, org.bookbuild.parse.ParseScope.DEFAULT);
  }

  @Override
  public List<Block> parse(World world, String file, byte[] content, Diagnostics diags, org.bookbuild.parse.ParseScope scope) {
    Outputs outputs = new Outputs(world, diags, md);
    List<Object[]> cells = new ArrayList<>();
    java.util.Map<String, Glued> glue = new java.util.LinkedHashMap<>();
    NotebookStream.Header header;
    try {
      boolean printHidden = scope.reading().printHidden();
      header = new NotebookStream(file).read(content, c -> cells.add(new Object[] {c, convertOutputs(c, outputs, glue, printHidden)}));
    } catch (NotebookStream.NotANotebook e) {
      return fail(diags, e.pos, file + " is not a Jupyter notebook: " + e.getMessage());
    } catch (JsonProcessingException e) {
      var l = e.getLocation();
      SourcePos pos = l == null ? SourcePos.of(file, 1, 1) : SourcePos.of(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
      return fail(diags, pos, file + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return fail(diags, SourcePos.of(file, 1, 1), "cannot read " + file + ": " + e.getMessage());
    } catch (RuntimeException e) {
      // JSON that is valid but shaped unlike a notebook in some way this reader did not foresee
      return fail(diags, SourcePos.of(file, 1, 1), file + " could not be read as a notebook (" + e.getClass().getSimpleName() + ")");
    }
    if (header.nbformat() != 4 && header.nbformat() != 3) {
      String v = header.nbformat() < 0 ? "no nbformat version" : "nbformat " + header.nbformat();
      diags.report(org.bookbuild.diag.Diagnostic.error("notebook-version", SourcePos.of(file, 1, 1),
          file + " has " + v + "; only nbformat 3 and 4 notebooks are read")
          .withHint("convert it with: jupyter nbconvert --to notebook --nbformat 4 " + file));
      return List.of(new Block.Problem(SourcePos.of(file, 1, 1), "notebook not read (" + v + ")", file));
    }
    String lang = language(header.metadata());
    org.bookbuild.parse.ParseScope cellScope = scope.withGlue(glue);
    List<String> markdown = new ArrayList<>();
    for (Object[] c : cells) {
      NotebookStream.Cell cell = (NotebookStream.Cell) c[0];
      if (cell.type().equals("markdown")) markdown.add(cell.source());
    }
    NotebookNotes notes = new NotebookNotes(markdown);
    notes = notes.needed() ? notes : null;
    List<Block> out = new ArrayList<>();
    boolean first = true;
    for (Object[] c : cells) {
      @SuppressWarnings("unchecked")
      List<Block> outs = (List<Block>) c[1];
      cell(world, outputs, (NotebookStream.Cell) c[0], outs, lang, out, diags, first, cellScope, notes);
      first = false;
    }
    return oneTitle(notes == null ? out : notes.resolve(out, diags));
  }

  /**
   * Notebooks often use a {@code #} heading for each major step; only the first is the chapter's title, later ones
   * become sections (a second chapter opening in the middle of a chapter would be wrong in print).
   */
  private static List<Block> oneTitle(List<Block> blocks) {
    List<Block> out = new ArrayList<>(blocks.size());
    boolean seen = false;
    for (Block b : blocks) {
      if (b instanceof Block.Heading h && h.level() == 1) {
        if (seen) b = new Block.Heading(h.pos(), h.attr(), 2, h.content());
        seen = true;
      }
      out.add(b);
    }
    return out;
  }

  /**
   * mystmd's inline expressions ({@code {eval}`x`}): a markdown cell's {@code user_expressions} metadata keeps each
   * expression's result from the last run; they go into the cell's scope under {@link Glued#evalKey} for the role.
   */
  static org.bookbuild.parse.ParseScope withUserExpressions(org.bookbuild.parse.ParseScope scope,
      com.fasterxml.jackson.databind.JsonNode meta) {
    com.fasterxml.jackson.databind.JsonNode ue = meta == null ? null : meta.get("user_expressions");
    if (ue == null || !ue.isArray() || ue.isEmpty()) return scope;
    java.util.Map<String, Glued> all = new java.util.LinkedHashMap<>(scope.glue());
    for (com.fasterxml.jackson.databind.JsonNode e : ue) {
      String expr = e.path("expression").asText("").strip();
      com.fasterxml.jackson.databind.JsonNode result = e.path("result");
      if (expr.isEmpty() || !"ok".equals(result.path("status").asText("ok"))) continue;
      com.fasterxml.jackson.databind.JsonNode data = result.path("data");
      all.put(Glued.evalKey(expr), new Glued(List.of(), text(data.path("text/plain")), text(data.path("text/latex")),
          text(data.path("text/markdown"))));
    }
    return scope.withGlue(all);
  }

  /** A MIME bundle's value: a string or a list of lines. */
  private static String text(com.fasterxml.jackson.databind.JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) return "";
    if (!v.isArray()) return v.asText("");
    StringBuilder sb = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonNode l : v) sb.append(l.asText(""));
    return sb.toString();
  }

  private static List<Block> fail(Diagnostics diags, SourcePos pos, String message) {
    diags.error("notebook-json", pos, message);
    return List.of(new Block.Problem(pos, message, ""));
  }

  /**
   * Outputs are converted while streaming, so only their printable form is kept. An output MyST-NB's {@code glue()}
   * stored under a name goes into {@code glue} for the roles and directives that print it elsewhere, not here (as on
   * the web); glued values are kept even from cells whose outputs are removed.
   */
  private static List<Block> convertOutputs(NotebookStream.Cell c, Outputs outputs, java.util.Map<String, Glued> glue,
      boolean printHidden) {
    if (!c.type().equals("code") || c.outputs().isEmpty()) return List.of();
    CellOptions opts = CellOptions.of(c.metadata(), "");
    List<Block> out = new ArrayList<>();
    for (NotebookStream.Output o : c.outputs()) {
      if (o.glued()) {
        glue.put(o.glue(), glued(o, outputs));
      } else if ("stream".equals(o.type()) && opts.tags().contains("remove-" + o.name())) {
        // MyST-NB's remove-stderr / remove-stdout: that stream of the cell is not shown
      } else if (!opts.dropCell(printHidden) && !opts.dropOutput(printHidden)) {
        out.addAll(outputs.convert(o));
      }
    }
    return merged(out);
  }

  /** A glued output as the roles and directives that paste it use it. */
  static Glued glued(NotebookStream.Output o, Outputs outputs) {
    String v = o.value() == null ? "" : String.valueOf(o.value());
    return new Glued(outputs.convert(o), o.plain() == null ? "" : o.plain(),
        Mime.LATEX.equals(o.mime()) ? Outputs.stripDelimiters(v) : "", Mime.MARKDOWN.equals(o.mime()) ? v : "");
  }

  /** Consecutive pieces of the same stream (print calls in a loop) print as one block. */
  private static List<Block> merged(List<Block> in) {
    List<Block> out = new ArrayList<>();
    for (Block b : in) {
      if (b instanceof Block.CodeBlock c && c.attr().hasClass("stream") && !out.isEmpty()
          && out.get(out.size() - 1) instanceof Block.CodeBlock p && p.attr().equals(c.attr())) {
        out.set(out.size() - 1, new Block.CodeBlock(p.pos(), p.attr(), "", p.text() + "\n" + c.text()));
      } else {
        out.add(b);
      }
    }
    return out;
  }

  /** @param first whether this is the notebook's first cell, the only place front matter is read (FrontMatter) */
  private void cell(World world, Outputs outputs, NotebookStream.Cell c, List<Block> cellOutputs, String lang, List<Block> out, Diagnostics diags, boolean first,
      org.bookbuild.parse.ParseScope scope, NotebookNotes notes) {
    CellOptions opts = CellOptions.of(c.metadata(), c.type().equals("code") ? c.source() : "");
    SourcePos pos = SourcePos.of(c.pos().file(), c.sourceLine(), 1);
    boolean printHidden = scope.reading().printHidden();
    noteHidden(opts.hiddenOmitted(printHidden, !c.source().isBlank(),
        c.outputs().stream().anyMatch(o -> !o.glued())), pos, diags);
    if (opts.dropCell(printHidden)) return;
    switch (c.type()) {
      case "markdown" -> {
        scope = withUserExpressions(scope, c.metadata());
        LineIndex lines = new LineIndex(c.pos().file(), c.source(), c.sourceLine() - 1);
        List<Block> blocks = md.parse(world, lines, c.source(), diags, first, scope, notes);
        if (c.source().contains("attachment:")) {
          blocks = new org.bookbuild.model.Rewriter() {
            @Override
            protected List<Inline> inline(Inline i) {
              if (i instanceof Inline.Image im && im.src().startsWith("attachment:") && world != null) {
                return List.of(outputs.attachment(im, c.attachments()));
              }
              return List.of(i);
            }
          }.blocks(blocks);
        }
        out.addAll(blocks);
      }
      case "code" -> {
        List<Block> blocks = new ArrayList<>();
        if (!opts.dropInput(printHidden) && !opts.code().isBlank()) {
          Attr a = cellOutputs.isEmpty() ? Attr.classes("cell-input") : Attr.classes("cell-input", "with-output");
          blocks.add(new Block.CodeBlock(pos, a, lang, opts.code().stripTrailing()));
        }
        if (!opts.image().isEmpty()) cellOutputs = imageOptions(cellOutputs, opts.image());
        if (!cellOutputs.isEmpty() && opts.figure()) {
          List<Inline> caption = caption(opts.caption(), pos, diags);
          blocks.add(new Block.Figure(pos, Attr.id(opts.label()), cellOutputs, caption));
        } else {
          blocks.addAll(cellOutputs);
        }
        for (String layout : List.of("full-width", "margin")) {
          if (opts.tags().contains(layout) && !blocks.isEmpty()) {
            blocks = List.of(new Block.Div(pos, Attr.classes(layout), List.of(), blocks));
          }
        }
        out.addAll(blocks);
      }
      case "raw" -> {
        // raw cells are for other converters (nbconvert templates, a LaTeX or HTML export); MyST-NB passes them only
        // to the output format they name, and the book's print build is none of those: left out, and said so
        if (!c.source().isBlank()) {
          diags.report(new org.bookbuild.diag.Diagnostic("print-omitted", org.bookbuild.diag.Severity.INFO,
              "raw cell left out: raw cells pass through to one export format (nbconvert, LaTeX, HTML) untouched;"
                  + " the book prints Markdown and code cells", c.pos(), ""));
        }
      }
      default -> diags.warn("notebook-cell", c.pos(), "unknown cell type '" + c.type() + "' is not printed");
    }
  }

  /**
   * A hidden part (a collapsed toggle on the web) left out of print is said in a {@code cell-hidden} note, with the
   * setting that prints it.
   */
  static void noteHidden(List<String> tags, SourcePos pos, Diagnostics diags) {
    if (tags.isEmpty()) return;
    String what = tags.contains("hide-cell") ? "the cell" : tags.size() == 2 ? "its code and output"
        : tags.contains("hide-input") ? "its code" : "its output";
    diags.report(new org.bookbuild.diag.Diagnostic("cell-hidden", org.bookbuild.diag.Severity.INFO, "cell tagged "
        + String.join(", ", tags) + ": " + what + " (collapsed on the web) is left out of print, as mystmd's PDF"
        + " export leaves it out", pos, "to print hidden cells, set hidden-cells: print in the book's configuration"));
  }

  /** MyST-NB's image options on the images of a cell's outputs (width, height; alt as the alternative text). */
  private static List<Block> imageOptions(List<Block> blocks, java.util.Map<String, String> image) {
    return new org.bookbuild.model.Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        if (!(i instanceof Inline.Image im)) return List.of(i);
        Attr a = im.attr();
        for (String k : List.of("width", "height")) if (image.containsKey(k)) a = a.with(k, image.get(k));
        List<Inline> alt = image.containsKey("alt") ? List.of(new Inline.Text(im.pos(), image.get("alt"))) : im.alt();
        return List.of(new Inline.Image(im.pos(), a, im.src(), alt));
      }
    }.blocks(blocks);
  }

  /** A caption is MyST inline text. */
  private List<Inline> caption(String text, SourcePos pos, Diagnostics diags) {
    if (text.isBlank()) return List.of();
    List<Inline> out = new ArrayList<>();
    for (Block b : md.parse(new LineIndex(pos.file(), text, pos.line() - 1), text, diags)) {
      if (b instanceof Block.Para p) out.addAll(p.content());
    }
    return out;
  }

  /** The kernel's language, as the highlighter names it. */
  static String language(JsonNode meta) {
    String l = meta.path("kernelspec").path("language").asText("");
    if (l.isEmpty()) l = meta.path("language_info").path("name").asText("");
    if (l.isEmpty()) l = "python";
    return l.toLowerCase(java.util.Locale.ROOT);
  }
}
