package org.bookbuild.fo;

import java.util.Map;

/**
 * A small streaming XML builder for the FO writer. Every text and attribute value is escaped, and characters XML 1.0
 * cannot carry are dropped (the parser reports them earlier), so the FO handed to FOP is always well-formed.
 */
public final class Xml {
  private final StringBuilder sb;
  private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
  private boolean inTag;
  /** Names and offsets of the attributes of the open start tag, to keep names unique. */
  private final java.util.List<String> tagAttrs = new java.util.ArrayList<>();
  private final java.util.List<Integer> tagAttrStarts = new java.util.ArrayList<>();

  public Xml(StringBuilder sb) {
    this.sb = sb;
  }

  public Xml() {
    this(new StringBuilder(1 << 16));
  }

  /** Opens an element; attributes follow with {@link #attr}. */
  public Xml start(String name) {
    closeTag();
    sb.append('<').append(name);
    open.push(name);
    inTag = true;
    tagAttrs.clear();
    tagAttrStarts.clear();
    return this;
  }

  /**
   * Adds an attribute to the open start tag. Setting a name twice keeps the last value (a renderer's explicit
   * attribute overrides the same property from a style role); XML forbids repeating it.
   */
  public Xml attr(String name, String value) {
    if (value == null) return this;
    if (!inTag) throw new IllegalStateException("attribute outside a start tag: " + name);
    for (int i = 0; i < tagAttrs.size(); i++) {
      if (tagAttrs.get(i).equals(name)) {
        int start = tagAttrStarts.get(i);
        int end = i + 1 < tagAttrStarts.size() ? tagAttrStarts.get(i + 1) : sb.length();
        String later = sb.substring(end);
        sb.setLength(start);
        tagAttrs.remove(i);
        tagAttrStarts.remove(i);
        for (int j = i; j < tagAttrStarts.size(); j++) tagAttrStarts.set(j, tagAttrStarts.get(j) - (end - start));
        sb.append(later);
        break;
      }
    }
    tagAttrs.add(name);
    tagAttrStarts.add(sb.length());
    sb.append(' ').append(name).append("=\"");
    escape(value, true);
    sb.append('"');
    return this;
  }

  /** Adds all properties of a style role as attributes. */
  public Xml attrs(Map<String, String> props) {
    for (Map.Entry<String, String> e : props.entrySet()) attr(e.getKey(), e.getValue());
    return this;
  }

  public Xml text(String t) {
    closeTag();
    escape(t, false);
    return this;
  }

  /** Closes the innermost open element. */
  public Xml end() {
    String name = open.pop();
    if (inTag) {
      sb.append("/>");
      inTag = false;
    } else {
      sb.append("</").append(name).append('>');
    }
    return this;
  }

  /** An element with text content only. */
  public Xml element(String name, String text) {
    return start(name).text(text).end();
  }

  /** Inserts markup that is already well-formed XML (such as another writer's output). */
  public Xml raw(String xml) {
    closeTag();
    sb.append(xml);
    return this;
  }

  public int depth() {
    return open.size();
  }

  /** The markup written from {@code offset} on. */
  public String from(int offset) {
    return sb.substring(offset);
  }

  /** Closes a start tag still open for attributes, so that what follows starts at {@link #length}. */
  public Xml settle() {
    closeTag();
    return this;
  }

  /** Characters written so far (the offset the next markup starts at). */
  public int length() {
    return sb.length();
  }

  /**
   * Turns the characters written between {@code from} and {@code to} (text of a closed element) into spaces, which
   * FOP drops: the text is taken back without moving any offset recorded after it.
   */
  public void blank(int from, int to) {
    for (int i = from; i < to; i++) sb.setCharAt(i, ' ');
  }

  /** A point to come back to with {@link #rollback}. */
  public record Mark(int length, int depth, boolean inTag) {}

  public Mark mark() {
    return new Mark(sb.length(), open.size(), inTag);
  }

  /**
   * Takes back everything written since {@code m}, including elements opened and not yet closed, so that a renderer
   * that failed half-way leaves well-formed output behind.
   */
  public void rollback(Mark m) {
    sb.setLength(m.length());
    while (open.size() > m.depth()) open.pop();
    inTag = m.inTag();
    // a mark taken inside a start tag keeps only attributes written before it
    while (!tagAttrStarts.isEmpty() && tagAttrStarts.get(tagAttrStarts.size() - 1) >= m.length()) {
      tagAttrs.remove(tagAttrs.size() - 1);
      tagAttrStarts.remove(tagAttrStarts.size() - 1);
    }
  }

  private void closeTag() {
    if (inTag) {
      sb.append('>');
      inTag = false;
    }
  }

  private void escape(String s, boolean attr) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append(attr ? "&quot;" : "\"");
        case '\n' -> sb.append(attr ? "&#10;" : "\n");
        case '\t' -> sb.append(attr ? "&#9;" : "\t");
        case '\r' -> sb.append(attr ? "&#13;" : "");
        default -> {
          if (silent(s, i)) continue;
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (isXmlChar(c)) {
            sb.append(c);
          }
        }
      }
    }
  }

  /**
   * Whether the char at {@code i} is an emoji control that prints nothing and that no font draws: the variation
   * selectors U+FE0E (text style) and U+FE0F (emoji style), and a zero-width joiner U+200D next to a pictograph (inside
   * an emoji sequence such as 👩‍💻; a joiner between letters of a script is kept). A monochrome font sets the sequence's
   * parts side by side; without this FOP printed {@code #} for each control.
   */
  static boolean silent(String s, int i) {
    char c = s.charAt(i);
    if (c == '\uFE0E' || c == '\uFE0F') return true;
    if (c != '\u200D') return false;
    return (i > 0 && pictograph(s.codePointBefore(i))) || (i + 1 < s.length() && pictograph(s.codePointAt(i + 1)));
  }

  /** Emoji and pictographic symbols (supplementary planes, Miscellaneous Symbols, Dingbats) and variation selectors. */
  private static boolean pictograph(int cp) {
    return cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F || cp == 0xFE0E || cp == 0x2B50
        || cp == 0x2B55 || (cp >= 0x2190 && cp <= 0x21FF) || cp == 0x200D;
  }

  /** Whether a (non-surrogate) char may appear in XML 1.0. */
  public static boolean isXmlChar(char c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
