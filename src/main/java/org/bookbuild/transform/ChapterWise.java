package org.bookbuild.transform;

import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;

/**
 * A transform that works one chapter at a time, so that a resident process ({@code book watch}) can keep what it made
 * of each chapter ({@link TransformMemo}) and, after an edit, do again only the chapters whose result can differ.
 *
 * <p>One run: {@link #begin} once; then, for each chapter in reading order, {@link #facts}, {@link #chapter} (or the
 * result kept from an earlier build) and {@link #settle}; then {@link #end}. The contract that makes keeping sound:
 * <ul>
 *   <li>{@code chapter} depends on nothing but its chapter, the project and style, what {@code facts} gave for the
 *       chapter, the files it reads through the context's world and the labels it looks up (the memo notes both and
 *       asks again); what it reports goes to the context's diagnostics (noted and reported again for a kept result);
 *   <li>what a chapter leaves for the rest of the run (labels, ids taken) goes into its result's {@code extra};
 *       {@code settle} applies it, for kept results too, and reports what depends on the rest of the book (a label
 *       used twice); {@code holds} says whether a kept result still stands under the run's state as it is now.
 * </ul>
 * Without a memo ({@link #apply}) the same steps run in the same order, so a build gives the same book either way.
 *
 * @param <S> what one run knows of the whole book and keeps between chapters
 * @param <F> what a chapter's turn is told of the rest of the book ({@link #facts})
 */
public interface ChapterWise<S, F> extends Transform {
  /** What a chapter's turn gave: the chapter rewritten, and what the run needs of it later (null: nothing). */
  record Done(Chapter chapter, Object extra) {}

  /** The run's state, made before any chapter's turn (cheap: no walk of every chapter). */
  S begin(Book book, Context ctx);

  /**
   * What the chapter's result depends on beyond the chapter itself (equal facts and an equal chapter give an equal
   * result); called in reading order just before its turn. Null: nothing.
   */
  default F facts(S state, Chapter ch) {
    return null;
  }

  /** One chapter's turn, told its {@link #facts}. */
  Done chapter(S state, F facts, Chapter ch, Context ctx);

  /** Whether a result kept from an earlier build still holds under the run's state now (then it is settled). */
  default boolean holds(S state, Done kept) {
    return true;
  }

  /** Applies a chapter's result to the run, in reading order (kept results too). */
  default void settle(S state, Done done, Context ctx) {}

  /** After every chapter's turn: the book of their results, completed (a generated chapter, a filled table). */
  default Book end(S state, Book book, Context ctx) {
    return book;
  }

  @Override
  default Book apply(Book book, Context ctx) {
    return TransformMemo.run(this, book, ctx, null);
  }

  /**
   * A chapter-wise transform whose {@link #begin} needs a look at every chapter first (the works cited, in reading
   * order, decide every citation's number). A chapter's look depends on that chapter alone, so a memo keeps it with
   * the chapter; {@link #facts} then hands each chapter's turn what the whole book made of the looks.
   *
   * @param <V> one chapter's look
   */
  interface Surveying<S, F, V> extends ChapterWise<S, F> {
    /** What {@code begin} needs of one chapter; depends on nothing else. */
    V survey(Chapter ch);

    /** The run's state from the book and every chapter's look, in reading order. */
    S begin(Book book, java.util.List<V> surveys, Context ctx);

    @Override
    default S begin(Book book, Context ctx) {
      java.util.List<V> surveys = new java.util.ArrayList<>();
      for (Chapter c : book.chapters()) surveys.add(survey(c));
      return begin(book, surveys, ctx);
    }
  }

  /** A transform whose result for a chapter depends on that chapter alone (and the project, style and files). */
  interface Alone extends ChapterWise<Void, Void> {
    Chapter rewrite(Chapter ch, Context ctx);

    @Override
    default Void begin(Book book, Context ctx) {
      return null;
    }

    @Override
    default Done chapter(Void state, Void facts, Chapter ch, Context ctx) {
      return new Done(rewrite(ch, ctx), null);
    }
  }
}
