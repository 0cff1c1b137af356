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
public final class PlaceSolutions implements ChapterWise.Surveying<PlaceSolutions.Run, PlaceSolutions.Links, PlaceSolutions.Survey> {
  /** An exercise found in the book: its id and printed number. */
  record Ex(String id, String number) {}

  /**
   * What one chapter holds: its exercises by label (with the ids they get), and its solutions, each as the label of
   * its exercise ({@code for}) and its own id ("" when it has none).
   */
  record Survey(Map<String, Ex> exercises, List<String[]> solutions) {}

  /**
   * What a chapter's turn is told: the exercise each of its solutions names (absent: none of that label), and the
   * solution of each of its exercises printed elsewhere.
   */
  record Links(Map<String, Ex> exercises, Map<String, String> solutionOf) {}

  /** One run: where solutions go, every exercise by label, each exercise's solution, the solutions each chapter moved. */
  static final class Run {
    String mode;
    final Map<String, Ex> exercises = new HashMap<>();
    final Map<String, String> solutionOf = new HashMap<>();
    final Map<Chapter, Survey> surveys = new java.util.IdentityHashMap<>();
    final Map<String, List<Block>> moved = new LinkedHashMap<>();
  }

  @Override
  public Survey survey(Chapter ch) {
    Map<String, Ex> exercises = new LinkedHashMap<>();
    List<String[]> solutions = new ArrayList<>();
    new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Div d && d.kind().equals("solution")) {
          solutions.add(new String[] {d.attr().get("for", ""), d.attr().id()});
        }
        return List.of(b);
      }
    }.blocks(exerciseIds(ch, exercises));
    return new Survey(exercises, solutions);
  }

  @Override
  public Run begin(Book book, List<Survey> surveys, Context ctx) {
    Run run = new Run();
    run.mode = ctx.project().options().solutions();
    List<Chapter> chapters = book.chapters();
    for (int i = 0; i < chapters.size(); i++) {
      run.surveys.put(chapters.get(i), surveys.get(i));
      surveys.get(i).exercises().forEach(run.exercises::putIfAbsent);
    }
    for (Survey s : surveys) {
      for (String[] sol : s.solutions()) {
        Ex ex = run.exercises.get(Labels.normalise(sol[0]));
        if (ex != null) run.solutionOf.put(ex.id(), sol[1].isEmpty() ? "solution-" + ex.id() : sol[1]);
      }
    }
    return run;
  }

  @Override
  public Links facts(Run run, Chapter ch) {
    Survey s = run.surveys.get(ch);
    Map<String, Ex> named = new HashMap<>();
    for (String[] sol : s.solutions()) {
      String label = Labels.normalise(sol[0]);
      Ex ex = run.exercises.get(label);
      if (ex != null) named.put(label, ex);
    }
    Map<String, String> solutionOf = new HashMap<>();
    if (!run.mode.equals("inline") && !run.mode.equals("omit")) {
      for (Ex ex : s.exercises().values()) {
        String sol = run.solutionOf.get(ex.id());
        if (sol != null) solutionOf.put(ex.id(), sol);
      }
    }
    return new Links(named, solutionOf);
  }

  /** The chapter with its solutions placed; its extra: the solutions it gives to the end of the book. */
  @Override
  public Done chapter(Run run, Links links, Chapter chapter, Context ctx) {
    String mode = run.mode;
    Chapter ch = chapter.withBlocks(exerciseIds(chapter, new HashMap<>()));
    List<Block> taken = new ArrayList<>();
    List<Block> blocks = new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (!(b instanceof Block.Div d) || !d.kind().equals("solution")) return List.of(b);
        Block.Div s = linked(d, links.exercises(), ctx);
        if (mode.equals("inline")) return List.of(s);
        if (!mode.equals("omit")) taken.add(s);
        return List.of();
      }
    }.blocks(ch.blocks());
    if (mode.equals("end-of-chapter") && !taken.isEmpty()) {
      blocks = new ArrayList<>(blocks);
      SourcePos pos = taken.get(0).pos();
      blocks.add(new Block.Heading(pos, new Attr(ch.id() + "-solutions", List.of("unnumbered"), Map.of()), 2,
          List.of(new Inline.Text(pos, ctx.style().string("solutions.heading")))));
      blocks.addAll(taken);
    }
    if (!links.solutionOf().isEmpty()) {
      blocks = new Rewriter() {
        @Override
        protected List<Block> block(Block b) {
          if (b instanceof Block.Div d && d.kind().equals("exercise") && links.solutionOf().containsKey(d.attr().id())) {
            return List.of(new Block.Div(d.pos(), d.attr().with("solution", links.solutionOf().get(d.attr().id())),
                d.title(), d.content()));
          }
          return List.of(b);
        }
      }.blocks(blocks);
    }
    return new Done(ch.withBlocks(blocks), taken);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void settle(Run run, Done done, Context ctx) {
    run.moved.put(done.chapter().id(), (List<Block>) done.extra());
  }

  /** At {@code end-of-book}, the chapter of solutions goes after the others. */
  @Override
  public Book end(Run run, Book book, Context ctx) {
    if (!run.mode.equals("end-of-book")) return book;
    Chapter back = backChapter(book.chapters(), run.moved, ctx);
    if (back == null) return book;
    List<Part> parts = new ArrayList<>(book.parts());
    parts.add(new Part("", "", List.of(back)));
    return new Book(book.meta(), parts);
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
