package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Part;
import org.bookbuild.model.Rewriter;
import org.bookbuild.model.Walk;

/**
 * Places solutions where the book option {@code solutions:} says: {@code inline} (where written),
 * {@code end-of-chapter} (under a "Solutions" heading at the chapter's end), {@code end-of-book} (in a back chapter,
 * grouped by chapter) or {@code omit} (a student edition: left out). Every exercise gets an id; every solution learns
 * its exercise's id and number (for "Solution to Exercise 3.2", a link back), and an exercise whose solution is printed
 * elsewhere learns the solution's id (for "Solution on page 41"). Runs after numbering, before labels are collected.
 */
public final class PlaceSolutions implements Transform {
  /** An exercise found in the book: its id and printed number. */
  private record Ex(String id, String number) {}

  @Override
  public Book apply(Book book, Context ctx) {
    String mode = ctx.project().options().solutions();
    Map<String, Ex> exercises = new HashMap<>();
    book = book.mapChapters(ch -> ch.withBlocks(exerciseIds(ch, exercises)));
    Map<String, String> solutionOf = new HashMap<>();
    List<Chapter> chapters = book.chapters();
    Map<String, List<Block>> moved = new LinkedHashMap<>();
    List<Chapter> out = new ArrayList<>();
    for (Chapter ch : chapters) {
      List<Block> taken = new ArrayList<>();
      List<Block> blocks = new Rewriter() {
        @Override
        protected List<Block> block(Block b) {
          if (!(b instanceof Block.Div d) || !d.kind().equals("solution")) return List.of(b);
          Block.Div s = linked(d, exercises, ctx);
          String ex = s.attr().get("exercise");
          if (ex != null) solutionOf.put(ex, s.attr().id());
          if (mode.equals("inline")) return List.of(s);
          if (!mode.equals("omit")) taken.add(s);
          return List.of();
        }
      }.blocks(ch.blocks());
      moved.put(ch.id(), taken);
      if (mode.equals("end-of-chapter") && !taken.isEmpty()) {
        blocks = new ArrayList<>(blocks);
        SourcePos pos = taken.get(0).pos();
        blocks.add(new Block.Heading(pos, new Attr(ch.id() + "-solutions", List.of("unnumbered"), Map.of()), 2,
            List.of(new Inline.Text(pos, ctx.style().string("solutions.heading")))));
        blocks.addAll(taken);
      }
      out.add(ch.withBlocks(blocks));
    }
    Map<String, Chapter> byId = new HashMap<>();
    for (Chapter c : out) byId.put(c.id(), c);
    List<Part> parts = new ArrayList<>();
    for (Part p : book.parts()) parts.add(p.withChapters(p.chapters().stream().map(c -> byId.get(c.id())).toList()));
    if (mode.equals("end-of-book")) {
      Chapter back = backChapter(out, moved, ctx);
      if (back != null) parts.add(new Part("", "", List.of(back)));
    }
    Book placed = new Book(book.meta(), parts);
    if (mode.equals("inline") || mode.equals("omit")) return placed;
    return placed.mapChapters(ch -> ch.withBlocks(new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Div d && d.kind().equals("exercise") && solutionOf.containsKey(d.attr().id())) {
          return List.of(new Block.Div(d.pos(), d.attr().with("solution", solutionOf.get(d.attr().id())), d.title(),
              d.content()));
        }
        return List.of(b);
      }
    }.blocks(ch.blocks())));
  }

  /** Gives unlabelled exercises an id and records every exercise by label. */
  private static List<Block> exerciseIds(Chapter ch, Map<String, Ex> exercises) {
    int[] n = {0};
    return new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (!(b instanceof Block.Div d) || !d.kind().equals("exercise")) return List.of(b);
        n[0]++;
        String id = d.attr().id().isEmpty() ? ch.id() + "-exercise-" + n[0] : d.attr().id();
        exercises.putIfAbsent(Labels.normalise(id), new Ex(id, d.attr().get("number", "")));
        return List.of(new Block.Div(d.pos(), d.attr().withId(id), d.title(), d.content()));
      }
    }.blocks(ch.blocks());
  }

  private static Block.Div linked(Block.Div d, Map<String, Ex> exercises, Context ctx) {
    String target = d.attr().get("for", "");
    Ex ex = exercises.get(Labels.normalise(target));
    Attr a = d.attr();
    if (ex == null) {
      ctx.diags().warn("solution-orphan", d.pos(), "solution for '" + target + "': no exercise has that label");
    } else {
      a = a.with("exercise", ex.id()).with("exercise-number", ex.number());
      if (a.id().isEmpty()) a = a.withId("solution-" + ex.id());
    }
    return new Block.Div(d.pos(), a, d.title(), d.content());
  }

  /** The end-of-book chapter: a heading per chapter that has solutions, then its solutions. */
  private static Chapter backChapter(List<Chapter> chapters, Map<String, List<Block>> moved, Context ctx) {
    List<Block> blocks = new ArrayList<>();
    String file = null;
    for (Chapter ch : chapters) {
      List<Block> s = moved.getOrDefault(ch.id(), List.of());
      if (s.isEmpty()) continue;
      if (file == null) file = ch.file();
      SourcePos pos = s.get(0).pos();
      List<Inline> title = new ArrayList<>();
      ch.titleHeading().ifPresent(h -> {
        String num = h.attr().get("number");
        if (num != null) title.add(new Inline.Text(pos, num + " "));
        title.addAll(h.content());
      });
      if (title.isEmpty()) title.add(new Inline.Text(pos, ch.id()));
      blocks.add(new Block.Heading(pos, new Attr("solutions-" + ch.id(), List.of("unnumbered"), Map.of()), 2,
          stripIds(title)));
      blocks.addAll(s);
    }
    if (blocks.isEmpty()) return null;
    SourcePos pos = blocks.get(0).pos();
    blocks.add(0, new Block.Heading(pos, new Attr("solutions", List.of("unnumbered"), Map.of()), 1,
        List.of(new Inline.Text(pos, ctx.style().string("solutions.chapter")))));
    return new Chapter(file, "solutions", Chapter.Kind.BACK, blocks);
  }

  /** A chapter title copied into a heading must not repeat the ids of anchors inside it. */
  private static List<Inline> stripIds(List<Inline> in) {
    List<Inline> out = new ArrayList<>();
    for (Inline i : in) if (!(i instanceof Inline.Anchor)) out.add(i);
    return out;
  }

  static String text(List<Inline> in) {
    return Walk.text(in);
  }
}
