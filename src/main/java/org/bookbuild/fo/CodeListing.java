package org.bookbuild.fo;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bookbuild.fo.highlight.Highlighter;
import org.bookbuild.fo.highlight.Token;
import org.bookbuild.model.Block;

/**
 * Writes a code block: the caption line ("Listing 3.1. …") when it has a caption or a label, then the code one
 * {@code fo:block} per source line, each token in its {@code code.*} role. {@code linenos} prints line numbers
 * (from {@code lineno-start}); {@code emphasize-lines} ("2,4-6") sets those lines in the {@code code.emphasized}
 * role.
 */
final class CodeListing {
  private CodeListing() {}

  static void render(Block.CodeBlock c, Fo fo) {
    String caption = c.attr().get("caption");
    String number = c.attr().get("number");
    boolean captioned = caption != null || number != null;
    if (captioned) {
      fo.block("code.caption");
      fo.id(c.attr().id());
      if (number != null) fo.inline("caption.label").text(fo.style().string("code.label", "number", number) + " ").end();
      if (caption != null) fo.text(caption, c.pos(), false);
      fo.xml().end();
    }
    List<List<Token>> lines = Highlighter.lines(c.language(), c.text()).stream().map(CodeListing::breakable).toList();
    boolean numbered = c.attr().get("linenos") != null && !"false".equals(c.attr().get("linenos"));
    int first = parseInt(c.attr().get("lineno-start"), 1);
    Set<Integer> emphasized = new TreeSet<>();
    String bad = lineSet(c.attr().get("emphasize-lines", ""), emphasized);
    if (!bad.isEmpty()) {
      fo.ctx().diags().warn("code-option", c.pos(), "emphasize-lines: '" + bad + "' is not a line number or range such as 4-6");
    }
    int width = String.valueOf(first + lines.size() - 1).length();
    // stored notebook output (stream text, reprs, tracebacks) is set apart from the code that produced it
    fo.block(role(c, fo));
    if (!captioned) fo.id(c.attr().id());
    for (int i = 0; i < lines.size(); i++) {
      fo.xml().start("fo:block");
      if (emphasized.contains(i + 1)) fo.xml().attrs(fo.role("code.emphasized"));
      if (i == 0) fo.lead(true);   // padding and border stand outside the lines' start edge in FOP
      if (numbered) {
        String n = String.valueOf(first + i);
        fo.inline("code.lineno").text(" ".repeat(width - n.length()) + n).end();
      }
      if (lines.get(i).isEmpty()) fo.xml().text(" ");
      for (Token t : lines.get(i)) {
        if (t.role() == null) {
          fo.text(t.text(), c.pos(), true);
        } else {
          fo.inline(t.role());
          fo.text(t.text(), c.pos(), true);
          fo.xml().end();
        }
      }
      fo.xml().end();
    }
    fo.xml().end();
  }

  /**
   * Moves the spaces that end a token to the start of the next one. FOP finds no line break at a preserved space that
   * is followed by the start of an {@code fo:inline} ({@code "a", <inline>"b"</inline>} runs past the margin while
   * {@code "a",<inline> "b"</inline>} breaks), and highlighted code puts every string and number in an inline: so a
   * space is always written in front of the character that follows it, in the same run of text.
   */
  static List<Token> breakable(List<Token> line) {
    List<Token> out = new java.util.ArrayList<>(line.size());
    String carry = "";
    for (Token t : line) {
      String text = carry + t.text();
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == ' ') end--;
      carry = text.substring(end);
      if (end > 0) out.add(new Token(t.role(), text.substring(0, end)));
    }
    if (!carry.isEmpty()) out.add(new Token(null, carry));
    return out;
  }

  /** Notebook output has its own look; a notebook cell's code stays on the page of the output it printed. */
  private static String role(Block.CodeBlock c, Fo fo) {
    if (c.attr().hasClass("output")) return c.attr().hasClass("error") && fo.style().hasRole("code.error") ? "code.error" : "code.output";
    if (c.attr().hasClass("with-output") && fo.style().hasRole("code.cell")) return "code.cell";
    return "code";
  }

  /**
   * Adds the line numbers of a list such as "2,4-6" (1-based, as Sphinx counts) to {@code out}; returns the parts that
   * are not numbers or ranges (empty when all are fine).
   */
  static String lineSet(String spec, Set<Integer> out) {
    StringBuilder bad = new StringBuilder();
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      int dash = p.indexOf('-');
      int a = parseInt(dash < 0 ? p : p.substring(0, dash), -1);
      int b = dash < 0 ? a : parseInt(p.substring(dash + 1), -1);
      if (a < 1 || b < a) {
        bad.append(bad.length() > 0 ? "," : "").append(p);
        continue;
      }
      for (int i = a; i <= Math.min(b, a + 10000); i++) out.add(i);
    }
    return bad.toString();
  }

  private static int parseInt(String s, int dflt) {
    if (s == null) return dflt;
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
