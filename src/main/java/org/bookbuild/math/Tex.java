package org.bookbuild.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Small scanning helpers over TeX source shared by the rewrites: brace matching, reading a command's argument, and
 * splitting at top-level separators (outside braces and nested environments).
 */
final class Tex {
  private Tex() {}

  /** Index just past the group that opens at {@code open} (a '{'), or -1 when unbalanced. */
  static int groupEnd(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '{') depth++;
      else if (c == '}' && --depth == 0) return i + 1;
    }
    return -1;
  }

  /** Skips spaces from {@code i}. */
  static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  /** The end of the command name that starts at {@code i} (which holds a backslash). */
  static int commandEnd(String s, int i) {
    int j = i + 1;
    if (j >= s.length()) return j;
    if (!Character.isLetter(s.charAt(j))) return j + 1;
    while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
    return j;
  }

  /** An argument read at {@code i}: its text without braces and the index after it; null when none is there. */
  record Arg(String text, int end) {}

  static Arg arg(String s, int i) {
    i = skipSpace(s, i);
    if (i >= s.length()) return null;
    char c = s.charAt(i);
    if (c == '{') {
      int e = groupEnd(s, i);
      if (e < 0) return null;
      return new Arg(s.substring(i + 1, e - 1), e);
    }
    if (c == '}' ) return null;
    if (c == '\\') {
      int e = commandEnd(s, i);
      return new Arg(s.substring(i, e), e);
    }
    return new Arg(String.valueOf(c), i + 1);
  }

  /** An optional {@code [..]} argument at {@code i}, or null. */
  static Arg optArg(String s, int i) {
    i = skipSpace(s, i);
    if (i >= s.length() || s.charAt(i) != '[') return null;
    int depth = 0;
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == ']' && depth == 0) return new Arg(s.substring(i + 1, j), j + 1);
    }
    return null;
  }

  /**
   * Splits at a top-level separator: {@code "\\\\"} (row ends, with any {@code [len]} after it dropped) or {@code "&"}
   * (cells). Separators inside braces or nested {@code \begin..\end} are left alone.
   */
  static List<String> splitTop(String s, String sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int env = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (s.startsWith("\\begin", i) && !letterAt(s, i + 6)) env++;
        else if (s.startsWith("\\end", i) && !letterAt(s, i + 4)) env--;
        else if (sep.equals("\\\\") && depth == 0 && env == 0 && s.startsWith("\\\\", i)) {
          out.add(s.substring(start, i));
          int j = i + 2;
          Arg opt = optArg(s, j);
          if (opt != null) j = opt.end();
          start = j;
          i = j - 1;
          continue;
        }
        i++;
        continue;
      }
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (sep.equals("&") && c == '&' && depth == 0 && env == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  static boolean letterAt(String s, int i) {
    return i < s.length() && Character.isLetter(s.charAt(i));
  }

  /**
   * Replaces every occurrence of the control word {@code name} (with the backslash, such as {@code \bm}) that is not
   * the prefix of a longer word.
   */
  static String replaceWord(String s, String name, String with) {
    if (!s.contains(name)) return s;
    StringBuilder sb = new StringBuilder(s.length() + 16);
    int i = 0;
    while (true) {
      int k = s.indexOf(name, i);
      if (k < 0) break;
      boolean escaped = k > 0 && s.charAt(k - 1) == '\\' && (k < 2 || s.charAt(k - 2) != '\\');
      if (!escaped && !letterAt(s, k + name.length())) {
        sb.append(s, i, k).append(with);
        int after = k + name.length();
        // "\bm x" keeps the space as the separator TeX needed; a replacement ending in a letter needs it too.
        i = after;
      } else {
        sb.append(s, i, k + name.length());
        i = k + name.length();
      }
    }
    sb.append(s.substring(i));
    return sb.toString();
  }
}
