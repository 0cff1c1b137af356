package org.bookbuild.parse.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * Reads the HTML tables notebooks store (pandas DataFrames, Styler output) into model tables. The HTML is often not
 * well-formed XML (unquoted attributes, {@code <style scoped>}), so this is a tolerant tag scanner that looks only at
 * table, row and cell tags and takes each cell's text.
 */
final class HtmlTables {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
  private static final Pattern SPAN = Pattern.compile("(colspan|rowspan)\\s*=\\s*[\"']?(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("[-+\u2212]?[0-9][0-9,]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?%?|NaN|nan|inf|-inf");

  private HtmlTables() {}

  /** Whether the HTML holds a table worth printing as one. */
  static boolean hasTable(String html) {
    return html.toLowerCase(Locale.ROOT).contains("<table");
  }

  /**
   * The first table of the HTML and the text after it (pandas' "5 rows × 3 columns") as a paragraph; empty when there
   * is no table.
   */
  static List<Block> blocks(String html, SourcePos pos) {
    String stripped = html.replaceAll("(?is)<(style|script)\\b.*?</\\1\\s*>", "").replaceAll("(?s)<!--.*?-->", "");
    int start = stripped.toLowerCase(Locale.ROOT).indexOf("<table");
    if (start < 0) return List.of();
    List<Block.Row> head = new ArrayList<>(), body = new ArrayList<>();
    List<Block.Cell> row = null;
    List<Block.Row> section = body;
    boolean inHead = false;
    StringBuilder cellText = null;
    int colspan = 1, rowspan = 1;
    Matcher m = TAG.matcher(stripped);
    int last = start, end = stripped.length();
    m.region(start, stripped.length());
    while (m.find()) {
      if (cellText != null) cellText.append(stripped, last, m.start());
      last = m.end();
      boolean close = !m.group(1).isEmpty();
      String tag = m.group(2).toLowerCase(Locale.ROOT);
      switch (tag) {
        case "thead" -> inHead = !close;
        case "tr" -> {
          if (!close) {
            row = new ArrayList<>();
          } else if (row != null) {
            (inHead ? head : section).add(new Block.Row(row));
            row = null;
          }
        }
        case "th", "td" -> {
          if (!close) {
            if (cellText != null && row != null) row.add(cell(cellText, colspan, rowspan, pos));
            cellText = new StringBuilder();
            colspan = span(m.group(3), "colspan");
            rowspan = span(m.group(3), "rowspan");
            if (row == null) row = new ArrayList<>();
          } else if (cellText != null) {
            if (row != null) row.add(cell(cellText, colspan, rowspan, pos));
            cellText = null;
          }
        }
        case "br" -> {
          if (cellText != null) cellText.append(' ');
        }
        case "table" -> {
          if (close) end = m.end();
        }
        default -> {}
      }
      if (tag.equals("table") && close) break;
    }
    if (head.isEmpty() && body.isEmpty()) return List.of();
    int cols = 0;
    for (Block.Row r : head) cols = Math.max(cols, width(r));
    for (Block.Row r : body) cols = Math.max(cols, width(r));
    List<Block.Align> aligns = new ArrayList<>();
    for (int c = 0; c < cols; c++) aligns.add(numericColumn(body, c) ? Block.Align.RIGHT : Block.Align.DEFAULT);
    String after = text(stripped.substring(Math.min(end, stripped.length())));
    if (head.isEmpty() && body.size() > 1 && headerLike(stripped, start)) {
      head.add(body.remove(0));
    }
    List<Block> out = new ArrayList<>();
    out.add(new Block.Table(pos, Attr.classes("output"), List.of(), aligns, List.of(), head, body));
    if (!after.isEmpty()) out.add(new Block.Para(pos, List.of(new Inline.Text(pos, after))));
    return out;
  }

  /** Whether the table's first row is made of header cells only (a table written without thead). */
  private static boolean headerLike(String html, int start) {
    Matcher m = Pattern.compile("(?is)<tr[^>]*>(.*?)</tr>").matcher(html);
    if (!m.find(start)) return false;
    String row = m.group(1).toLowerCase(Locale.ROOT);
    return row.contains("<th") && !row.contains("<td");
  }

  /** The text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
  static String text(String html) {
    String s = html.replaceAll("(?is)<(style|script)\\b.*?</\\1\\s*>", " ").replaceAll("(?s)<!--.*?-->", " ");
    s = s.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</li>|</h[1-6]>", "\n").replaceAll("<[^>]*>", " ");
    return entities(s).replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n[ \n]*", "\n").trim();
  }

  private static int width(Block.Row r) {
    int w = 0;
    for (Block.Cell c : r.cells()) w += c.colspan();
    return w;
  }

  private static boolean numericColumn(List<Block.Row> body, int col) {
    int seen = 0;
    for (Block.Row r : body) {
      if (col >= r.cells().size() || r.cells().size() != width(r)) return false;
      String t = cellString(r.cells().get(col));
      if (t.isEmpty()) continue;
      if (!NUMBER.matcher(t).matches()) return false;
      seen++;
    }
    return seen > 0;
  }

  private static String cellString(Block.Cell c) {
    if (c.content().isEmpty()) return "";
    return org.bookbuild.model.Walk.text(((Block.Plain) c.content().get(0)).content()).trim();
  }

  private static Block.Cell cell(StringBuilder html, int colspan, int rowspan, SourcePos pos) {
    String t = entities(html.toString()).replaceAll("\\s+", " ").trim();
    List<Block> content = t.isEmpty() ? List.of() : List.of(new Block.Plain(pos, List.of(new Inline.Text(pos, t))));
    return new Block.Cell(pos, colspan, rowspan, content);
  }

  private static int span(String attrs, String which) {
    Matcher m = SPAN.matcher(attrs);
    while (m.find()) if (m.group(1).equalsIgnoreCase(which)) return Math.max(1, Math.min(1000, Integer.parseInt(m.group(2))));
    return 1;
  }

  static String entities(String s) {
    if (s.indexOf('&') < 0) return s;
    Matcher m = Pattern.compile("&(#[xX]?[0-9a-fA-F]+|[a-zA-Z]+);").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1), r;
      if (e.startsWith("#")) {
        try {
          int cp = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X') ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
          r = new String(Character.toChars(cp));
        } catch (IllegalArgumentException ex) {
          r = m.group();
        }
      } else {
        r = switch (e) {
          case "lt" -> "<";
          case "gt" -> ">";
          case "amp" -> "&";
          case "quot" -> "\"";
          case "apos" -> "'";
          case "nbsp" -> "\u00a0";
          case "times" -> "\u00d7";
          case "hellip" -> "\u2026";
          case "mdash" -> "\u2014";
          case "ndash" -> "\u2013";
          default -> m.group();
        };
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
