package org.bookbuild.parse;

import java.util.Optional;
import org.bookbuild.project.ConfigException;
import org.bookbuild.project.YamlTree;

/**
 * Where a text's YAML front matter is, by the one rule every reader here shares: only at the very start of a Markdown
 * file or of a notebook's first cell, opened by a {@code ---} line, closed by a {@code ---} line, and holding valid
 * YAML that is a mapping (or nothing). Anything else that starts with {@code ---} is Markdown: a thematic break, a
 * heading, text — it prints (Jupyter notebooks often open a cell with {@code ---} as a rule above its heading).
 *
 * @param yaml the text between the fences
 * @param lines how many lines the front matter spans, fences included
 * @param chars how many characters it spans, up to and including the line end after the closing fence
 * @param value the parsed YAML (a mapping, or null when empty)
 */
record FrontMatter(String yaml, int lines, int chars, YamlTree.Value value) {

  static Optional<FrontMatter> find(String file, String text) {
    if (!(text.startsWith("---\n") || text.startsWith("---\r\n") || text.matches("(?s)^---[ \\t]+\\r?\\n.*"))) {
      return Optional.empty();
    }
    int bodyStart = text.indexOf('\n') + 1;
    int pos = bodyStart;
    int n = 1;
    while (pos < text.length()) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      n++;
      if (text.substring(pos, end).strip().equals("---")) {
        String yaml = text.substring(bodyStart, pos);
        YamlTree.Value v;
        try {
          v = yaml.isBlank() ? null : YamlTree.parse(file, yaml);
        } catch (ConfigException e) {
          return Optional.empty();
        } catch (RuntimeException e) {
          return Optional.empty();
        }
        // YAML that is only comments ("## Heading" between two rules) is not front matter, nor is a scalar or list
        boolean onlyComments = !yaml.isBlank() && yaml.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"));
        if (onlyComments || (!yaml.isBlank() && (v == null || v.map() == null))) return Optional.empty();
        return Optional.of(new FrontMatter(yaml, n, nl < 0 ? text.length() : nl + 1, v));
      }
      if (nl < 0) break;
      pos = nl + 1;
    }
    return Optional.empty();
  }

  /** The text with the front matter blanked out character for character, so that offsets and lines stay the same. */
  String blanked(String text) {
    StringBuilder sb = new StringBuilder(text);
    for (int i = 0; i < chars; i++) if (sb.charAt(i) != '\n' && sb.charAt(i) != '\r') sb.setCharAt(i, ' ');
    return sb.toString();
  }
}
