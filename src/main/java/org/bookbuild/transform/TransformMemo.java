package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.RecordingWorld;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Part;
import org.bookbuild.project.Project;
import org.bookbuild.style.Style;

/**
 * A resident process's memory of what each transform made of each chapter ({@code book watch}). For a
 * {@link ChapterWise} transform, a chapter's kept result is taken again when the chapter is the same (the very object,
 * as the page memo and the transforms before hand it on, or an equal one), its {@linkplain ChapterWise#facts facts}
 * are equal, every file it read and every label it looked up give the same answer, the project and style are equal,
 * and the transform says it {@linkplain ChapterWise#holds holds}; its diagnostics are reported again. Any other
 * transform runs over the whole book; a chapter it gives equal to what it gave last time is replaced by that earlier
 * object, so the transforms after it see the chapter they saw before.
 *
 * <p>A build with the memo gives the same book, labels and diagnostics as one without it ({@code TransformMemoTest}).
 */
public final class TransformMemo {
  /** One chapter's kept look for a {@link ChapterWise.Surveying} transform. */
  private record Surveyed(Chapter in, Object survey) {}

  /** One chapter's kept turn in one transform. */
  private record Kept(Chapter in, Object facts, ChapterWise.Done done, List<RecordingWorld.Fact> files,
      List<Labels.Read> labels, List<Diagnostic> said) {}

  /** Per transform (by its place in the list), per chapter key. */
  private final Map<Integer, Map<String, Object>> slots = new HashMap<>();
  private Project project;
  private Style style;
  private int kept;
  private int done;

  /** Chapter turns taken from the memo so far (for tests and timings). */
  public synchronized int kept() {
    return kept;
  }

  /** Chapter turns done afresh so far by builds that had the memo (for tests and timings). */
  public synchronized int done() {
    return done;
  }

  /** Starts a build: what was kept under another project or style is dropped. */
  synchronized void begin(Context ctx) {
    if (!Objects.equals(project, ctx.project()) || !Objects.equals(style, ctx.style())) {
      slots.clear();
      project = ctx.project();
      style = ctx.style();
    }
  }

  private Map<String, Object> slot(int transform) {
    return slots.computeIfAbsent(transform, k -> new HashMap<>());
  }

  /** The key of each chapter of a book in reading order: its file and id, numbered when a book has it twice. */
  private static List<String> keys(List<Chapter> chapters) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> keys = new ArrayList<>(chapters.size());
    for (Chapter c : chapters) {
      String key = c.file() + "#" + c.id();
      int n = seen.merge(key, 1, Integer::sum);
      keys.add(n == 1 ? key : key + "#" + n);
    }
    return keys;
  }

  /** Runs transform number {@code index} over {@code book}, with this memo (null: none). */
  static Book apply(Transform t, int index, Book book, Context ctx, TransformMemo memo) {
    if (t instanceof ChapterWise<?, ?> cw) return run(cw, book, ctx, memo == null ? null : memo.slot(index), memo);
    Book out = t.apply(book, ctx);
    return memo == null ? out : memo.intern(memo.slot(index), out);
  }

  static <S, F> Book run(ChapterWise<S, F> t, Book book, Context ctx, Map<String, Object> slot) {
    return run(t, book, ctx, slot, null);
  }

  private static <S, F> Book run(ChapterWise<S, F> t, Book book, Context ctx, Map<String, Object> slot, TransformMemo memo) {
    List<String> keys = slot == null ? null : keys(book.chapters());
    S state = slot != null && t instanceof ChapterWise.Surveying<S, F, ?> sv ? begin(sv, book, keys, ctx, slot)
        : t.begin(book, ctx);
    int[] at = {0};
    Book out = book.mapChapters(ch -> {
      F facts = t.facts(state, ch);
      if (slot == null) {
        ChapterWise.Done d = t.chapter(state, facts, ch, ctx);
        t.settle(state, d, ctx);
        return d.chapter();
      }
      String key = keys.get(at[0]++);
      if (slot.get(key) instanceof Kept k && (k.in == ch || k.in.equals(ch)) && Objects.equals(k.facts, facts)
          && RecordingWorld.holds(k.files, ctx.world()) && ctx.labels().holds(k.labels) && t.holds(state, k.done)) {
        for (Diagnostic d : k.said) ctx.diags().report(d);
        t.settle(state, k.done, ctx);
        if (k.in != ch) slot.put(key, new Kept(ch, k.facts, k.done, k.files, k.labels, k.said));
        memo.count(true);
        return k.done.chapter();
      }
      Diagnostics diags = ctx.diags();
      RecordingWorld files = new RecordingWorld(ctx.world());
      int failures = diags.failureCount();
      ChapterWise.Done d;
      List<Diagnostic> said;
      List<Labels.Read> looked;
      diags.tap();
      ctx.labels().tap();
      try {
        d = t.chapter(state, facts, ch, ctx.withWorld(files));
      } finally {
        said = diags.untap();
        looked = ctx.labels().untap();
      }
      t.settle(state, d, ctx);
      memo.count(false);
      if (looked != null && diags.failureCount() == failures && !files.unknown()) {
        slot.put(key, new Kept(ch, facts, d, files.facts(), looked, said));
      } else {
        slot.remove(key);
      }
      return d.chapter();
    });
    return t.end(state, out, ctx);
  }

  /** A surveying transform's begin, each chapter's look taken from the memo while the chapter is the same. */
  private static <S, F, V> S begin(ChapterWise.Surveying<S, F, V> t, Book book, List<String> keys, Context ctx,
      Map<String, Object> slot) {
    List<Chapter> chapters = book.chapters();
    List<V> surveys = new ArrayList<>(chapters.size());
    for (int i = 0; i < chapters.size(); i++) {
      Chapter ch = chapters.get(i);
      String key = "survey " + keys.get(i);
      V v;
      if (slot.get(key) instanceof Surveyed s && (s.in == ch || s.in.equals(ch))) {
        @SuppressWarnings("unchecked")
        V kept = (V) s.survey;
        v = kept;
        if (s.in != ch) slot.put(key, new Surveyed(ch, v));
      } else {
        v = t.survey(ch);
        slot.put(key, new Surveyed(ch, v));
      }
      surveys.add(v);
    }
    return t.begin(book, surveys, ctx);
  }

  private synchronized void count(boolean wasKept) {
    if (wasKept) kept++;
    else done++;
  }

  /** A whole-book transform's result, each chapter equal to the one it gave last time replaced by that one. */
  private Book intern(Map<String, Object> slot, Book out) {
    List<String> keys = keys(out.chapters());
    int[] at = {0};
    List<Part> parts = new ArrayList<>(out.parts().size());
    for (Part p : out.parts()) {
      List<Chapter> chapters = new ArrayList<>(p.chapters().size());
      for (Chapter c : p.chapters()) {
        String key = keys.get(at[0]++);
        if (slot.get(key) instanceof Chapter before && (before == c || before.equals(c))) {
          chapters.add(before);
        } else {
          slot.put(key, c);
          chapters.add(c);
        }
      }
      parts.add(p.withChapters(chapters));
    }
    return new Book(out.meta(), parts);
  }
}
