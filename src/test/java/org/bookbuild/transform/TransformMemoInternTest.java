package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Part;
import org.bookbuild.style.StyleLoader;
import org.bookbuild.testing.ModelBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transform that is not chapter-wise runs over the whole book every build; the memo hands back, for each chapter it
 * gives equal to last time, last time's object, so that the chapter-wise transforms after it find their kept turns.
 */
class TransformMemoInternTest {
  @TempDir Path dir;

  /** Rewrites every chapter into a new, equal object (as a whole-book transform that numbers things does). */
  private static final Transform COPY = (book, ctx) -> book.mapChapters(c -> new Chapter(c.file(), c.id(), c.kind(),
      List.copyOf(c.blocks())));

  private static Chapter chapter(String id, String text) {
    return new Chapter(id + ".md", id, Chapter.Kind.BODY, List.of(new Block.Para(SourcePos.NONE,
        List.of(new Inline.Text(SourcePos.NONE, text)))));
  }

  @Test
  void chaptersAWholeBookTransformGivesEqualToLastTimeAreLastTimesObjects() throws Exception {
    DiskWorld world = new DiskWorld(dir, Map.of());
    Context ctx = new Context(ModelBooks.project(List.of(), ""), StyleLoader.load(world, "default", "en"),
        new Diagnostics(), world);
    TransformMemo memo = new TransformMemo();
    memo.begin(ctx);
    Book first = TransformMemo.apply(COPY, 0, new Book(ModelBooks.meta(), List.of(new Part("", "",
        List.of(chapter("a", "one"), chapter("b", "two"))))), ctx, memo);
    Book second = TransformMemo.apply(COPY, 0, new Book(ModelBooks.meta(), List.of(new Part("", "",
        List.of(chapter("a", "one"), chapter("b", "two, edited"))))), ctx, memo);
    assertSame(first.chapters().get(0), second.chapters().get(0), "the unchanged chapter is last time's object");
    assertNotSame(first.chapters().get(1), second.chapters().get(1), "the edited one is new");
    Book third = TransformMemo.apply(COPY, 0, new Book(ModelBooks.meta(), List.of(new Part("", "",
        List.of(chapter("a", "one"), chapter("b", "two, edited"))))), ctx, memo);
    assertSame(second.chapters().get(1), third.chapters().get(1), "and kept from then on");
  }
}
