package org.bookbuild.transform.index;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.SourcePos;

/**
 * One index entry as written in MyST / Sphinx syntax, parsed: {@code term}, {@code single: main; sub},
 * {@code pair: a; b} (both ways round), {@code triple: a; b; c}, {@code see: term; other},
 * {@code seealso: term; other}; a leading {@code !} marks the main entry (its page number is set in bold).
 *
 * @param main the top-level term
 * @param sub the sub-entry, or empty
 * @param see for see/seealso entries, the term referred to; else empty
 * @param seeAlso whether it is a "see also" (else "see") reference
 */
public record IndexEntry(String main, String sub, String see, boolean seeAlso, boolean primary, SourcePos pos) {

  /** Parses one entry text into the entries it stands for; an empty list when it is malformed. */
  public static List<IndexEntry> parse(String text, SourcePos pos) {
    List<IndexEntry> out = new ArrayList<>();
    String t = text.trim();
    boolean primary = t.startsWith("!");
    if (primary) t = t.substring(1).trim();
    int colon = t.indexOf(':');
    String type = "single";
    if (colon > 0 && t.substring(0, colon).trim().matches("single|pair|triple|see|seealso")) {
      type = t.substring(0, colon).trim();
      t = t.substring(colon + 1).trim();
    }
    if (t.startsWith("!")) {
      primary = true;
      t = t.substring(1).trim();
    }
    List<String> parts = new ArrayList<>();
    for (String p : t.split(";")) if (!p.isBlank()) parts.add(p.trim());
    if (parts.isEmpty()) return out;
    switch (type) {
      case "pair" -> {
        if (parts.size() != 2) return out;
        out.add(new IndexEntry(parts.get(0), parts.get(1), "", false, primary, pos));
        out.add(new IndexEntry(parts.get(1), parts.get(0), "", false, primary, pos));
      }
      case "triple" -> {
        if (parts.size() != 3) return out;
        String a = parts.get(0), b = parts.get(1), c = parts.get(2);
        out.add(new IndexEntry(a, b + " " + c, "", false, primary, pos));
        out.add(new IndexEntry(b, c + ", " + a, "", false, primary, pos));
        out.add(new IndexEntry(c, a + " " + b, "", false, primary, pos));
      }
      case "see", "seealso" -> {
        if (parts.size() != 2) return out;
        out.add(new IndexEntry(parts.get(0), "", parts.get(1), type.equals("seealso"), false, pos));
      }
      default -> {
        if (parts.size() > 2) return out;
        out.add(new IndexEntry(parts.get(0), parts.size() > 1 ? parts.get(1) : "", "", false, primary, pos));
      }
    }
    return out;
  }
}
