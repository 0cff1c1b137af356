package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Rewriter;
import org.bookbuild.model.Walk;
import org.bookbuild.project.ProjectLoader;

/**
 * Gives every heading an id unique in the book: the author's label if there is one, else the chapter id for a chapter
 * title and {@code <chapter>-<slug of title>} for sections. Ids are what the TOC, bookmarks and links point at. An id
 * an earlier heading took gets "-2", "-3" …; an author's label used twice is reported at its second use.
 */
public final class HeadingIds implements ChapterWise<HeadingIds.Run, Void> {
  /** The ids taken so far, and where each author's label was first used. */
  record Run(Set<String> used, Map<String, SourcePos> labelled) {}

  /** One heading's id: the one it asked for, the one it got, and whether the author wrote it (then where). */
  private record Taken(String asked, String got, SourcePos labelledAt) {}

  @Override
  public Run begin(Book book, Context ctx) {
    return new Run(new HashSet<>(), new HashMap<>());
  }

  /** Reads the ids earlier chapters took ({@link #holds} asks again for a kept turn). */
  @Override
  public Done chapter(Run run, Void facts, Chapter ch, Context ctx) {
    List<Taken> taken = new ArrayList<>();
    Set<String> mine = new HashSet<>();
    List<Block> blocks = new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Heading h) {
          String id = h.attr().id();
          SourcePos labelledAt = null;
          if (id.isEmpty()) {
            id = h.level() == 1 ? ch.id() : ch.id() + "-" + ProjectLoader.slug(Walk.text(h.content()));
          } else {
            id = Labels.normalise(id);
            labelledAt = h.pos();
          }
          String unique = unique(id, run.used(), mine);
          taken.add(new Taken(id, unique, labelledAt));
          return List.of(new Block.Heading(h.pos(), h.attr().withId(unique), h.level(), h.content()));
        }
        return List.of(b);
      }
    }.blocks(ch.blocks());
    return new Done(ch.withBlocks(blocks), taken);
  }

  private static String unique(String id, Set<String> used, Set<String> mine) {
    String unique = id;
    for (int i = 2; used.contains(unique) || !mine.add(unique); i++) unique = id + "-" + i;
    return unique;
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean holds(Run run, Done kept) {
    Set<String> mine = new HashSet<>();
    for (Taken t : (List<Taken>) kept.extra()) if (!unique(t.asked(), run.used(), mine).equals(t.got())) return false;
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void settle(Run run, Done done, Context ctx) {
    for (Taken t : (List<Taken>) done.extra()) {
      run.used().add(t.got());
      if (t.labelledAt() == null) continue;
      // the author's label must stay unique in the FO, but a repeat is the author's mistake: say so
      SourcePos first = run.labelled().putIfAbsent(t.asked(), t.labelledAt());
      if (first != null) {
        ctx.diags().warn("label-duplicate", t.labelledAt(), "label '" + t.asked() + "' is already used at " + first
            + "; references go to the first");
      }
    }
  }
}
