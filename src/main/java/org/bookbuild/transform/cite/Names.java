package org.bookbuild.transform.cite;

import java.util.ArrayList;
import java.util.List;

/**
 * BibTeX name lists ("Strang, Gilbert and Stephen Boyd and others"): split at top-level "and", each name into given
 * and family parts ("Last, First" or "First Last", braces keeping a corporate name whole).
 */
final class Names {
  /** One person; {@code others} marks BibTeX's "and others". */
  record Name(String given, String family, boolean others) {
    String full() {
      return given.isEmpty() ? family : given + " " + family;
    }
  }

  private Names() {}

  static List<Name> parse(String list) {
    List<Name> out = new ArrayList<>();
    for (String part : splitAnd(list)) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      if (p.equalsIgnoreCase("others")) {
        out.add(new Name("", "", true));
        continue;
      }
      int comma = topLevel(p, ',');
      if (comma >= 0) {
        out.add(new Name(clean(p.substring(comma + 1)), clean(p.substring(0, comma)), false));
      } else {
        int space = lastTopLevelSpace(p);
        if (space < 0) out.add(new Name("", clean(p), false));
        else out.add(new Name(clean(p.substring(0, space)), clean(p.substring(space + 1)), false));
      }
    }
    return out;
  }

  private static List<String> splitAnd(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (depth == 0 && s.regionMatches(true, i, " and ", 0, 5)) {
        parts.add(s.substring(start, i));
        start = i + 5;
        i += 4;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static int topLevel(String s, char ch) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == ch && depth == 0) return i;
    }
    return -1;
  }

  private static int lastTopLevelSpace(String s) {
    int depth = 0;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == ' ' && depth == 0) last = i;
    }
    return last;
  }

  private static String clean(String s) {
    String t = s.trim();
    // keep braces that belong to an accent command (M{\"u}ller) for the LaTeX printer; drop grouping braces only
    if (t.contains("\\")) return t.replaceAll("\\s+", " ");
    return t.replace("{", "").replace("}", "").replaceAll("\\s+", " ");
  }
}
