package org.bookbuild.math;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ToUnicode map of a jlatexmath font, read through {@link MathUnicode}. FOP maps each glyph to the character code
 * jlatexmath drew it with, a TeX font position (α is "®", × is "£"); {@link #mapped} gives the same map with those
 * codes replaced by what they mean, so that copying, searching and reading aloud give α, ×, ∑, ℝ. Codes the table
 * does not know keep FOP's value.
 *
 * <p>Used where the PDF is made (the render stage's join writes these maps in place of FOP's) and by the finishing
 * stage for a PDF FOP wrote in one pass. A map written here says so ({@link #MARK}), so it is never mapped twice.
 */
public final class UnicodeCMap {
  /** A comment line in every map written here: the map's values are Unicode already. */
  public static final String MARK = "% bookbuild: math unicode";

  private static final Pattern SECTION = Pattern.compile("beginbf(char|range)(.*?)endbf\\1", Pattern.DOTALL);
  private static final Pattern PAIR = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]*)>");
  private static final Pattern RANGE = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>");
  private static final Pattern ARRAY = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*\\[(.*)\\]");
  private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]*)>");

  private UnicodeCMap() {}

  /**
   * FOP's ToUnicode map {@code cmap} of the jlatexmath font {@code family} ({@code jlm_cmmi10}; a subset prefix is
   * ignored) with its codes read as Unicode; null when nothing changes (not a math font, written here already, or no
   * code the table knows).
   */
  public static String mapped(String family, String cmap) {
    family = family.substring(family.indexOf('+') + 1);
    if (cmap.contains(MARK) || !MathUnicode.isMathFont(family)) return null;
    Map<Integer, String> map = parse(cmap);
    boolean changed = false;
    for (Map.Entry<Integer, String> e : map.entrySet()) {
      String v = e.getValue();
      if (v.length() != 1) continue;
      String u = MathUnicode.text(family, v.charAt(0));
      if (u != null && !u.equals(v)) {
        e.setValue(u);
        changed = true;
      }
    }
    return changed ? write(map) : null;
  }

  /** CID → Unicode text of a ToUnicode CMap's bfchar and bfrange sections (the forms FOP writes). */
  public static Map<Integer, String> parse(String cmap) {
    Map<Integer, String> m = new TreeMap<>();
    for (Matcher sec = SECTION.matcher(cmap); sec.find(); ) {
      String body = sec.group(2);
      if (sec.group(1).equals("char")) {
        for (Matcher p = PAIR.matcher(body); p.find(); ) m.put(Integer.parseInt(p.group(1), 16), utf16(p.group(2)));
      } else {
        for (String line : body.split("\n")) {
          Matcher r = RANGE.matcher(line);
          if (r.find()) {
            int lo = Integer.parseInt(r.group(1), 16), hi = Integer.parseInt(r.group(2), 16);
            String first = utf16(r.group(3));
            for (int c = lo; c <= hi && !first.isEmpty(); c++) {
              char last = (char) (first.charAt(first.length() - 1) + (c - lo));
              m.put(c, first.substring(0, first.length() - 1) + last);
            }
          } else if (line.contains("[")) {
            Matcher lohi = ARRAY.matcher(line);
            if (!lohi.find()) continue;
            int c = Integer.parseInt(lohi.group(1), 16);
            for (Matcher v = HEX.matcher(lohi.group(3)); v.find(); c++) m.put(c, utf16(v.group(1)));
          }
        }
      }
    }
    return m;
  }

  private static String utf16(String hex) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 4 <= hex.length(); i += 4) sb.append((char) Integer.parseInt(hex.substring(i, i + 4), 16));
    return sb.toString();
  }

  /** A ToUnicode CMap for 2-byte CIDs (Identity-H), in bfchar blocks of at most 100 entries, marked {@link #MARK}. */
  public static String write(Map<Integer, String> map) {
    StringBuilder sb = new StringBuilder();
    sb.append(MARK).append('\n')
        .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    var entries = map.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList();
    for (int i = 0; i < entries.size(); i += 100) {
      var block = entries.subList(i, Math.min(entries.size(), i + 100));
      sb.append(block.size()).append(" beginbfchar\n");
      for (var e : block) {
        sb.append('<').append(hex4(e.getKey())).append("> <");
        for (char c : e.getValue().toCharArray()) sb.append(hex4(c));
        sb.append(">\n");
      }
      sb.append("endbfchar\n");
    }
    sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return sb.toString();
  }

  private static String hex4(int v) {
    String h = Integer.toHexString(v).toUpperCase();
    return "0".repeat(Math.max(0, 4 - h.length())) + h;
  }
}
