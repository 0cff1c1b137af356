package org.bookbuild.io;

import java.util.ArrayDeque;
import java.util.Deque;

/** Pure string handling of project-relative paths, shared by every {@link World}. */
public final class Paths2 {
  private Paths2() {}

  /** The folder part of a project-relative path ({@code ""} for files at the root). */
  public static String parent(String rel) {
    int i = rel.lastIndexOf('/');
    return i < 0 ? "" : rel.substring(0, i);
  }

  /**
   * Joins and normalises; returns null when {@code ..} climbs above the root. A target starting with {@code /} is taken
   * from the project root.
   */
  public static String join(String fromFile, String target) {
    String t = target.replace('\\', '/');
    String base = t.startsWith("/") ? "" : parent(fromFile);
    Deque<String> parts = new ArrayDeque<>();
    for (String s : (base + "/" + t).split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return String.join("/", parts);
  }

  /** The file name without folder and extension. */
  public static String stem(String rel) {
    String name = rel.substring(rel.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
