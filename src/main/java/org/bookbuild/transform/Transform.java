package org.bookbuild.transform;

import org.bookbuild.model.Book;

/** One small, named step that rewrites the book. Transforms run in the order {@link Transforms#LIST} gives. */
public interface Transform {
  Book apply(Book book, Context ctx);

  /** A short name for timing and messages. */
  default String name() {
    return getClass().getSimpleName();
  }
}
