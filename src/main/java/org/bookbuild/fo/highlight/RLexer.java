package org.bookbuild.fo.highlight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small lexer for R, which RSyntaxTextArea does not cover: comments, strings (which may run over lines), numbers
 * (with R's {@code L} and {@code i} suffixes), reserved words, constants, and calls (a name before an opening
 * parenthesis).
 */
final class RLexer {
  private static final Set<String> KEYWORDS = Set.of(
      "if", "else", "repeat", "while", "function", "for", "in", "next", "break", "return", "library", "require");
  private static final Set<String> CONSTANTS = Set.of(
      "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "NA_complex_", "T", "F");

  private RLexer() {}

  static List<List<Token>> lines(String[] src) {
    List<List<Token>> out = new ArrayList<>();
    char openQuote = 0; // quote character of a string continued from the previous line
    for (String line : src) {
      List<Token> toks = new ArrayList<>();
      int i = 0;
      int n = line.length();
      if (openQuote != 0) {
        int end = stringEnd(line, 0, openQuote);
        Highlighter.add(toks, "code.string", line.substring(0, end < 0 ? n : end));
        i = end < 0 ? n : end;
        if (end >= 0) openQuote = 0;
      }
      while (i < n) {
        char c = line.charAt(i);
        if (c == '#') {
          Highlighter.add(toks, "code.comment", line.substring(i));
          break;
        }
        if (c == '"' || c == '\'' || c == '`') {
          int end = stringEnd(line, i + 1, c);
          String role = c == '`' ? null : "code.string";
          Highlighter.add(toks, role, line.substring(i, end < 0 ? n : end));
          if (end < 0 && c != '`') openQuote = c;
          i = end < 0 ? n : end;
        } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(line.charAt(i + 1)))) {
          int j = i + 1;
          while (j < n && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '.')) j++;
          Highlighter.add(toks, "code.number", line.substring(i, j));
          i = j;
        } else if (Character.isLetter(c) || c == '.' || c == '_') {
          int j = i + 1;
          while (j < n && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '.' || line.charAt(j) == '_')) j++;
          String w = line.substring(i, j);
          int k = j;
          while (k < n && line.charAt(k) == ' ') k++;
          String role = KEYWORDS.contains(w) ? "code.keyword" : CONSTANTS.contains(w) ? "code.constant"
              : k < n && line.charAt(k) == '(' ? "code.function" : null;
          Highlighter.add(toks, role, w);
          i = j;
        } else {
          Highlighter.add(toks, null, String.valueOf(c));
          i++;
        }
      }
      out.add(toks);
    }
    return out;
  }

  /** Index just past the closing quote, or -1 when the string runs on past the line. */
  private static int stringEnd(String line, int from, char quote) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') i++;
      else if (c == quote) return i + 1;
    }
    return -1;
  }
}
