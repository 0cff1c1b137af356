package org.bookbuild.transform;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Rewriter;

/**
 * Numbers chapters (1, 2 … for body chapters, A, B … for appendices), sections (1.1, 1.1.1 down to the configured
 * depth), and per chapter the figures, tables, captioned code listings and numbered block kinds ("3.2"). The number
 * goes into the node's attributes under {@code number}; the chapter's prefix under the title heading's {@code number}.
 */
public final class Numbering implements Transform {
  /**
   * Div kinds that are numbered, and the counter each uses. Kinds sharing a counter share a sequence (theorem 2.1,
   * lemma 2.2 …). Directive packages register their kinds here.
   */
  public static final Map<String, String> DIV_COUNTERS = new LinkedHashMap<>();

  static {
    MystCounters.register();
  }

  @Override
  public Book apply(Book book, Context ctx) {
    int[] body = {0};
    int[] appendix = {0};
    int depth = ctx.project().options().numberDepth();
    boolean headings = ctx.project().options().numberHeadings();
    return book.mapChapters(ch -> {
      String prefix = switch (ch.kind()) {
        case BODY -> String.valueOf(++body[0]);
        case APPENDIX -> String.valueOf((char) ('A' + appendix[0]++));
        default -> "";
      };
      return number(ch, prefix, headings, depth);
    });
  }

  private static Chapter number(Chapter ch, String prefix, boolean headings, int depth) {
    int[] sec = new int[8];
    Map<String, Integer> counters = new HashMap<>();
    List<Block> out = new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Heading h) {
          if (h.level() == 1) return List.of(withNumber(h, prefix.isEmpty() ? null : prefix));
          if (prefix.isEmpty() || !headings || h.level() > depth || h.attr().hasClass("unnumbered")) return List.of(h);
          int lvl = Math.min(h.level(), sec.length - 1);
          sec[lvl]++;
          for (int i = lvl + 1; i < sec.length; i++) sec[i] = 0;
          StringBuilder n = new StringBuilder(prefix);
          for (int i = 2; i <= lvl; i++) n.append('.').append(Math.max(sec[i], 1));
          return List.of(withNumber(h, n.toString()));
        }
        if (b instanceof Block.Figure f) {
          return List.of(new Block.Figure(f.pos(), f.attr().with("number", next("figure")), f.content(), f.caption()));
        }
        if (b instanceof Block.Table t && (!t.caption().isEmpty() || !t.attr().id().isEmpty())) {
          return List.of(new Block.Table(t.pos(), t.attr().with("number", next("table")), t.caption(), t.aligns(),
              t.widths(), t.head(), t.body()));
        }
        if (b instanceof Block.CodeBlock c && (c.attr().get("caption") != null || !c.attr().id().isEmpty())) {
          return List.of(new Block.CodeBlock(c.pos(), c.attr().with("number", next("code")), c.language(), c.text()));
        }
        if (b instanceof Block.Div d && DIV_COUNTERS.containsKey(d.kind()) && !d.attr().hasClass("unnumbered")) {
          return List.of(new Block.Div(d.pos(), d.attr().with("number", next(DIV_COUNTERS.get(d.kind()))), d.title(), d.content()));
        }
        return List.of(b);
      }

      private String next(String counter) {
        int n = counters.merge(counter, 1, Integer::sum);
        return prefix.isEmpty() ? String.valueOf(n) : prefix + "." + n;
      }
    }.blocks(ch.blocks());
    return ch.withBlocks(out);
  }

  private static Block.Heading withNumber(Block.Heading h, String number) {
    Attr a = number == null ? h.attr() : h.attr().with("number", number);
    return new Block.Heading(h.pos(), a, h.level(), h.content());
  }
}
