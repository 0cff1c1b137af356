package org.bookbuild.transform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Inline;

/**
 * Numbers authors already wrote at the start of a title: "Chapter 3: Vectors", "Lecture 4 – Heat", "Week 2: …",
 * "03 - Setup", "3. Vectors", "2.5. Matrices", "2.5 Matrices". The number found is what a reference to the heading
 * prints ("Section 2.5"); the book then adds no number of its own to that heading ({@link Numbering}). Numbers that
 * start ordinary titles ("3D printing", "1984", "2 ways to …") are not taken: a single number needs a dot, colon or
 * dash after it, or a word such as "Chapter" before it.
 */
public final class AuthorNumbers {
  private static final String WORDS = "chapter|chap\\.|lecture|lec\\.|week|part|section|unit|lesson|module|session|"
      + "day|topic|appendix|lab|tutorial|assignment|homework|class|seminar|kapitel|chapitre|cap[ií]tulo|le[cç]on";
  private static final Pattern WORD_NUMBER = Pattern.compile(
      "^(?i:" + WORDS + ")\\s+([0-9]+(?:\\.[0-9]+)*[a-z]?|[IVXLC]+|[A-Z])(?=$|[\\s:.,;)\\-\u2013\u2014])");
  private static final Pattern MULTI = Pattern.compile("^([0-9]{1,3}(?:\\.[0-9]{1,3})+)\\.?(?=\\s)");
  private static final Pattern SINGLE = Pattern.compile("^([0-9]{1,3}|[IVXLC]{1,6})(?:\\.|\\s*[:)\\-\u2013\u2014])(?=\\s)");

  private AuthorNumbers() {}

  /** The author's number at the start of {@code title} (leading zeros dropped: "03" is "3"), if there is one. */
  public static Optional<String> of(List<Inline> title) {
    String text = leadingText(title);
    return text == null ? Optional.empty() : of(text);
  }

  public static Optional<String> of(String text) {
    String t = text.stripLeading();
    Matcher m = WORD_NUMBER.matcher(t);
    if (m.find()) return Optional.of(normal(m.group(1)));
    m = MULTI.matcher(t);
    if (m.find()) return Optional.of(normal(m.group(1)));
    m = SINGLE.matcher(t);
    if (m.find()) return Optional.of(normal(m.group(1)));
    return Optional.empty();
  }

  private static String normal(String n) {
    StringBuilder out = new StringBuilder();
    for (String part : n.split("\\.")) {
      if (out.length() > 0) out.append('.');
      out.append(part.matches("0+[0-9]+") ? part.replaceFirst("^0+", "") : part.toUpperCase(Locale.ROOT).equals(part) ? part : part);
    }
    return out.toString();
  }

  /** The text a title starts with (its first text, inside emphasis too), or null when it starts otherwise. */
  private static String leadingText(List<Inline> inlines) {
    for (Inline i : inlines) {
      if (i instanceof Inline.Text t) {
        if (t.text().isBlank()) continue;
        return t.text();
      }
      if (i instanceof Inline.Styled s) return leadingText(s.content());
      if (i instanceof Inline.Span s) {
        if (s.attr().hasClass("index") && s.content().isEmpty()) continue;
        return leadingText(s.content());
      }
      if (i instanceof Inline.Anchor) continue;
      return null;
    }
    return null;
  }
}
