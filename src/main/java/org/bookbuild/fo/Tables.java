package org.bookbuild.fo;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.model.Block;

/**
 * Tables: caption above (numbered when labelled or captioned), a rule above and below, a rule under the header, as
 * in LaTeX's booktabs. FOP has no automatic column widths, so widths come from the author's {@code widths} or, failing
 * that, from the length of each column's longest line of text.
 */
final class Tables {
  private Tables() {}

  static void register() {
    Renderers.block(Block.Table.class, Tables::table);
  }

  private static void table(Block.Table t, Fo fo) {
    String number = t.attr().get("number");
    fo.block("table");
    fo.id(t.attr().id());
    fo.xml().attr("keep-together.within-page", t.body().size() <= 25 ? "always" : "auto");
    if (!t.caption().isEmpty() || number != null) {
      fo.block("table.caption");
      if (number != null) fo.inline("caption.label").text(fo.style().string("table.label", "number", number) + " ").end();
      fo.inlines(t.caption());
      fo.xml().end();
    }
    int cols = columns(t);
    if (cols == 0) {
      fo.xml().end();
      return;
    }
    fo.xml().start("fo:table").attrs(fo.role("table.frame")).attr("table-layout", "fixed").attr("width", "100%");
    for (double w : widths(t, cols)) {
      fo.xml().start("fo:table-column").attr("column-width", "proportional-column-width(" + fmt(w) + ")").end();
    }
    if (!t.head().isEmpty()) {
      fo.xml().start("fo:table-header").attrs(fo.role("table.head"));
      rows(t.head(), t, cols, fo);
      fo.xml().end();
    }
    fo.xml().start("fo:table-body");
    if (t.body().isEmpty()) emptyRow(cols, fo);
    else rows(t.body(), t, cols, fo);
    fo.xml().end();
    fo.xml().end();
    fo.xml().end();
  }

  private static void rows(List<Block.Row> rows, Block.Table t, int cols, Fo fo) {
    for (Block.Row r : rows) {
      fo.xml().start("fo:table-row");
      int c = 0;
      for (Block.Cell cell : r.cells()) {
        if (c >= cols) break;
        // the column's alignment replaces the role's text-align: an attribute written twice is malformed XML
        java.util.Map<String, String> cellProps = new java.util.LinkedHashMap<>(fo.role("table.cell"));
        Block.Align a = c < t.aligns().size() ? t.aligns().get(c) : Block.Align.DEFAULT;
        if (a != Block.Align.DEFAULT) cellProps.put("text-align", a.name().toLowerCase());
        fo.xml().start("fo:table-cell").attrs(cellProps);
        if (cell.colspan() > 1) fo.xml().attr("number-columns-spanned", String.valueOf(Math.min(cell.colspan(), cols - c)));
        if (cell.rowspan() > 1) fo.xml().attr("number-rows-spanned", String.valueOf(cell.rowspan()));
        fo.xml().start("fo:block");
        fo.resetIndent();
        fo.blocks(cell.content());
        fo.xml().end();
        fo.xml().end();
        c += Math.max(1, cell.colspan());
      }
      if (c == 0) emptyCell(fo);
      fo.xml().end();
    }
  }

  private static void emptyRow(int cols, Fo fo) {
    fo.xml().start("fo:table-row");
    emptyCell(fo);
    fo.xml().end();
  }

  private static void emptyCell(Fo fo) {
    fo.xml().start("fo:table-cell").start("fo:block").end().end();
  }

  private static int columns(Block.Table t) {
    int n = t.aligns().size();
    for (Block.Row r : t.head()) n = Math.max(n, span(r));
    for (Block.Row r : t.body()) n = Math.max(n, span(r));
    return n;
  }

  private static int span(Block.Row r) {
    int s = 0;
    for (Block.Cell c : r.cells()) s += Math.max(1, c.colspan());
    return s;
  }

  /** Relative widths: the author's, or the square root of each column's longest text (clamped), so prose columns win. */
  static List<Double> widths(Block.Table t, int cols) {
    if (t.widths().size() == cols) return t.widths();
    double[] len = new double[cols];
    List<Block.Row> all = new ArrayList<>(t.head());
    all.addAll(t.body());
    for (Block.Row r : all) {
      int c = 0;
      for (Block.Cell cell : r.cells()) {
        if (c >= cols) break;
        if (cell.colspan() == 1) {
          StringBuilder sb = new StringBuilder();
          org.bookbuild.model.Walk.blocks(cell.content(), n -> {
            if (n instanceof org.bookbuild.model.Inline.Text tx) sb.append(tx.text());
            else if (n instanceof org.bookbuild.model.Inline.Code cd) sb.append(cd.text());
            else if (n instanceof org.bookbuild.model.Inline.MathInline m) sb.append(m.tex(), 0, Math.min(m.tex().length(), 12));
          });
          len[c] = Math.max(len[c], sb.length());
        }
        c += Math.max(1, cell.colspan());
      }
    }
    List<Double> out = new ArrayList<>();
    for (double l : len) out.add(Math.max(1.0, Math.sqrt(Math.min(Math.max(l, 3), 400))));
    return out;
  }

  private static String fmt(double w) {
    return String.format(java.util.Locale.ROOT, "%.2f", w);
  }

}
