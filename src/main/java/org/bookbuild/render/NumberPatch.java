package org.bookbuild.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swaps the page numbers printed in one chapter's Intermediate Format for others of the same width, so that a chapter
 * laid out with a first page or cited labels that turned out wrong needs no second layout when the right ones take
 * the same room (a number does not change a chapter's layout unless its width changes; the page's odd/even masters
 * depend on the first page's parity, which has to be the same).
 *
 * <p>{@link FoSplit#piece} colours every number of a chapter (folios, page citations, the labels written in for pages
 * of other chapters) with a colour of its own, {@code #feNNNN} with NNNN the number's index in {@link FoSplit.Piece#nums};
 * FOP sets each such number as a separate text run after a colour change, so here it is found exactly and its text
 * replaced. Every replaced text must have the same width as before in its font, up to FOP's rounding (no kerning
 * inside it, no glyph adjustments on the run); otherwise, or when anything is not as expected, the patch is refused and the chapter is
 * laid out again. The marking colours stay in the IF (in the layout cache too, so a later build can patch again) and
 * are set back to the colours the numbers inherit when the chapters are joined ({@link #restoreColors}).
 */
final class NumberPatch {
  private NumberPatch() {}

  /**
   * One marked number.
   *
   * @param id the id in another chapter whose page label was written in, or null for a page of the chapter itself
   *     (a folio or a citation FOP resolves)
   * @param label the label written in ({@code id} not null)
   * @param color the colour the number inherits in the FO, or null for FOP's default
   */
  record Num(String id, String label, String color) {}

  static final String SENTINEL_PREFIX = "#fe";

  /**
   * Widths are equal when they differ by FOP's rounding only: at most this many millipoints per character (digits of
   * a TrueType font scaled from its units per em come out a millipoint apart, a hundred-thousandth of an inch).
   */
  static final int ROUNDING = 2;

  static String sentinel(int k) {
    return String.format("#fe%04x", k);
  }

  /**
   * The width of {@code text} in a font of {@code size} millipoints, in thousandths of a millipoint (FOP's font
   * metrics), or -1 when unknown or when kerning applies inside it.
   */
  interface Widths {
    int width(String family, String style, int weight, int size, String text);
  }

  private static final Pattern EL = Pattern.compile(
      "<font\\s([^>]*?)/>|<text\\s([^>]*)>([^<]*)</text>|<page\\s([^>]*)>");
  private static final Pattern ATTR = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

  private static final class Font {
    String family;
    String style;
    int weight = -1;
    int size = -1;
    int sentinel = -1;
  }

  /**
   * The chapter's IF with every marked number replaced, or null when that cannot be done without moving anything.
   *
   * @param oldNums the numbers of the piece the IF was laid out from
   * @param newNums the numbers of the piece wanted now (the same numbers, other labels)
   * @param oldNames the chapter's page labels as laid out
   * @param newNames its page labels wanted now (as many)
   */
  static String apply(String ifText, List<Num> oldNums, List<Num> newNums, List<String> oldNames,
      List<String> newNames, Widths widths) {
    if (oldNums.size() != newNums.size() || oldNames.size() != newNames.size()) return fail("other numbers or pages");
    for (int k = 0; k < oldNums.size(); k++) {
      if (!java.util.Objects.equals(oldNums.get(k).id(), newNums.get(k).id())) return fail("other ids cited");
    }
    Map<String, String> own = new HashMap<>();
    for (int k = 0; k < oldNames.size(); k++) {
      if (own.put(oldNames.get(k), newNames.get(k)) != null) return fail("page labels repeat");   // labels not unique: cannot tell pages apart
    }
    StringBuilder out = new StringBuilder(ifText.length() + 256);
    Matcher m = EL.matcher(ifText);
    Font font = new Font();
    int page = 0;
    int from = 0;
    while (m.find()) {
      out.append(ifText, from, m.start());
      from = m.end();
      String whole = m.group();
      if (m.group(1) != null) {
        Map<String, String> a = attrs(m.group(1));
        if (a.containsKey("family")) font.family = a.get("family");
        if (a.containsKey("style")) font.style = a.get("style");
        if (a.containsKey("weight")) font.weight = parse(a.get("weight"));
        if (a.containsKey("size")) font.size = parse(a.get("size"));
        String c = a.get("color");
        if (c != null) {
          font.sentinel = -1;
          if (c.length() == 7 && c.startsWith(SENTINEL_PREFIX)) {
            int k = Integer.parseInt(c.substring(3), 16);
            if (k >= oldNums.size()) return fail("unknown marking colour");
            font.sentinel = k;
          }
        }
        out.append(whole);
      } else if (m.group(2) != null) {
        if (font.sentinel < 0) {
          out.append(whole);
          continue;
        }
        String old = unescape(m.group(3));
        Num num = oldNums.get(font.sentinel);
        String now;
        if (num.id() == null) {
          now = own.get(old);
        } else {
          now = old.equals(num.label()) ? newNums.get(font.sentinel).label() : null;
        }
        if (now == null) return fail("'" + old + "' is not a label it was laid out with");
        if (!now.equals(old)) {
          Map<String, String> a = attrs(m.group(2));
          if (a.containsKey("dx") || a.containsKey("dp")) return fail("glyph adjustments on the run");
          if (font.family == null || font.size < 0) return fail("font not known");
          int w0 = widths.width(font.family, font.style == null ? "normal" : font.style, font.weight < 0 ? 400 : font.weight, font.size, old);
          int w1 = widths.width(font.family, font.style == null ? "normal" : font.style, font.weight < 0 ? 400 : font.weight, font.size, now);
          if (w0 < 0 || w1 < 0 || Math.abs(w0 - w1) > ROUNDING * 1000L * Math.max(old.length(), now.length())) return fail(old + " and " + now + " differ in width");
        }
        out.append("<text ").append(m.group(2)).append('>').append(escape(now)).append("</text>");
      } else if (m.group(4) != null) {
        if (page >= newNames.size()) return fail("more pages");
        Map<String, String> a = attrs(m.group(4));
        String name = a.get("name");
        if (name == null || !name.equals(oldNames.get(page))) return fail("page labels differ");
        out.append(whole.replace("name=\"" + escape(name) + "\"", "name=\"" + escape(newNames.get(page)) + "\""));
        page++;
        font = new Font();
      } else {
        out.append(whole);   // FOP's renderer writes font changes against one state per page, groups or not
      }
    }
    out.append(ifText, from, ifText.length());
    return page == newNames.size() ? out.toString() : null;
  }

  private static String fail(String why) {
    if (Boolean.getBoolean("bookbuild.debugLayout")) System.err.println("  renumbering refused: " + why);
    return null;
  }

  private static final Pattern SENTINEL = Pattern.compile("(<font\\s[^>]*?\\bcolor=\")#fe([0-9a-f]{4})\"");

  /**
   * The IF with every marking colour set back to the colour its number inherits ({@code ifColor}: a colour as the FO
   * wrote it, or null for FOP's default, to the colour as the IF writes it).
   */
  static String restoreColors(String ifText, List<Num> nums, Function<String, String> ifColor) {
    if (ifText.indexOf("color=\"#fe") < 0) return ifText;
    Matcher m = SENTINEL.matcher(ifText);
    StringBuilder out = new StringBuilder(ifText.length());
    while (m.find()) {
      int k = Integer.parseInt(m.group(2), 16);
      String c = k < nums.size() ? ifColor.apply(nums.get(k).color()) : null;
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (c == null ? "#000000" : c) + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int parse(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Map<String, String> attrs(String s) {
    Map<String, String> a = new HashMap<>();
    Matcher m = ATTR.matcher(s);
    while (m.find()) a.put(m.group(1), unescape(m.group(2)));
    return a;
  }

  private static String unescape(String s) {
    return FoSplit.unescape(s);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
