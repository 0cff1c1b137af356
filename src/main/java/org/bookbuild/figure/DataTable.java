package org.bookbuild.figure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.SourcePos;

/**
 * A CSV file of figure data: a header row of column names, then rows of values separated by commas (or semicolons or
 * tabs, whichever the header uses). Quoted cells may hold the separator. Values are kept as text; numeric columns are
 * read on request so that a bad cell is reported with its own line.
 */
final class DataTable {
  private final String path;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();

  private DataTable(String path, List<String> header) {
    this.path = path;
    this.header = header;
  }

  static DataTable parse(String path, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    String[] ls = text.split("\r?\n|\r", -1);
    int i = 0;
    while (i < ls.length && (ls[i].isBlank() || ls[i].startsWith("#"))) i++;
    if (i == ls.length) throw new SpecException("figure-data", SourcePos.of(path, 1, 1), "the data file is empty");
    char sep = ls[i].contains(",") ? ',' : ls[i].contains(";") ? ';' : ls[i].contains("\t") ? '\t' : ',';
    List<String> header = new ArrayList<>();
    for (String h : split(ls[i], sep)) header.add(h.trim());
    DataTable t = new DataTable(path, header);
    for (int j = i + 1; j < ls.length; j++) {
      if (ls[j].isBlank() || ls[j].startsWith("#")) continue;
      t.rows.add(split(ls[j], sep));
      t.lines.add(j + 1);
    }
    return t;
  }

  String path() {
    return path;
  }

  int size() {
    return rows.size();
  }

  /** Index of a named column; a missing name fails at {@code where} and lists the columns there are. */
  int column(String name, SpecNode where) {
    int k = header.indexOf(name.trim());
    if (k < 0) {
      throw new SpecException(
          "figure-data", where.pos(), "no column '" + name + "' in " + path + "; its columns are: " + String.join(", ", header));
    }
    return k;
  }

  String text(int row, int col) {
    List<String> r = rows.get(row);
    return col < r.size() ? r.get(col).trim() : "";
  }

  /** A whole column as numbers; an empty or non-numeric cell is an error naming the CSV line. */
  double[] numbers(String name, SpecNode where) {
    int k = column(name, where);
    double[] out = new double[rows.size()];
    for (int r = 0; r < out.length; r++) {
      String s = text(r, k);
      try {
        out[r] = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new SpecException(
            "figure-data", SourcePos.of(path, lines.get(r), 1), "column '" + name + "' holds '" + s + "', not a number");
      }
    }
    return out;
  }

  List<String> texts(String name, SpecNode where) {
    int k = column(name, where);
    List<String> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) out.add(text(r, k));
    return out;
  }

  private static List<String> split(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
