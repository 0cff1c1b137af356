package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.math.Macros;
import org.bookbuild.math.TexPrepass;
import org.bookbuild.math.Typesetter;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Rewriter;

/**
 * Numbers display equations per chapter ("3.4"). Which ones is the book option {@code numbering: equations:}:
 * {@code labelled} (mystmd's default: an equation with a MyST label or a {@code \label}) or {@code all} (every display
 * formula not starred and not {@code \nonumber}ed). Lines of {@code align} and {@code gather} are numbered one by one
 * under the same rule, applied per line. {@code \tag} prints its own text and takes no number. A {@code \label}
 * inside the formula becomes the block's label, so {@code {eq}} references find it; labels on further lines are
 * added to the label table here. Sets {@code number} (or {@code numbers}, comma-separated per line) in the attributes.
 */
public final class EquationNumbers implements ChapterWise<EquationNumbers.Run, Void> {
  /** Whether every display formula is numbered, and the book's macros. */
  record Run(boolean all, Macros macros) {}

  @Override
  public Run begin(Book book, Context ctx) {
    return new Run("all".equalsIgnoreCase(ctx.project().options().equations()), Macros.of(ctx.project().mathMacros()));
  }

  /** The chapter numbered; its extra: the labels of further lines, for the book's table ({@link #settle}). */
  @Override
  public Done chapter(Run run, Void facts, Chapter ch, Context ctx) {
    List<Labels.Target> lines = new ArrayList<>();
    return new Done(number(ch, run.all(), run.macros(), lines), lines);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void settle(Run run, Done done, Context ctx) {
    for (Labels.Target t : (List<Labels.Target>) done.extra()) {
      ctx.labels().add(t).ifPresent(old -> ctx.diags().warn("label-duplicate", t.pos(),
          "label '" + t.id() + "' is already used at " + old.pos() + "; references go to the first"));
    }
  }

  private static Chapter number(Chapter ch, boolean all, Macros macros, List<Labels.Target> lines) {
    String prefix = ch.titleHeading().map(h -> h.attr().get("number", "")).orElse("");
    int[] n = {0};
    List<Block> out = new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (!(b instanceof Block.MathBlock m)) return List.of(b);
        TexPrepass.Result r;
        try {
          r = TexPrepass.run(m.tex(), true, macros);
        } catch (Typesetter.MathException e) {
          return List.of(b); // reported where it is typeset
        }
        Attr a = m.attr();
        if (a.id().isEmpty() && !r.labels().isEmpty()) a = a.withId(r.labels().get(0));
        if (r.rows().size() > 1) {
          List<String> nums = new ArrayList<>();
          boolean blockLabelled = !m.attr().id().isEmpty();
          boolean any = false;
          for (int i = 0; i < r.rows().size(); i++) {
            TexPrepass.Row row = r.rows().get(i);
            boolean want = row.tag() == null && row.numbered()
                && (all || !row.labels().isEmpty() || (blockLabelled && r.rows().size() == 1));
            String num = want ? next() : "";
            any |= want || row.tag() != null;
            nums.add(num);
            for (String label : row.labels()) {
              if (label.equals(a.id())) continue;
              lines.add(new Labels.Target(label, "equation", num, List.of(), ch.id(), m.pos()));
            }
          }
          if (!any && !a.id().isEmpty() && !r.starred()) {
            // A labelled multi-line block with no per-line label: one number for the whole, as mystmd does.
            return List.of(new Block.MathBlock(m.pos(), a.with("number", next()), m.tex()));
          }
          // The block's own label points at the first numbered line.
          String first = nums.stream().filter(s -> !s.isEmpty()).findFirst().orElse("");
          Attr withNums = a.with("numbers", String.join(",", nums));
          if (!first.isEmpty()) withNums = withNums.with("number", first);
          return List.of(new Block.MathBlock(m.pos(), withNums, m.tex()));
        }
        boolean tagged = r.tag() != null || r.rows().stream().anyMatch(x -> x.tag() != null);
        boolean suppressed = r.starred() || m.tex().contains("\\nonumber") || m.tex().contains("\\notag");
        boolean want = !tagged && !suppressed && (all || !a.id().isEmpty());
        if (tagged && r.tag() != null) a = a.with("number", r.tag());
        return List.of(new Block.MathBlock(m.pos(), want ? a.with("number", next()) : a, m.tex()));
      }

      private String next() {
        n[0]++;
        return prefix.isEmpty() ? String.valueOf(n[0]) : prefix + "." + n[0];
      }
    }.blocks(ch.blocks());
    return ch.withBlocks(out);
  }
}
