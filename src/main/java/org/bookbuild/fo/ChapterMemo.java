package org.bookbuild.fo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.RecordingWorld;
import org.bookbuild.math.MathFo;
import org.bookbuild.model.Chapter;
import org.bookbuild.project.Project;
import org.bookbuild.style.Style;
import org.bookbuild.transform.Context;

/**
 * A resident process's memory of each chapter's FO ({@code book watch}): a chapter whose model (after every
 * transform: numbers, resolved references) equals the last build's, under the same style and project, is not written
 * again while everything its writing depended on stands:
 * <ul>
 *   <li>the writer's state at the chapter's start: the tagged heading level, the math macros (a {@code \def} in an
 *       earlier chapter), no list label waiting;
 *   <li>every once-per-book claim it made gets the same answer (an id already written elsewhere is not written again;
 *       a missing glyph is reported once per file);
 *   <li>every file it looked at through the world or read from the output folder (images) is unchanged.
 * </ul>
 * Its FO text, source notes, diagnostics, claims and the state it left are then replayed. The FO of a build is the same
 * text with or without the memo ({@code ChapterMemoTest}); a chapter that hit an internal error is not kept.
 */
public final class ChapterMemo {
  private final Map<String, Entry> chapters = new ConcurrentHashMap<>();
  private int hits;
  private int writes;
  /**
   * The style and project the kept chapters were written under, and the objects last found equal to them: each build
   * loads its own, and comparing them deeply once per chapter was a twentieth of a watch's FO stage.
   */
  private Style style;
  private Style styleSeen;
  private Project project;
  private Project projectSeen;

  /** What writing one chapter gave and what it depended on. */
  private record Entry(Chapter chapter, Style style, Project project, int headingIn, Object macrosIn, int headingOut,
      Object macrosOut, List<Claims.Claim> ids, List<Claims.Claim> glyphs, List<RecordingWorld.Fact> facts,
      String text, List<Object[]> notes, List<Diagnostic> diags) {}

  /** Chapters replayed from the memo so far (for tests and timings). */
  public synchronized int hits() {
    return hits;
  }

  /** Chapters written (not replayed) so far by builds that had the memo. */
  public synchronized int writes() {
    return writes;
  }

  /** Writes chapter {@code c} into {@code fo}: from the memo when it holds, else through the renderers (and kept). */
  static void write(ChapterMemo memo, Fo fo, Chapter c) {
    fo.startChapter(c);
    fo.xml().settle();
    if (memo == null) fo.chapterBlocks(c);
    else memo.kept(fo, c);
  }

  /** The kept style equal to {@code s} (then the very object entries hold), or {@code s}, kept from now on. */
  private synchronized Style style(Style s) {
    if (s != styleSeen) {
      if (style == null || !style.equals(s)) style = s;
      styleSeen = s;
    }
    return style;
  }

  /** The kept project equal to {@code p}, or {@code p}, kept from now on. */
  private synchronized Project project(Project p) {
    if (p != projectSeen) {
      if (project == null || !project.equals(p)) project = p;
      projectSeen = p;
    }
    return project;
  }

  private void kept(Fo fo, Chapter c) {
    String key = c.file() + "#" + c.id();
    Object macrosIn = MathFo.context(fo).macros().snapshot();
    Style style = style(fo.style());
    Project project = project(fo.ctx().project());
    Entry e = chapters.get(key);
    if (e != null && holds(e, fo, c, macrosIn, style, project)) {
      replay(e, fo);
      synchronized (this) {
        hits++;
      }
      return;
    }
    synchronized (this) {
      writes++;
    }
    Context outer = fo.ctx();
    Diagnostics diags = outer.diags();
    RecordingWorld rec = new RecordingWorld(outer.world());
    int start = fo.xml().length();
    int headingIn = fo.headingTag;
    int failures = diags.failureCount();
    boolean between = fo.between();
    fo.ctx(outer.withWorld(rec));
    fo.ids.tap();
    fo.glyphs.reported.tap();
    fo.sources.tap();
    diags.tap();
    List<Diagnostic> said;
    List<Claims.Claim> ids;
    List<Claims.Claim> glyphs;
    List<Object[]> notes;
    try {
      fo.chapterBlocks(c);
    } finally {
      fo.ctx(outer);
      said = diags.untap();
      ids = fo.ids.untap();
      glyphs = fo.glyphs.reported.untap();
      notes = fo.sources.untap();
    }
    if (!between || !fo.between() || diags.failureCount() != failures || rec.unknown()) {
      chapters.remove(key);
      return;
    }
    List<Object[]> relative = new java.util.ArrayList<>(notes.size());
    for (Object[] n : notes) relative.add(new Object[] {(Integer) n[0] - start, n[1]});
    chapters.put(key, new Entry(c, style, project, headingIn, macrosIn, fo.headingTag,
        MathFo.context(fo).macros().snapshot(), ids, glyphs, rec.facts(), fo.xml().from(start), relative, said));
  }

  private static boolean holds(Entry e, Fo fo, Chapter c, Object macrosIn, Style style, Project project) {
    return e.headingIn == fo.headingTag && fo.between() && e.macrosIn.equals(macrosIn) && e.style == style
        && e.project == project && e.chapter.equals(c) && fo.ids.agree(e.ids)
        && fo.glyphs.reported.agree(e.glyphs) && RecordingWorld.holds(e.facts, fo.ctx().world());
  }

  private static void replay(Entry e, Fo fo) {
    int base = fo.xml().length();
    fo.xml().raw(e.text);
    for (Object[] n : e.notes) fo.sources.note(base + (Integer) n[0], (SourcePos) n[1]);
    fo.ids.take(e.ids);
    fo.glyphs.reported.take(e.glyphs);
    for (Diagnostic d : e.diags) fo.ctx().diags().report(d);
    fo.headingTag = e.headingOut;
    if (!e.macrosOut.equals(e.macrosIn)) MathFo.context(fo).macros().restore(e.macrosOut);
  }
}
