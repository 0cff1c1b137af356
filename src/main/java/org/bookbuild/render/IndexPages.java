package org.bookbuild.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an index entry's page numbers are printed once their pages are known: each page once, in page order, and every
 * run of at least {@code min} consecutive pages as a range, first and last page joined by a dash (makeindex's rule;
 * its default is 3, so "3, 4" stays two numbers and 3, 4, 5 becomes "3–5").
 *
 * <p>A page is a page of one sequence with one label (labels are unique inside a sequence). Of the anchors on one page
 * the number links to the first, or to the first main (bold) one when there is one, so the page keeps its weight.
 * Pages are consecutive when they have the same weight, labels of the same numbering style (arabic, roman) with
 * values one apart, and sit in the same sequence or in sequences that number on from each other ({@code continues}):
 * front matter in roman numerals never merges with the chapters, an appendix that starts again at 1 never with the
 * chapter before it. A label that is not a number in its style (letters) is printed as it is and merged with nothing;
 * when any is, the pages keep the order of the anchors in the book.
 */
final class IndexPages {
  private IndexPages() {}

  /**
   * One anchor of the entry, in book order.
   *
   * @param seq the sequence its page is in
   * @param format that sequence's number format
   * @param label its page's label
   * @param weight what the number is set in (empty: plain; else the main-entry styling)
   */
  record Anchor(int seq, String format, String label, String weight) {}

  /** How a printed number is joined to the one before it. */
  enum Join { FIRST, SEPARATOR, DASH }

  /**
   * One printed number.
   *
   * @param anchor the index of the anchor (in the list given) whose link and number are printed
   */
  record Printed(int anchor, Join join) {}

  private record Page(int anchor, int seq, String style, int value, String weight) {}

  /**
   * The numbers to print.
   *
   * @param continues whether sequence {@code b} numbers on from sequence {@code a} ({@code a < b})
   */
  static List<Printed> plan(List<Anchor> anchors, int min, java.util.function.BiPredicate<Integer, Integer> continues) {
    Map<String, Page> pages = new LinkedHashMap<>();
    boolean known = true;
    for (int i = 0; i < anchors.size(); i++) {
      Anchor a = anchors.get(i);
      String key = a.seq() + "\n" + a.label();
      Page p = pages.get(key);
      if (p == null || (p.weight().isEmpty() && !a.weight().isEmpty())) {
        String style = style(a.format());
        int value = value(style, a.label());
        known &= value >= 0;
        pages.put(key, new Page(i, a.seq(), style, value, a.weight()));
      }
    }
    List<Page> order = new ArrayList<>(pages.values());
    if (known) order.sort(Comparator.comparingInt(Page::seq).thenComparingInt(Page::value));
    List<Printed> out = new ArrayList<>();
    int i = 0;
    while (i < order.size()) {
      int j = i;
      while (j + 1 < order.size() && next(order.get(j), order.get(j + 1), continues)) j++;
      if (j - i + 1 >= Math.max(2, min)) {
        out.add(new Printed(order.get(i).anchor(), out.isEmpty() ? Join.FIRST : Join.SEPARATOR));
        out.add(new Printed(order.get(j).anchor(), Join.DASH));
      } else {
        for (int k = i; k <= j; k++) {
          out.add(new Printed(order.get(k).anchor(), out.isEmpty() ? Join.FIRST : Join.SEPARATOR));
        }
      }
      i = j + 1;
    }
    return out;
  }

  private static boolean next(Page p, Page q, java.util.function.BiPredicate<Integer, Integer> continues) {
    if (p.value() < 0 || q.value() != p.value() + 1 || !p.style().equals(q.style()) || !p.weight().equals(q.weight())) {
      return false;
    }
    return p.seq() == q.seq() || (p.seq() < q.seq() && continues.test(p.seq(), q.seq()));
  }

  /** The numbering style of a sequence's format: "1" (arabic, any zero padding), "i", "I", or the format itself. */
  static String style(String format) {
    String f = format == null ? "1" : format.strip();
    return f.matches("0*1") ? "1" : f;
  }

  /** The number a label stands for in its style, or -1 when it is not one. */
  static int value(String style, String label) {
    try {
      if (style.equals("1")) return label.matches("[0-9]{1,9}") ? Integer.parseInt(label) : -1;
      if (style.equals("i") || style.equals("I")) {
        String r = label.toUpperCase(Locale.ROOT);
        if (!label.equals(style.equals("i") ? r.toLowerCase(Locale.ROOT) : r) || !r.matches("[MDCLXVI]{1,15}")) return -1;
        int v = 0;
        for (int k = 0; k < r.length(); k++) {
          int d = digit(r.charAt(k));
          v += k + 1 < r.length() && digit(r.charAt(k + 1)) > d ? -d : d;
        }
        return PageLabels.format(style, v).equals(label) ? v : -1;   // only a numeral as FOP writes it
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static int digit(char c) {
    return switch (c) {
      case 'I' -> 1;
      case 'V' -> 5;
      case 'X' -> 10;
      case 'L' -> 50;
      case 'C' -> 100;
      case 'D' -> 500;
      default -> 1000;
    };
  }
}
