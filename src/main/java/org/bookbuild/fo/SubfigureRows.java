package org.bookbuild.fo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * A figure's subfigures ({@code transform.SubFigures}) side by side, as LaTeX's subcaption sets them: in rows of a
 * layout table, each cell one subfigure with its picture scaled to the cell and its "(a) caption" under it. How many
 * go in a row: a sphinx-subfigure layout's row width (the figure's {@code columns}); else, when every picture has a
 * width of its own, as many as those widths fit in the column; else as many as leave each picture at least
 * {@link #MIN_SCALE} of its printed width, rows then evened out (four pictures two and two, not three and one). A short
 * last row is centred. The figure's role keeps the rows on one page.
 */
final class SubfigureRows {
  /** The least share of its own printed width a picture keeps when it shares a row. */
  static final double MIN_SCALE = 0.3;
  /** Most subfigures in one row when nothing says otherwise. */
  static final int MAX_COLUMNS = 4;

  private SubfigureRows() {}

  /** Writes a run of consecutive subfigure divs of a figure with these attributes. */
  static void write(List<Block.Div> run, Attr figure, Fo fo) {
    double measure = org.bookbuild.math.Lengths.measure(fo.style());
    if (measure <= 0) measure = 345;
    List<Double> own = new ArrayList<>();
    boolean allOwn = true;
    for (Block.Div d : run) {
      double w = ownWidth(d, measure);
      own.add(w);
      if (Double.isNaN(w)) allOwn = false;
    }
    List<List<Integer>> rows = new ArrayList<>();
    int columns = parse(figure.get("columns"));
    if (columns > 0) {
      rows = even(run.size(), columns);
    } else if (allOwn) {
      List<Integer> row = new ArrayList<>();
      double used = 0;
      for (int i = 0; i < run.size(); i++) {
        if (!row.isEmpty() && used + own.get(i) > measure * 1.001) {
          rows.add(row);
          row = new ArrayList<>();
          used = 0;
        }
        row.add(i);
        used += own.get(i);
      }
      rows.add(row);
    } else {
      int c = Math.min(run.size(), MAX_COLUMNS);
      while (c > 1) {
        double cell = measure / c;
        boolean fits = true;
        for (Block.Div d : run) if (cell < MIN_SCALE * Math.min(printed(d, measure), measure)) fits = false;
        if (fits) break;
        c--;
      }
      rows = even(run.size(), c);
    }
    int widest = 0;
    for (List<Integer> r : rows) widest = Math.max(widest, r.size());
    for (List<Integer> row : rows) {
      List<Double> weights = new ArrayList<>();
      double sum = 0;
      for (int i : row) {
        double w = allOwn && columns <= 0 ? own.get(i) : measure / widest;
        weights.add(w);
        sum += w;
      }
      double side = Math.max(0, (measure - sum) / 2);
      fo.xml().start("fo:table").attr("table-layout", "fixed").attr("width", "100%");
      if (side > 0.5) column(fo, side);
      for (double w : weights) column(fo, w);
      if (side > 0.5) column(fo, side);
      fo.xml().start("fo:table-body").attr("start-indent", "0pt").attr("end-indent", "0pt").start("fo:table-row");
      if (side > 0.5) empty(fo);
      double total = Math.max(sum + 2 * side, measure);
      for (int k = 0; k < row.size(); k++) {
        int i = row.get(k);
        double cell = weights.get(k) / total * measure - padding(fo);
        fo.xml().start("fo:table-cell").attrs(fo.role("subfigure.cell"));
        Block.Div sub = cellContent(run.get(i), allOwn && columns <= 0, cell);
        if ("above".equals(figure.get("subcaptions"))) {
          sub = new Block.Div(sub.pos(), sub.attr().with("subcaptions", "above"), sub.title(), sub.content());
        }
        fo.block(sub);
        fo.xml().end();
      }
      if (side > 0.5) empty(fo);
      fo.xml().end().end().end();
    }
  }

  private static double padding(Fo fo) {
    double l = org.bookbuild.math.Lengths.pt(fo.style().prop("subfigure.cell", "padding-left", "0pt"));
    double r = org.bookbuild.math.Lengths.pt(fo.style().prop("subfigure.cell", "padding-right", "0pt"));
    return (Double.isNaN(l) ? 0 : l) + (Double.isNaN(r) ? 0 : r);
  }

  private static void column(Fo fo, double weight) {
    fo.xml().start("fo:table-column")
        .attr("column-width", String.format(Locale.ROOT, "proportional-column-width(%.2f)", weight)).end();
  }

  private static void empty(Fo fo) {
    fo.xml().start("fo:table-cell").start("fo:block").end().end();
  }

  /** {@code n} items in rows of at most {@code c}, the rows as even as that number of rows allows. */
  static List<List<Integer>> even(int n, int c) {
    int rows = (n + c - 1) / Math.max(1, c);
    int per = (n + rows - 1) / Math.max(1, rows);
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i += per) {
      List<Integer> row = new ArrayList<>();
      for (int j = i; j < Math.min(n, i + per); j++) row.add(j);
      out.add(row);
    }
    return out;
  }

  private static int parse(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The first picture of a subfigure, if it has one. */
  private static Inline.Image image(Block.Div d) {
    for (Block b : d.content()) {
      List<Inline> is = b instanceof Block.Para p ? p.content() : b instanceof Block.Plain p ? p.content() : List.of();
      for (Inline i : is) if (i instanceof Inline.Image im) return im;
    }
    return null;
  }

  /** The width the author gave the picture, in points (a percentage of the column); NaN when none. */
  private static double ownWidth(Block.Div d, double measure) {
    Inline.Image im = image(d);
    String w = im == null ? null : im.attr().get("width");
    if (w == null || w.isBlank()) return Double.NaN;
    String s = w.strip();
    if (s.endsWith("%")) {
      try {
        return Double.parseDouble(s.substring(0, s.length() - 1)) / 100 * measure;
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    double pt = org.bookbuild.math.Lengths.pt(Images.length(s));
    return pt > 0 ? Math.min(pt, measure) : Double.NaN;
  }

  /** The width the picture would print at alone: its own, else its measured size; the column when unknown. */
  private static double printed(Block.Div d, double measure) {
    double own = ownWidth(d, measure);
    if (!Double.isNaN(own)) return own;
    Inline.Image im = image(d);
    String m = im == null ? null : im.attr().get("width-pt");
    try {
      return m == null ? measure : Double.parseDouble(m.strip());
    } catch (NumberFormatException e) {
      return measure;
    }
  }

  /**
   * The subfigure with its picture sized to the cell: a width the author gave has become the cell's, so the picture
   * fills the cell ({@code 100%}); otherwise it keeps no width and is scaled down to the cell, never up.
   */
  private static Block.Div cellContent(Block.Div d, boolean fill, double cell) {
    List<Block> content = new ArrayList<>();
    for (Block b : d.content()) content.add(resize(b, fill, cell));
    return new Block.Div(d.pos(), d.attr(), d.title(), content);
  }

  private static Block resize(Block b, boolean fill, double cell) {
    if (b instanceof Block.Para p) return new Block.Para(p.pos(), resize(p.content(), fill, cell));
    if (b instanceof Block.Plain p) return new Block.Plain(p.pos(), resize(p.content(), fill, cell));
    return b;
  }

  private static List<Inline> resize(List<Inline> is, boolean fill, double cell) {
    List<Inline> out = new ArrayList<>();
    for (Inline i : is) {
      if (i instanceof Inline.Image im) {
        Attr a = without(im.attr(), "width", "height", "scale");
        double natural = number(im.attr().get("width-pt"));
        if (fill) a = a.with("width", "100%");
        // wider than the cell: exactly the cell's width (a tall picture's own limit could otherwise overflow it)
        else if (cell > 0 && natural > cell) a = a.with("width", String.format(Locale.ROOT, "%.1fpt", Math.floor(cell * 10) / 10));
        out.add(new Inline.Image(im.pos(), a, im.src(), im.alt()));
      } else {
        out.add(i);
      }
    }
    return out;
  }

  private static double number(String s) {
    try {
      return s == null ? Double.NaN : Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static Attr without(Attr a, String... keys) {
    java.util.Map<String, String> kv = new java.util.LinkedHashMap<>(a.kv());
    for (String k : keys) kv.remove(k);
    return new Attr(a.id(), a.classes(), kv);
  }
}
