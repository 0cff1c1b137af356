package org.bookbuild.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets the lines of an {@code align} as separate formulas that still line up at their {@code &} marks: every cell is
 * measured, and each line pads its cells with {@code \hspace} to the widest cell of the column (right-aligned and
 * left-aligned columns alternate, as in amsmath). All lines then have the same width, so centring each one keeps the
 * columns aligned, and each line can carry its own number and break to a new page.
 */
final class AlignedRows {
  private AlignedRows() {}

  static List<String> pad(List<TexPrepass.Row> rows) {
    List<List<String>> cells = new ArrayList<>();
    int cols = 0;
    for (TexPrepass.Row r : rows) {
      List<String> cs = new ArrayList<>(Tex.splitTop(r.tex(), "&"));
      for (int j = 1; j < cs.size(); j += 2) cs.set(j, "{}" + cs.get(j));
      cells.add(cs);
      cols = Math.max(cols, cs.size());
    }
    double[][] w = new double[rows.size()][cols];
    double[] max = new double[cols];
    for (int i = 0; i < cells.size(); i++) {
      for (int j = 0; j < cells.get(i).size(); j++) {
        // A right-hand cell starts with a relation that gets TeX's thick space from the cell before it; jlatexmath
        // drops the empty group, so the cell is measured after an ordinary letter, less that letter.
        w[i][j] = j % 2 == 1 ? width("x" + cells.get(i).get(j)) - width("x") : width(cells.get(i).get(j));
        max[j] = Math.max(max[j], w[i][j]);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < cols; j++) {
        String c = j < cells.get(i).size() ? cells.get(i).get(j) : "";
        double padEm = max[j] - (j < cells.get(i).size() ? w[i][j] : 0);
        if (j > 0 && j % 2 == 0) sb.append("\\qquad ");
        String space = padEm > 0.0005 ? String.format(java.util.Locale.ROOT, "\\hspace{%.4fem}", padEm) : "";
        if (j % 2 == 0) sb.append(space).append('{').append(c).append('}');
        else sb.append(c).append(space);
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static double width(String cell) {
    if (cell.isBlank()) return 0;
    try {
      return Typesetter.layout("{" + cell + "}", true, 1f).width();
    } catch (Typesetter.MathException e) {
      return 0;
    }
  }
}
