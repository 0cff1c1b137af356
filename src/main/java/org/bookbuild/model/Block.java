package org.bookbuild.model;

import java.util.List;
import org.bookbuild.diag.SourcePos;

/**
 * Block-level nodes. A small closed set; everything else (admonitions, exercises, theorems, tab sets …) is a
 * {@link Div} whose first class names its kind and whose renderer is registered in the FO stage.
 */
public sealed interface Block extends Node {

  /** The attributes (id, classes, key–values) of a block that carries them, or null for one that has none. */
  static Attr attrOf(Block b) {
    if (b instanceof Heading h) return h.attr();
    if (b instanceof Figure f) return f.attr();
    if (b instanceof Table t) return t.attr();
    if (b instanceof MathBlock m) return m.attr();
    if (b instanceof CodeBlock c) return c.attr();
    if (b instanceof Div d) return d.attr();
    return null;
  }

  /**
   * A paragraph. {@code continues}: it goes on with the sentence of the block before it — the author wrote no blank
   * line between them, or it opens in lower case or with punctuation ("where …", ", so that …"). Set by the parser,
   * which alone sees blank lines; after a display (math, a list, code …) such a paragraph gets no first-line indent,
   * any other is a new paragraph and indented as after a paragraph.
   */
  record Para(SourcePos pos, List<Inline> content, boolean continues) implements Block {
    public Para(SourcePos pos, List<Inline> content) {
      this(pos, content, false);
    }

    /** The same paragraph with other content (a transform's rewrite keeps whether it continues a sentence). */
    public Para with(List<Inline> content) {
      return new Para(pos, content, continues);
    }
  }

  /** Text without paragraph spacing (tight list items, table cells). */
  record Plain(SourcePos pos, List<Inline> content) implements Block {}

  /** A heading; level 1 is the chapter title. Transforms add {@code number} to the attributes. */
  record Heading(SourcePos pos, Attr attr, int level, List<Inline> content) implements Block {}

  /** Preformatted code; {@code language} may be empty. Options such as {@code caption} live in the attributes. */
  record CodeBlock(SourcePos pos, Attr attr, String language, String text) implements Block {}

  /** Display math in TeX; the id is its label, {@code number} is added by numbering. */
  record MathBlock(SourcePos pos, Attr attr, String tex) implements Block {}

  record Quote(SourcePos pos, List<Block> content) implements Block {}

  record BulletList(SourcePos pos, boolean tight, List<ListItem> items) implements Block {}

  /**
   * A numbered list. {@code numbering} is how its labels are written: one of the numerals {@code 1}, {@code a},
   * {@code A}, {@code i}, {@code I} (arabic, letters, roman) with the punctuation around it, e.g. {@code 1.},
   * {@code a)}, {@code (i)}; Markdown lists are {@code 1.}, reStructuredText's keep what the source wrote.
   */
  record OrderedList(SourcePos pos, int start, boolean tight, List<ListItem> items, String numbering) implements Block {
    public static final String ARABIC = "1.";

    public OrderedList(SourcePos pos, int start, boolean tight, List<ListItem> items) {
      this(pos, start, tight, items, ARABIC);
    }

    /** The label of the item numbered {@code n} (1-based count from {@code start}), in this list's numbering. */
    public String label(int n) {
      for (int i = 0; i < numbering.length(); i++) {
        char c = numbering.charAt(i);
        String v = switch (c) {
          case '1' -> String.valueOf(n);
          case 'a' -> letters(n).toLowerCase(java.util.Locale.ROOT);
          case 'A' -> letters(n);
          case 'i' -> roman(n).toLowerCase(java.util.Locale.ROOT);
          case 'I' -> roman(n);
          default -> null;
        };
        if (v != null) return numbering.substring(0, i) + v + numbering.substring(i + 1);
      }
      return n + ".";
    }

    private static String letters(int n) {
      if (n <= 0) return String.valueOf(n);
      StringBuilder sb = new StringBuilder();
      for (int k = n; k > 0; k = (k - 1) / 26) sb.insert(0, (char) ('A' + (k - 1) % 26));
      return sb.toString();
    }

    private static String roman(int n) {
      if (n <= 0 || n >= 4000) return String.valueOf(n);
      int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
      String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
      StringBuilder sb = new StringBuilder();
      int k = n;
      for (int i = 0; i < v.length; i++) {
        while (k >= v[i]) {
          sb.append(s[i]);
          k -= v[i];
        }
      }
      return sb.toString();
    }
  }

  /** One list item; {@code checked} is null unless it is a task-list item. */
  record ListItem(SourcePos pos, Boolean checked, List<Block> content) {}

  record DefList(SourcePos pos, List<DefItem> items) implements Block {}

  record DefItem(SourcePos pos, List<Inline> term, List<List<Block>> definitions) {}

  /** Column alignment of a table. */
  enum Align {
    DEFAULT,
    LEFT,
    CENTER,
    RIGHT
  }

  /**
   * A table. {@code widths} are relative column widths (empty: automatic). The caption is empty for a bare Markdown
   * table.
   */
  record Table(
      SourcePos pos,
      Attr attr,
      List<Inline> caption,
      List<Align> aligns,
      List<Double> widths,
      List<Row> head,
      List<Row> body)
      implements Block {}

  record Row(List<Cell> cells) {}

  record Cell(SourcePos pos, int colspan, int rowspan, List<Block> content) {}

  record Rule(SourcePos pos) implements Block {}

  /**
   * A generic container: the kind is its first class ({@code note}, {@code exercise}, {@code prf:theorem}); {@code title}
   * is the title as written (may be empty: the renderer then uses the kind's generated wording).
   */
  record Div(SourcePos pos, Attr attr, List<Inline> title, List<Block> content) implements Block {
    public String kind() {
      return attr.classes().isEmpty() ? "" : attr.classes().get(0);
    }
  }

  /** A numbered, captioned figure; its content is usually one paragraph holding an {@link Inline.Image}. */
  record Figure(SourcePos pos, Attr attr, List<Block> content, List<Inline> caption) implements Block {}

  /**
   * Something that could not be printed as written: rendered as a visible framed box with the message and the source
   * text. The diagnostic is reported where the placeholder is made.
   */
  record Problem(SourcePos pos, String message, String source) implements Block {}
}
