package org.bookbuild.finish;

import java.util.HashMap;
import java.util.Map;

/** Reads a classic cross-reference table ({@code xref}, subsections of 20-byte entries) into object offsets. */
final class XrefTable {
  private XrefTable() {}

  /** Offsets of the in-use objects, by object number; null when the text is not a well-formed table. */
  static Map<Integer, Long> parse(String table) {
    String[] lines = table.split("\r\n|\r|\n");
    if (lines.length == 0 || !lines[0].strip().equals("xref")) return null;
    Map<Integer, Long> out = new HashMap<>();
    int i = 1;
    try {
      while (i < lines.length) {
        String[] head = lines[i].strip().split("\\s+");
        if (head.length != 2) {
          if (lines[i].isBlank()) {
            i++;
            continue;
          }
          return null;
        }
        int first = Integer.parseInt(head[0]), count = Integer.parseInt(head[1]);
        for (int k = 0; k < count; k++) {
          String[] e = lines[i + 1 + k].strip().split("\\s+");
          if (e.length != 3) return null;
          if (e[2].equals("n")) out.put(first + k, Long.parseLong(e[0]));
        }
        i += 1 + count;
      }
    } catch (RuntimeException e) {
      return null;
    }
    return out;
  }
}
