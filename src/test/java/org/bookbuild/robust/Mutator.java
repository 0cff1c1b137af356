package org.bookbuild.robust;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random mutations of text inputs: character flips, deletions, duplications, splices of two seeds and
 * insertions of syntax tokens the parsers treat specially (math delimiters, directive fences, roles, table pipes,
 * list and quote markers, YAML, JSON and BibTeX punctuation) and of characters XML cannot carry.
 */
final class Mutator {
  static final List<String> TOKENS = List.of(
      "$", "$$", "\\$", "$$ (eq-1)", "\\begin{align}", "\\end{align}", "\\frac{", "}", "{", "\\", "^", "_",
      ":::", ":::{note}", ":::{admonition} T", "```", "```{figure} x.png", "```{code-cell}", "```{math}", ":name: a", ":label: b",
      "{eq}`", "{numref}`", "{ref}`", "{cite}`", "{term}`", "`", "``", "{", "}", "(label)=", "[", "]", "(", ")",
      "![a](", "](#", "[^1]", "[^1]: ", "|", "|---|", "\n| a | b |\n|---|---|\n", "> ", "- ", "* ", "1. ", "+ ",
      "    ", "\t", "\n", "\n\n", "# ", "###### ", "---\n", "***", "**", "_", "~~", "<span>", "</div>", "<!--", "-->",
      "&amp;", "&#0;", "&#x110000;", "\u0000", "\u0007", "\uD800", "\uDC00", "\uFFFE", "\uFFFF", "\u202E", "\u00AD",
      "\uD835\uDC00", "é", "∑", "→", "“", "+++", "%", "@book{", "@article{x,", "author = {", "title = \"", "},",
      "\":", "\"cells\": [", "]}", "\"source\": ", "null", "true", "0", "-1", "1e309", "\\u0000", "\"", "'", ": ", "- file: ",
      "toc:", "  - ", "&a", "*a", "!!binary", "? ", "{{", "%%", "\r", "\r\n", "\u2028");

  private final SplittableRandom rnd;

  Mutator(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  /** One to eight mutations of {@code s}, with {@code other} as material for splices. */
  String mutate(String s, String other) {
    StringBuilder sb = new StringBuilder(s);
    int n = 1 + rnd.nextInt(8);
    for (int k = 0; k < n; k++) {
      int at = sb.length() == 0 ? 0 : rnd.nextInt(sb.length() + 1);
      switch (rnd.nextInt(9)) {
        case 0, 1, 2 -> sb.insert(at, TOKENS.get(rnd.nextInt(TOKENS.size())));
        case 3 -> {
          if (sb.length() > 0) sb.deleteCharAt(Math.min(at, sb.length() - 1));
        }
        case 4 -> {
          if (sb.length() > 0) {
            int len = rnd.nextInt(Math.min(64, sb.length()) + 1);
            int from = Math.min(at, sb.length() - len);
            sb.insert(at, sb.substring(Math.max(0, from), Math.max(0, from) + len));
          }
        }
        case 5 -> {
          if (!other.isEmpty()) {
            int from = rnd.nextInt(other.length());
            int len = rnd.nextInt(Math.min(200, other.length() - from) + 1);
            sb.insert(at, other, from, from + len);
          }
        }
        case 6 -> {
          if (sb.length() > 0) sb.setCharAt(Math.min(at, sb.length() - 1), (char) rnd.nextInt(0x3000));
        }
        case 7 -> {
          if (sb.length() > 0) {
            int len = rnd.nextInt(Math.min(32, sb.length()) + 1);
            int from = Math.min(at, sb.length() - len);
            sb.delete(from, from + len);
          }
        }
        default -> {
          String tok = TOKENS.get(rnd.nextInt(TOKENS.size()));
          sb.insert(at, tok.repeat(1 + rnd.nextInt(12)));
        }
      }
    }
    return sb.toString();
  }
}
