package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Inline;

/**
 * mystmd's {@code abbreviations:} (myst.yml, or book.yml): on the web every use of an abbreviation carries its
 * expansion as a hover title; paper has no hover, so print does what books do, the expansion in parentheses after the
 * first use in each chapter's running text ("MyST (Markedly Structured Text)"). Headings, captions, tables, code,
 * math and links are left as written; a use the author already expanded ("MyST (Markedly …)") counts as the first.
 */
public final class Abbreviations implements ChapterWise<Pattern, Void> {
  @Override
  public Pattern begin(Book book, Context ctx) {
    Map<String, String> abbr = ctx.project().options().reading().abbreviations();
    if (abbr.isEmpty()) return null;
    StringBuilder alt = new StringBuilder();
    abbr.keySet().stream().sorted((a, b) -> b.length() - a.length())
        .forEach(k -> alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(k)));
    return Pattern.compile("(?<![\\p{L}\\p{N}_])(" + alt + ")(?![\\p{L}\\p{N}_])");
  }

  @Override
  public Done chapter(Pattern words, Void facts, org.bookbuild.model.Chapter ch, Context ctx) {
    if (words == null) return new Done(ch, null);
    Map<String, String> abbr = ctx.project().options().reading().abbreviations();
    return new Done(ch.withBlocks(new Walk(abbr, words).blocks(ch.blocks())), null);
  }

  /** One chapter's walk in reading order, remembering which abbreviations it has expanded. */
  private static final class Walk {
    private final Map<String, String> abbr;
    private final Pattern words;
    private final Set<String> seen = new HashSet<>();

    Walk(Map<String, String> abbr, Pattern words) {
      this.abbr = abbr;
      this.words = words;
    }

    List<Block> blocks(List<Block> bs) {
      List<Block> out = new ArrayList<>(bs.size());
      for (Block b : bs) out.add(block(b));
      return out;
    }

    private Block block(Block b) {
      if (b instanceof Block.Para p) return p.with(inlines(p.content()));
      if (b instanceof Block.Plain p) return new Block.Plain(p.pos(), inlines(p.content()));
      if (b instanceof Block.Quote q) return new Block.Quote(q.pos(), blocks(q.content()));
      if (b instanceof Block.BulletList l) return new Block.BulletList(l.pos(), l.tight(), items(l.items()));
      if (b instanceof Block.OrderedList l) {
        return new Block.OrderedList(l.pos(), l.start(), l.tight(), items(l.items()), l.numbering());
      }
      if (b instanceof Block.Div d) return new Block.Div(d.pos(), d.attr(), d.title(), blocks(d.content()));
      return b;
    }

    private List<Block.ListItem> items(List<Block.ListItem> items) {
      List<Block.ListItem> out = new ArrayList<>(items.size());
      for (Block.ListItem it : items) out.add(new Block.ListItem(it.pos(), it.checked(), blocks(it.content())));
      return out;
    }

    private List<Inline> inlines(List<Inline> is) {
      List<Inline> out = new ArrayList<>(is.size());
      for (int n = 0; n < is.size(); n++) {
        if (!(is.get(n) instanceof Inline.Text t)) {
          out.add(is.get(n));
          continue;
        }
        String s = t.text();
        Matcher m = words.matcher(s);
        int from = 0;
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
          String key = m.group(1);
          if (!seen.add(key)) continue;
          String expansion = abbr.get(key);
          String rest = s.substring(m.end()) + (n + 1 < is.size() && is.get(n + 1) instanceof Inline.Text u ? u.text() : "");
          sb.append(s, from, m.end());
          if (!rest.stripLeading().startsWith("(" + expansion)) sb.append(" (").append(expansion).append(')');
          from = m.end();
        }
        if (from == 0) {
          out.add(t);
        } else {
          sb.append(s.substring(from));
          out.add(new Inline.Text(t.pos(), sb.toString()));
        }
      }
      return out;
    }
  }
}
