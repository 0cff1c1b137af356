package org.bookbuild.transform.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * Citations written the way Pandoc and mystmd write them, found in running text and turned into the citation
 * references the {@code {cite:p}}/{@code {cite:t}} roles make: {@code [@key]} and {@code [@a; @b]} (parenthetical),
 * {@code [see @key, p. 33]} (prenote and locator), {@code [-@key]} (year only), {@code @key} (narrative) and
 * {@code @key [p. 106]} (narrative with a locator). Keys are Pandoc's: a letter, digit or {@code _}, then
 * alphanumerics with single inner punctuation ({@code :.#$%&-+?<>~/}), or anything in braces ({@code @{a.b.}}).
 *
 * <p>Only keys the bibliography holds are taken, so an e-mail address, a decorator or a handle stays text; a bracketed
 * group is taken when at least one of its keys is known (the others then give {@code cite-unknown}). Text split by
 * emphasis or a line end is joined first, code and math are never read.
 */
final class PandocCitations extends Rewriter {
  private static final String KEY = "(?:\\{([^{}]+)\\}|([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&+?<>~/-](?=[\\p{L}\\p{N}_]))*))";
  /** A bracketed group: at least one {@code @key} inside, no nested brackets. */
  private static final Pattern GROUP = Pattern.compile("\\[([^\\[\\]]*?(?<![\\p{L}\\p{N}_])-?@" + KEY + "[^\\[\\]]*)\\]");
  /** One item of a group. */
  private static final Pattern ITEM = Pattern.compile("^(.*?)(-?)@" + KEY + "(.*)$", Pattern.DOTALL);
  /** A narrative citation, optionally followed by a bracketed locator without keys. */
  private static final Pattern NARRATIVE = Pattern.compile("(?<![\\p{L}\\p{N}_@.\\[])@" + KEY + "(?:\\s\\[([^\\[\\]@]+)\\])?");

  private final Set<String> keys;

  PandocCitations(Set<String> keys) {
    this.keys = keys;
  }

  @Override
  protected List<Inline> sequence(List<Inline> is) {
    if (keys.isEmpty()) return is;
    boolean any = false;
    for (Inline i : is) if (i instanceof Inline.Text t && t.text().indexOf('@') >= 0) any = true;
    if (!any) return is;
    List<Inline> out = new ArrayList<>();
    int i = 0;
    while (i < is.size()) {
      if (!(is.get(i) instanceof Inline.Text) && !(is.get(i) instanceof Inline.SoftBreak)) {
        out.add(is.get(i++));
        continue;
      }
      int j = i;
      StringBuilder text = new StringBuilder();
      SourcePos pos = null;
      while (j < is.size() && (is.get(j) instanceof Inline.Text || is.get(j) instanceof Inline.SoftBreak)) {
        if (is.get(j) instanceof Inline.Text t) {
          text.append(t.text());
          if (pos == null) pos = t.pos();
        } else {
          text.append('\n');
        }
        j++;
      }
      List<Inline> found = pos == null ? null : cite(text.toString(), pos);
      if (found == null) out.addAll(is.subList(i, j));
      else out.addAll(found);
      i = j;
    }
    return out;
  }

  /** The run of text with its citations as references, or null when it holds none. */
  private List<Inline> cite(String s, SourcePos pos) {
    List<Inline> out = new ArrayList<>();
    int from = 0;
    boolean found = false;
    int at = 0;
    while (at < s.length()) {
      Matcher g = GROUP.matcher(s);
      Matcher n = NARRATIVE.matcher(s);
      boolean hg = g.find(at), hn = n.find(at);
      if (!hg && !hn) break;
      if (hg && (!hn || g.start() <= n.start())) {
        String label = group(g.group(1));
        if (label != null) {
          text(out, s.substring(from, g.start()), pos);
          out.add(new Inline.Ref(pos, "cite:p", label, List.of()));
          from = at = g.end();
          found = true;
        } else {
          at = g.start() + 1;
        }
        continue;
      }
      String key = n.group(1) != null ? n.group(1) : n.group(2);
      if (keys.contains(key)) {
        text(out, s.substring(from, n.start()), pos);
        String post = n.group(3) == null ? "" : "{" + n.group(3).strip() + "}";
        out.add(new Inline.Ref(pos, "cite:t", key + post, List.of()));
        from = at = n.end();
        found = true;
      } else {
        at = n.start() + 1;
      }
    }
    if (!found) return null;
    text(out, s.substring(from), pos);
    return out;
  }

  /** A group's content as a citation label ({@code {pre}key{post};…}), or null when it names no known key. */
  private String group(String content) {
    StringBuilder label = new StringBuilder();
    boolean known = false;
    for (String part : content.split(";")) {
      Matcher m = ITEM.matcher(part);
      if (!m.matches()) {
        return null; // a part without a key: not a citation group (Pandoc wants a key in every item)
      }
      String key = m.group(3) != null ? m.group(3) : m.group(4);
      known |= keys.contains(key);
      String pre = clean(m.group(1));
      String post = clean(m.group(5).replaceFirst("^\\s*,", ""));
      if (label.length() > 0) label.append(';');
      if (!pre.isEmpty()) label.append('{').append(pre).append('}');
      label.append(m.group(2)).append(key);
      if (!post.isEmpty()) label.append('{').append(post).append('}');
    }
    return known ? label.toString() : null;
  }

  private static String clean(String s) {
    return s.replace('{', ' ').replace('}', ' ').replace('\n', ' ').strip().replaceAll("\\s+", " ");
  }

  /** Text with its line ends back as soft breaks. */
  private static void text(List<Inline> out, String s, SourcePos pos) {
    String[] lines = s.split("\n", -1);
    for (int k = 0; k < lines.length; k++) {
      if (k > 0) out.add(new Inline.SoftBreak(pos));
      if (!lines[k].isEmpty()) out.add(new Inline.Text(pos, lines[k]));
    }
  }
}
