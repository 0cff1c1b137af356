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
 * Table directives: {@code table} (a Markdown table given a caption and label), {@code list-table} (a list of lists;
 * {@code :header-rows:}, {@code :widths:}) and {@code csv-table} (CSV from the body or {@code :file:};
 * {@code :header:}, {@code :header-rows:}, {@code :widths:}, {@code :delim:}). All give a captioned
 * {@link Block.Table}.
 */
final class Tables {
  private static final Map<String, OptionType> OPTIONS = Map.ofEntries(Map.entry("header-rows", OptionType.INT),
      Map.entry("stub-columns", OptionType.INT), Map.entry("widths", OptionType.STRING),
      Map.entry("width", OptionType.LENGTH), Map.entry("align", OptionType.STRING),
      Map.entry("header", OptionType.STRING), Map.entry("file", OptionType.STRING),
      Map.entry("delim", OptionType.STRING), Map.entry("quote", OptionType.STRING),
      Map.entry("keepspace", OptionType.FLAG), Map.entry("encoding", OptionType.STRING),
      Map.entry("escape", OptionType.STRING), Map.entry("url", OptionType.STRING));

  private Tables() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("table", Argument.OPTIONAL, Body.MARKDOWN, OPTIONS, Tables::table));
    DirectiveRegistry.register(DirectiveSpec.of("list-table", Argument.OPTIONAL, Body.MARKDOWN, OPTIONS,
        Tables::listTable));
    DirectiveRegistry.register(DirectiveSpec.of("csv-table", Argument.OPTIONAL, Body.RAW, OPTIONS, Tables::csvTable));
  }

  private static List<Block> table(Directive d, DirectiveContext ctx) {
    List<Block> body = ctx.body(d);
    List<Block> out = new ArrayList<>();
    boolean found = false;
    for (Block b : body) {
      if (!found && b instanceof Block.Table t) {
        found = true;
        out.add(new Block.Table(d.pos(), attr(d, t.attr()), caption(d, ctx), t.aligns(), widths(d, t.aligns().size(),
            ctx), t.head(), t.body()));
      } else {
        out.add(b);
      }
    }
    if (!found) {
      ctx.diags().warn("table-missing", d.pos(), "{table} holds no Markdown table; its content is printed as is");
    }
    return out;
  }

  private static Attr attr(Directive d, Attr base) {
    Attr a = base.withId(d.label());
    String cls = d.option("class");
    if (cls != null) for (String c : cls.trim().split("\\s+")) if (!c.isEmpty()) a = a.withClass(c);
    String align = d.option("align");
    if (align != null) a = a.with("align", align.trim());
    return a;
  }

  private static List<Inline> caption(Directive d, DirectiveContext ctx) {
    return ctx.inlines(d.argument(), d.argPos());
  }

  private static List<Double> widths(Directive d, int columns, DirectiveContext ctx) {
    String w = d.option("widths");
    if (w == null || w.isBlank() || w.trim().equals("auto") || w.trim().equals("grid")) return List.of();
    List<Double> out = new ArrayList<>();
    for (String s : w.trim().split("[\\s,]+")) {
      try {
        out.add(Double.parseDouble(s));
      } catch (NumberFormatException e) {
        ctx.diags().warn("directive-option", d.pos(), ":widths: '" + w + "' is not a list of numbers; ignored");
        return List.of();
      }
    }
    if (columns > 0 && out.size() != columns) {
      ctx.diags().warn("directive-option", d.pos(), ":widths: gives " + out.size() + " widths for " + columns
          + " columns; ignored");
      return List.of();
    }
    return out;
  }

  private static int headerRows(Directive d) {
    String h = d.option("header-rows", "0").trim();
    return h.matches("\\d+") ? Integer.parseInt(h) : 0;
  }

  private static List<Block> listTable(Directive d, DirectiveContext ctx) {
    List<Block> body = ctx.body(d);
    List<List<Block.Cell>> rows = new ArrayList<>();
    for (Block b : body) {
      if (!(b instanceof Block.BulletList outer)) {
        ctx.diags().warn("list-table", b.pos(), "{list-table} expects a bullet list of bullet lists; this block is"
            + " left out of the table and printed after it");
        continue;
      }
      for (Block.ListItem row : outer.items()) {
        List<Block.Cell> cells = new ArrayList<>();
        Block.BulletList inner = null;
        for (Block c : row.content()) if (c instanceof Block.BulletList l) inner = l;
        if (inner == null) {
          ctx.diags().warn("list-table", row.pos(), "{list-table} row is not a bullet list; printed as one cell");
          cells.add(new Block.Cell(row.pos(), 1, 1, row.content()));
        } else {
          for (Block.ListItem c : inner.items()) cells.add(new Block.Cell(c.pos(), 1, 1, plain(c.content())));
        }
        rows.add(cells);
      }
    }
    List<Block> rest = new ArrayList<>();
    for (Block b : body) if (!(b instanceof Block.BulletList)) rest.add(b);
    List<Block> out = new ArrayList<>();
    out.add(build(d, ctx, rows, headerRows(d)));
    out.addAll(rest);
    return out;
  }

  /** A single paragraph in a cell prints without paragraph spacing. */
  private static List<Block> plain(List<Block> content) {
    if (content.size() == 1 && content.get(0) instanceof Block.Para p) return List.of(new Block.Plain(p.pos(),
        p.content()));
    return content;
  }

  private static Block build(Directive d, DirectiveContext ctx, List<List<Block.Cell>> rows, int headerRows) {
    int cols = 0;
    for (List<Block.Cell> r : rows) cols = Math.max(cols, r.size());
    List<Block.Row> head = new ArrayList<>();
    List<Block.Row> body = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Block.Cell> r = new ArrayList<>(rows.get(i));
      while (r.size() < cols) r.add(new Block.Cell(d.pos(), 1, 1, List.of()));
      (i < headerRows ? head : body).add(new Block.Row(r));
    }
    List<Block.Align> aligns = new ArrayList<>();
    for (int i = 0; i < cols; i++) aligns.add(Block.Align.DEFAULT);
    return new Block.Table(d.pos(), attr(d, Attr.EMPTY), caption(d, ctx), aligns, widths(d, cols, ctx), head, body);
  }

  private static List<Block> csvTable(Directive d, DirectiveContext ctx) {
    String text = d.body();
    SourcePos at = d.bodyPos();
    String file = d.option("file");
    if (file != null && !file.isBlank()) {
      var inc = ctx.read(file.trim(), d.pos());
      if (inc.isEmpty()) return List.of(new Block.Problem(d.pos(), "CSV file not available: " + file.trim(), ""));
      text = inc.get().text();
      at = SourcePos.of(inc.get().path(), 1, 1);
    }
    String delim = d.option("delim", ",").trim();
    char sep = delim.equals("tab") ? '\t' : delim.equals("space") ? ' ' : delim.isEmpty() ? ',' : delim.charAt(0);
    List<List<Block.Cell>> rows = new ArrayList<>();
    int headerRows = headerRows(d);
    String header = d.option("header");
    if (header != null && !header.isBlank()) {
      rows.add(cells(Csv.parse(header, sep).get(0), ctx, d.pos()));
      headerRows += 1;
    }
    int line = at.line();
    for (List<String> r : Csv.parse(text, sep)) {
      rows.add(cells(r, ctx, SourcePos.of(at.file(), line++, 1)));
    }
    return List.of(build(d, ctx, rows, headerRows));
  }

  private static List<Block.Cell> cells(List<String> values, DirectiveContext ctx, SourcePos pos) {
    List<Block.Cell> cells = new ArrayList<>();
    for (String v : values) {
      List<Inline> content = ctx.inlines(v.strip(), pos);
      cells.add(new Block.Cell(pos, 1, 1, content.isEmpty() ? List.of() : List.of(new Block.Plain(pos, content))));
    }
    return cells;
  }
}
