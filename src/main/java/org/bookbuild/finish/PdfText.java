package org.bookbuild.finish;

import java.nio.charset.StandardCharsets;

/**
 * Just enough of PDF's token syntax to work on the uncompressed dictionaries FOP writes: find the end of a
 * dictionary or a string token, and write a text string. Bytes are handled as ISO-8859-1 text so offsets stay byte
 * offsets.
 */
final class PdfText {
  private PdfText() {}

  static String latin1(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** Index just past the {@code >>} that closes the dictionary opening at {@code at}, or -1. */
  static int dictEnd(String s, int at) {
    if (!s.startsWith("<<", at)) return -1;
    int depth = 0;
    for (int i = at; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '(') {
        i = stringEnd(s, i);
        if (i < 0) return -1;
      } else if (c == '<' && i + 1 < s.length() && s.charAt(i + 1) == '<') {
        depth++;
        i += 2;
      } else if (c == '<') {
        int e = s.indexOf('>', i);
        if (e < 0) return -1;
        i = e + 1;
      } else if (c == '>' && i + 1 < s.length() && s.charAt(i + 1) == '>') {
        depth--;
        i += 2;
        if (depth == 0) return i;
      } else if (c == '%') {
        int e = s.indexOf('\n', i);
        i = e < 0 ? s.length() : e + 1;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** Index just past the string token (literal or hex) starting at {@code at}, or -1. */
  static int stringEnd(String s, int at) {
    if (at >= s.length()) return -1;
    if (s.charAt(at) == '<') {
      int e = s.indexOf('>', at);
      return e < 0 ? -1 : e + 1;
    }
    if (s.charAt(at) != '(') return -1;
    int depth = 0;
    for (int i = at; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == '(') depth++;
      else if (c == ')' && --depth == 0) return i + 1;
    }
    return -1;
  }

  /** A PDF text string: a literal for printable ASCII, else UTF-16BE with a byte-order mark as hex. */
  static String textString(String v) {
    if (v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return "(" + v.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")";
    }
    return "<FEFF" + java.util.HexFormat.of().withUpperCase().formatHex(v.getBytes(StandardCharsets.UTF_16BE)) + ">";
  }
}
