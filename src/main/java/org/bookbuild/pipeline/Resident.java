package org.bookbuild.pipeline;

import org.bookbuild.check.ReadBack;
import org.bookbuild.fo.ChapterMemo;
import org.bookbuild.parse.PageMemo;
import org.bookbuild.transform.TransformMemo;

/**
 * What a resident process ({@code book watch}) keeps from one build to the next so that the next build does only the
 * work an edit asks for: parsed pages ({@link PageMemo}), what each transform made of each chapter ({@link TransformMemo}), each chapter's
 * FO ({@link ChapterMemo}) and the read-back's traces of content streams ({@link ReadBack.Memo}). Each memo checks its own validity; a build with no resident state does everything.
 */
public record Resident(PageMemo pages, TransformMemo transforms, ChapterMemo chapters, ReadBack.Memo readBack) {
  /** Empty memories, for a process that is about to build the same book several times. */
  public static Resident fresh() {
    return new Resident(new PageMemo(), new TransformMemo(), new ChapterMemo(), new ReadBack.Memo());
  }
}
