package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * mystmd's {@code {embed} #label}: the {@code embed} divs the parser left are replaced by a copy of the block the label
 * names, from any page of the book: a figure, table, equation or directive by its label; a paragraph by the
 * {@code (label)=} target before it (or the block after a target that stands alone); a notebook cell by its
 * {@code label} (its input and output, without {@code :remove-input:} / {@code :remove-output:}); a heading's whole
 * section, its title printed as a rubric so that the contents and outline keep one entry. The copy keeps its number
 * (Figure 2.1 twice, as mystmd prints it) but no label: references still go to the original. Runs after numbering,
 * before labels are collected. A label no block carries gives {@code embed-unresolved} and a placeholder. mystmd's
 * {@code {figure} #label} holds such an embed (attribute {@code in-figure}): the figure shows the labelled block's
 * content (a notebook cell's output) under its own caption and number.
 */
public final class Embeds implements ChapterWise.Surveying<Embeds.Run, Map<String, List<Block>>, Embeds.Survey> {
  private static final String KIND = "embed";
  private static final int MAX_DEPTH = 8;

  /** What one chapter holds for embeds: whether it embeds anything, and its labelled blocks (first label wins). */
  record Survey(boolean embeds, Map<String, List<Block>> targets) {}

  /** One run: every labelled block of the book (null when no chapter embeds), and each chapter's look. */
  static final class Run {
    Map<String, List<Block>> targets;
    final Map<Chapter, Survey> surveys = new java.util.IdentityHashMap<>();
  }

  @Override
  public Survey survey(Chapter ch) {
    boolean[] any = {false};
    org.bookbuild.model.Walk.blocks(ch.blocks(), n -> {
      if (n instanceof Block.Div d && d.kind().equals(KIND)) any[0] = true;
    });
    Map<String, List<Block>> targets = new HashMap<>();
    collect(ch.blocks(), targets);
    return new Survey(any[0], targets);
  }

  @Override
  public Run begin(Book book, List<Survey> surveys, Context ctx) {
    Run run = new Run();
    List<Chapter> chapters = book.chapters();
    boolean any = false;
    for (int i = 0; i < chapters.size(); i++) {
      run.surveys.put(chapters.get(i), surveys.get(i));
      any |= surveys.get(i).embeds();
    }
    if (!any) return run;
    run.targets = new HashMap<>();
    for (Survey s : surveys) s.targets().forEach(run.targets::putIfAbsent);
    return run;
  }

  /** Every labelled block of the book, for a chapter that embeds (null for one that does not). */
  @Override
  public Map<String, List<Block>> facts(Run run, Chapter ch) {
    return run.surveys.get(ch).embeds() ? run.targets : null;
  }

  @Override
  public Done chapter(Run run, Map<String, List<Block>> targets, Chapter ch, Context ctx) {
    if (targets == null) return new Done(ch, null);
    return new Done(ch.withBlocks(resolve(ch.blocks(), targets, ctx, new HashSet<>(), 0)), null);
  }

  private static List<Block> resolve(List<Block> blocks, Map<String, List<Block>> targets, Context ctx,
      Set<String> open, int depth) {
    return new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (!(b instanceof Block.Div d) || !d.kind().equals(KIND)) return List.of(b);
        String label = d.attr().get(KIND, "");
        String key = Labels.normalise(label);
        List<Block> found = targets.get(key);
        if (found == null || open.contains(key) || depth >= MAX_DEPTH) {
          String why = found == null ? "no block in the book is labelled '" + label + "'"
              : "the block labelled '" + label + "' embeds itself";
          ctx.diags().report(Diagnostic.warning("embed-unresolved", d.pos(), "{embed} cannot print '" + label
              + "': " + why).withHint(found == null ? "label the block with (" + label + ")= or :label: " + label : ""));
          return List.of(new Block.Problem(d.pos(), "embedded block '" + label + "' not found", "{embed} #" + label));
        }
        List<Block> copy = new ArrayList<>();
        for (Block f : found) {
          boolean input = f instanceof Block.CodeBlock c && c.attr().hasClass("cell-input");
          if (input && d.attr().get("remove-input", "").equals("true")) continue;
          if (!input && found.size() > 1 && found.get(0) instanceof Block.CodeBlock c0 && c0.attr().hasClass("cell-input")
              && d.attr().get("remove-output", "").equals("true")) continue;
          copy.add(f);
        }
        if (d.attr().get("in-figure", "").equals("true")) {
          // the picture of a figure: a labelled figure's (a cell's) content without its own caption and number
          List<Block> inner = new ArrayList<>();
          for (Block f : copy) {
            if (f instanceof Block.Figure fig) inner.addAll(fig.content());
            else inner.add(f);
          }
          copy = inner;
        }
        open.add(key);
        List<Block> out = resolve(unlabelled(copy), targets, ctx, open, depth + 1);
        open.remove(key);
        return out;
      }
    }.blocks(blocks);
  }

  /** Finds every labelled block (first label wins, as for references), looking into containers. */
  private static void collect(List<Block> bs, Map<String, List<Block>> targets) {
    for (int i = 0; i < bs.size(); i++) {
      Block b = bs.get(i);
      String id = id(b);
      if (!id.isEmpty()) {
        List<Block> what = List.of(b);
        if (b instanceof Block.Heading h) {
          List<Block> section = new ArrayList<>(List.of(b));
          for (int k = i + 1; k < bs.size() && !(bs.get(k) instanceof Block.Heading n && n.level() <= h.level()); k++) {
            section.add(bs.get(k));
          }
          what = section;
        } else if (i > 0 && bs.get(i - 1) instanceof Block.CodeBlock c && c.attr().hasClass("cell-input")
            && c.pos().equals(b.pos())) {
          what = List.of(c, b); // a labelled notebook cell: its input, then its outputs
        }
        targets.putIfAbsent(Labels.normalise(id), what);
      }
      List<Inline> lead = b instanceof Block.Para p ? p.content() : b instanceof Block.Plain p ? p.content() : List.of();
      boolean onlyAnchors = !lead.isEmpty() && lead.stream().allMatch(x -> x instanceof Inline.Anchor);
      for (Inline x : lead) {
        if (!(x instanceof Inline.Anchor a)) break;
        if (onlyAnchors && b instanceof Block.Plain) {
          if (i + 1 < bs.size()) targets.putIfAbsent(Labels.normalise(a.id()), List.of(bs.get(i + 1)));
        } else {
          targets.putIfAbsent(Labels.normalise(a.id()), List.of(b));
        }
      }
      children(b, targets);
    }
  }

  private static void children(Block b, Map<String, List<Block>> targets) {
    if (b instanceof Block.Div d) collect(d.content(), targets);
    else if (b instanceof Block.Figure f) collect(f.content(), targets);
    else if (b instanceof Block.Quote q) collect(q.content(), targets);
    else if (b instanceof Block.BulletList l) l.items().forEach(it -> collect(it.content(), targets));
    else if (b instanceof Block.OrderedList l) l.items().forEach(it -> collect(it.content(), targets));
    else if (b instanceof Block.DefList l) l.items().forEach(it -> it.definitions().forEach(x -> collect(x, targets)));
    else if (b instanceof Block.Table t) {
      for (List<Block.Row> rows : List.of(t.head(), t.body())) {
        rows.forEach(r -> r.cells().forEach(c -> collect(c.content(), targets)));
      }
    }
  }

  private static String id(Block b) {
    Attr a = Block.attrOf(b);
    return a == null ? "" : a.id();
  }


  /** The blocks again without any label or anchor (one target per label); headings become rubrics. */
  static List<Block> unlabelled(List<Block> blocks) {
    return new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Heading h) {
          return List.of(new Block.Div(h.pos(), Attr.classes("rubric"), h.content(), List.of()));
        }
        if (b instanceof Block.Figure f) return List.of(new Block.Figure(f.pos(), f.attr().withId(""), f.content(), f.caption()));
        if (b instanceof Block.Table t) {
          return List.of(new Block.Table(t.pos(), t.attr().withId(""), t.caption(), t.aligns(), t.widths(), t.head(), t.body()));
        }
        if (b instanceof Block.MathBlock m) return List.of(new Block.MathBlock(m.pos(), m.attr().withId(""), m.tex()));
        if (b instanceof Block.CodeBlock c) return List.of(new Block.CodeBlock(c.pos(), c.attr().withId(""), c.language(), c.text()));
        if (b instanceof Block.Div d) return List.of(new Block.Div(d.pos(), d.attr().withId(""), d.title(), d.content()));
        if (b instanceof Block.Plain p && p.content().isEmpty()) return List.of();
        return List.of(b);
      }

      @Override
      protected List<Inline> inline(Inline i) {
        if (i instanceof Inline.Anchor) return List.of();
        if (i instanceof Inline.Span s && !s.attr().id().isEmpty()) {
          return List.of(new Inline.Span(s.pos(), s.attr().withId(""), s.content()));
        }
        if (i instanceof Inline.Image im && !im.attr().id().isEmpty()) {
          return List.of(new Inline.Image(im.pos(), im.attr().withId(""), im.src(), im.alt()));
        }
        return List.of(i);
      }
    }.blocks(blocks);
  }
}
