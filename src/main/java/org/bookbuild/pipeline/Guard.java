package org.bookbuild.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Part;
import org.bookbuild.transform.Context;
import org.bookbuild.transform.Transforms;

/**
 * Keeps one bad chapter from taking down the book in the transform stage. Transforms work on the whole book (labels
 * and numbers cross chapters), so a failure is located afterwards: each chapter, then each top-level block of a
 * failing chapter, is run through the transforms alone with a scratch context; what still fails is replaced by a
 * problem box, reported as {@code internal-error} at its position, and the book is transformed again from scratch.
 */
final class Guard {
  /** The transformed book and the context that holds its labels (the FO writer needs both). */
  record Transformed(Book book, Context ctx) {}

  private Guard() {}

  static Transformed transforms(Book parsed, Function<Diagnostics, Context> contexts, Diagnostics diags) {
    return transforms(parsed, contexts, diags, null);
  }

  /** @param timings hears each transform's time on the first (normally the only) pass (null: not timed) */
  static Transformed transforms(Book parsed, Function<Diagnostics, Context> contexts, Diagnostics diags,
      org.bookbuild.diag.Timings timings) {
    return transforms(parsed, contexts, diags, timings, null);
  }

  /** @param memo what a resident process kept of the transforms' work (null: none); the repairs do without it */
  static Transformed transforms(Book parsed, Function<Diagnostics, Context> contexts, Diagnostics diags,
      org.bookbuild.diag.Timings timings, org.bookbuild.transform.TransformMemo memo) {
    Context ctx = contexts.apply(diags);
    try {
      return new Transformed(Transforms.apply(parsed, ctx, timings, memo), ctx);
    } catch (RuntimeException | StackOverflowError e) {
      Book repaired = parsed.mapChapters(c -> isolate(c, parsed, contexts, diags, e));
      Context fresh = contexts.apply(diags);
      try {
        return new Transformed(Transforms.apply(repaired, fresh), fresh);
      } catch (RuntimeException | StackOverflowError again) {
        // the failure only shows in combination: print the book untransformed rather than not at all
        diags.internal(SourcePos.NONE, "numbering and resolving references", again);
        return new Transformed(parsed, contexts.apply(diags));
      }
    }
  }

  private static Chapter isolate(Chapter c, Book book, Function<Diagnostics, Context> contexts, Diagnostics diags,
      Throwable original) {
    if (!fails(List.of(c), book, contexts)) return c;
    List<Block> kept = new ArrayList<>();
    for (Block b : c.blocks()) {
      if (b instanceof Block.Heading h && h.level() == 1) {
        kept.add(b);
        continue;
      }
      Throwable t = failure(List.of(c.withBlocks(List.of(b))), book, contexts);
      if (t == null) {
        kept.add(b);
      } else {
        diags.internal(b.pos(), "transforming this block of " + c.file(), t);
        kept.add(new Block.Problem(b.pos(), "this block could not be processed (internal error, see the build's messages)", ""));
      }
    }
    Chapter repaired = c.withBlocks(kept);
    if (!fails(List.of(repaired), book, contexts)) return repaired;
    diags.internal(SourcePos.of(c.file(), 1, 1), "transforming chapter " + c.file(), original);
    List<Block> title = c.titleHeading().<List<Block>>map(List::of).orElse(List.of());
    List<Block> blocks = new ArrayList<>(title);
    blocks.add(new Block.Problem(SourcePos.of(c.file(), 1, 1), "chapter " + c.file() + " could not be processed (internal error)", ""));
    return c.withBlocks(blocks);
  }

  private static boolean fails(List<Chapter> chapters, Book book, Function<Diagnostics, Context> contexts) {
    return failure(chapters, book, contexts) != null;
  }

  private static Throwable failure(List<Chapter> chapters, Book book, Function<Diagnostics, Context> contexts) {
    try {
      Transforms.apply(new Book(book.meta(), List.of(new Part("", "", chapters))), contexts.apply(new Diagnostics()));
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return e;
    }
  }
}
