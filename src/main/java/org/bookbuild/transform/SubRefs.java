package org.bookbuild.transform;

import java.util.List;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;
import org.bookbuild.model.Walk;

/**
 * myst-parser's {@code {sub-ref}} role, left by the parser as a {@code sub-ref} span naming its key: {@code today}
 * prints the book's date (book.yml {@code date:}, else the build's {@code SOURCE_DATE_EPOCH} day, so two builds
 * agree), {@code wordcount-words} the number of words of the page's text and {@code wordcount-minutes} its reading
 * time at 200 words a minute, as MyST counts them. Any other key prints as written with {@code substitution-unknown}.
 */
public final class SubRefs implements ChapterWise<Book, String> {
  public static final String KIND = "sub-ref";

  @Override
  public Book begin(Book book, Context ctx) {
    return book;
  }

  /** The book's date, which {@code today} prints. */
  @Override
  public String facts(Book book, Chapter ch) {
    return book.meta().date();
  }

  @Override
  public Done chapter(Book book, String date, Chapter ch, Context ctx) {
    return new Done(sub(book, ch, ctx), null);
  }

  private static Chapter sub(Book book, Chapter ch, Context ctx) {
    {
      if (!has(ch)) return ch;
      int words = words(ch);
      return ch.withBlocks(new Rewriter() {
        @Override
        protected List<Inline> inline(Inline i) {
          if (!(i instanceof Inline.Span s) || !s.attr().hasClass(KIND)) return List.of(i);
          String key = s.attr().get("key", "");
          String value = switch (key) {
            case "today" -> today(book, ctx);
            case "wordcount-words" -> String.valueOf(words);
            case "wordcount-minutes" -> String.valueOf(Math.round(words / 200.0));
            default -> null;
          };
          if (value == null || value.isEmpty()) {
            ctx.diags().warn("substitution-unknown", s.pos(), "{sub-ref} '" + key + "' is none of today,"
                + " wordcount-words, wordcount-minutes" + (value == null ? "" : " with a value here") + "; printed as written");
            return List.of(new Inline.Code(s.pos(), "{sub-ref}`" + key + "`"));
          }
          return List.of(new Inline.Text(s.pos(), value));
        }
      }.blocks(ch.blocks()));
    }
  }

  private static boolean has(Chapter ch) {
    boolean[] any = {false};
    Walk.blocks(ch.blocks(), n -> {
      if (n instanceof Inline.Span s && s.attr().hasClass(KIND)) any[0] = true;
    });
    return any[0];
  }

  private static int words(Chapter ch) {
    int[] n = {0};
    Walk.blocks(ch.blocks(), x -> {
      if (x instanceof Inline.Text t) {
        for (String w : t.text().strip().split("\\s+")) if (!w.isEmpty() && w.chars().anyMatch(Character::isLetterOrDigit)) n[0]++;
      }
    });
    return n[0];
  }

  private static String today(Book book, Context ctx) {
    String date = book.meta().date();
    if (date != null && !date.isBlank()) return date.strip();
    return ctx.world().env("SOURCE_DATE_EPOCH").map(s -> {
      try {
        return java.time.LocalDate.ofEpochDay(Long.parseLong(s.strip()) / 86400).toString();
      } catch (NumberFormatException e) {
        return "";
      }
    }).orElse("");
  }
}
