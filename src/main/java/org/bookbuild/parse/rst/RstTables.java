package org.bookbuild.parse.rst;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;

/**
 * rST tables: grid tables (cells found by docutils' corner-scanning walk, so column and row spans work; a
 * {@code +===+} line ends the header) and simple tables ({@code ===} borders; a row whose first column is blank
 * continues the row above). Each cell's text is read as rST blocks with its true positions. A grid that does not
 * close is printed as written with an {@code rst-table} warning.
 */
final class RstTables {
  private RstTables() {}

  /** A cell found in the grid: its corners (line, column). */
  private record Cell(int top, int left, int bottom, int right) {}

  static int grid(RstBlocks b, List<Line> ls, int i, List<Block> out) {
    int e = i;
    while (e < ls.size() && !ls.get(e).blank() && ls.get(e).indent() == 0
        && (ls.get(e).text().startsWith("+") || ls.get(e).text().startsWith("|"))) e++;
    List<Line> rows = ls.subList(i, e);
    int width = 0;
    for (Line l : rows) width = Math.max(width, l.text().stripTrailing().length());
    char[][] g = new char[rows.size()][width];
    for (int r = 0; r < rows.size(); r++) {
      String t = rows.get(r).text();
      for (int c = 0; c < width; c++) g[r][c] = c < t.length() ? t.charAt(c) : ' ';
    }
    int headEnd = -1;
    for (int r = 1; r < rows.size(); r++) if (rows.get(r).text().matches("\\+(?:=+\\+)+\\s*")) headEnd = r;
    List<Cell> cells = cells(g);
    if (cells == null || rows.size() < 3) return malformed(b, rows, e, out, "a grid table whose borders do not meet");
    TreeSet<Integer> tops = new TreeSet<>();
    TreeSet<Integer> lefts = new TreeSet<>();
    for (Cell c : cells) {
      tops.add(c.top());
      tops.add(c.bottom());
      lefts.add(c.left());
      lefts.add(c.right());
    }
    List<Integer> rowLines = new ArrayList<>(tops);
    List<Integer> colLines = new ArrayList<>(lefts);
    int nRows = rowLines.size() - 1;
    List<List<Block.Cell>> grid = new ArrayList<>();
    for (int r = 0; r < nRows; r++) grid.add(new ArrayList<>());
    cells.sort((x, y) -> x.top() != y.top() ? Integer.compare(x.top(), y.top()) : Integer.compare(x.left(), y.left()));
    for (Cell c : cells) {
      int row = rowLines.indexOf(c.top());
      int rowspan = rowLines.indexOf(c.bottom()) - row;
      int colspan = colLines.indexOf(c.right()) - colLines.indexOf(c.left());
      List<Line> text = new ArrayList<>();
      for (int r = c.top() + 1; r < c.bottom(); r++) {
        Line l = rows.get(r);
        int to = Math.min(c.right(), l.text().length());
        int from = Math.min(c.left() + 1, to);
        text.add(new Line(l.text().substring(from, to), l.offset() + from));
      }
      SourcePos p = b.pos(rows.get(c.top()).from(c.left()));
      grid.get(row).add(new Block.Cell(p, colspan, rowspan, cellBlocks(b, RstBlocks.dedentAll(text))));
    }
    b.account(rows);
    List<Block.Row> head = new ArrayList<>();
    List<Block.Row> body = new ArrayList<>();
    for (int r = 0; r < nRows; r++) (headEnd >= 0 && rowLines.get(r) < headEnd ? head : body).add(new Block.Row(grid.get(r)));
    int columns = colLines.size() - 1;
    out.add(table(b, rows.get(0), columns, head, body));
    return e;
  }

  /** The cells of a grid, by docutils' walk from each top-left corner; null when a cell does not close. */
  private static List<Cell> cells(char[][] g) {
    int bottom = g.length - 1;
    int right = g[0].length - 1;
    if (g[0][0] != '+' || right < 2) return null;
    List<Cell> out = new ArrayList<>();
    Deque<int[]> corners = new ArrayDeque<>();
    Set<Long> done = new HashSet<>();
    corners.add(new int[] {0, 0});
    while (!corners.isEmpty()) {
      int[] c = corners.poll();
      int top = c[0];
      int left = c[1];
      if (top >= bottom || left >= right || !done.add((long) top << 32 | left)) continue;
      int[] br = scanRight(g, top, left);
      if (br == null) continue; // not a cell's corner (inside a spanning cell's border)
      out.add(new Cell(top, left, br[0], br[1]));
      corners.add(new int[] {top, br[1]});
      corners.add(new int[] {br[0], left});
      if (out.size() > 10_000) return null;
    }
    // complete when the cells cover the whole grid, as docutils checks
    long area = 0;
    for (Cell c : out) area += (long) (c.bottom() - c.top()) * (c.right() - c.left());
    return area == (long) bottom * right ? out : null;
  }

  private static int[] scanRight(char[][] g, int top, int left) {
    for (int c = left + 1; c < g[top].length; c++) {
      if (g[top][c] == '+') {
        int b = scanDown(g, top, left, c);
        if (b >= 0) return new int[] {b, c};
      } else if (g[top][c] != '-' && g[top][c] != '=') {
        return null;
      }
    }
    return null;
  }

  private static int scanDown(char[][] g, int top, int left, int right) {
    for (int r = top + 1; r < g.length; r++) {
      if (g[r][right] == '+') {
        if (scanLeft(g, top, left, r, right)) return r;
      } else if (g[r][right] != '|') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean scanLeft(char[][] g, int top, int left, int bottom, int right) {
    for (int c = right - 1; c > left; c--) if (g[bottom][c] != '+' && g[bottom][c] != '-' && g[bottom][c] != '=') return false;
    if (g[bottom][left] != '+') return false;
    for (int r = bottom - 1; r > top; r--) if (g[r][left] != '+' && g[r][left] != '|') return false;
    return true;
  }

  static int simple(RstBlocks b, List<Line> ls, int i, List<Block> out) {
    Line border = ls.get(i);
    List<int[]> cols = new ArrayList<>();
    String bt = border.text().stripTrailing();
    for (int c = 0; c < bt.length(); ) {
      if (bt.charAt(c) == '=') {
        int s = c;
        while (c < bt.length() && bt.charAt(c) == '=') c++;
        cols.add(new int[] {s, c});
      } else {
        c++;
      }
    }
    // the table runs to the border after which a blank line (or the end) follows
    int k = i + 1;
    List<Integer> borders = new ArrayList<>();
    borders.add(i);
    int end = -1;
    while (k < ls.size()) {
      Line l = ls.get(k);
      if (RstBlocks.SIMPLE_BORDER.matcher(l.text()).matches() || l.text().stripTrailing().equals(bt)) {
        borders.add(k);
        if (k + 1 >= ls.size() || ls.get(k + 1).blank()) {
          end = k + 1;
          break;
        }
      }
      k++;
    }
    if (end < 0) return malformed(b, ls.subList(i, Math.min(ls.size(), k)), Math.min(ls.size(), k), out,
        "a simple table with no closing border");
    int headBorder = borders.size() >= 3 ? borders.get(1) : -1;
    List<Block.Row> head = new ArrayList<>();
    List<Block.Row> body = new ArrayList<>();
    List<List<List<Line>>> rows = new ArrayList<>();
    List<Integer> rowLine = new ArrayList<>();
    for (int r = i + 1; r < end - 1; r++) {
      Line l = ls.get(r);
      if (borders.contains(r) || l.blank()) continue;
      if (l.text().matches("[-\\s]+") && l.text().contains("-")) continue; // column-span underlines
      boolean continuation = !rows.isEmpty() && l.text().substring(0, Math.min(cols.get(0)[1], l.text().length())).isBlank();
      List<List<Line>> row = continuation ? rows.get(rows.size() - 1) : new ArrayList<>();
      for (int c = 0; c < cols.size(); c++) {
        int from = Math.min(cols.get(c)[0], l.text().length());
        int to = c == cols.size() - 1 ? l.text().length() : Math.min(cols.get(c + 1)[0], l.text().length());
        Line piece = new Line(l.text().substring(from, Math.max(from, to)), l.offset() + from);
        if (!continuation) row.add(new ArrayList<>());
        row.get(c).add(piece);
      }
      if (!continuation) {
        rows.add(row);
        rowLine.add(r);
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Block.Cell> cells = new ArrayList<>();
      for (List<Line> cell : rows.get(r)) {
        List<Line> text = RstBlocks.dedentAll(cell);
        cells.add(new Block.Cell(b.pos(cell.get(0)), 1, 1, cellBlocks(b, text)));
      }
      (headBorder >= 0 && rowLine.get(r) < headBorder ? head : body).add(new Block.Row(cells));
    }
    b.account(ls.subList(i, end));
    out.add(table(b, border, cols.size(), head, body));
    return end;
  }

  /** A cell's text as blocks; one paragraph is set as plain text, as in a Markdown table. */
  private static List<Block> cellBlocks(RstBlocks b, List<Line> text) {
    List<Block> blocks = b.blocks(text);
    if (blocks.size() == 1 && blocks.get(0) instanceof Block.Para p) return List.of(new Block.Plain(p.pos(), p.content()));
    return blocks;
  }

  private static Block table(RstBlocks b, Line first, int columns, List<Block.Row> head, List<Block.Row> body) {
    List<Block.Align> aligns = new ArrayList<>();
    for (int c = 0; c < columns; c++) aligns.add(Block.Align.DEFAULT);
    return new Block.Table(b.pos(first), Attr.EMPTY, List.of(), aligns, List.of(), head, body);
  }

  private static int malformed(RstBlocks b, List<Line> rows, int end, List<Block> out, String what) {
    SourcePos p = b.pos(rows.get(0));
    b.doc.diags.warn("rst-table", p, what + ": printed as written");
    b.account(rows);
    out.add(new Block.Problem(p, "table not read", RstBlocks.join(rows)));
    return end;
  }
}
