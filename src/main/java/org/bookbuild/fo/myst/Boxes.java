package org.bookbuild.fo.myst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.fo.Fo;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/** Small helpers the MyST renderers share: blocks carrying several style roles merged, titles, run-in heads. */
final class Boxes {
  private Boxes() {}

  /** The properties of several roles merged, later roles winning (a kind's role over its family's). */
  static Map<String, String> roles(Fo fo, String... names) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String n : names) m.putAll(fo.role(n));
    return m;
  }

  /** Opens an fo:block with merged roles. */
  static void open(Fo fo, String... roles) {
    fo.xml().start("fo:block").attrs(roles(fo, roles));
  }

  static void close(Fo fo) {
    fo.xml().end();
  }

  /**
   * Writes content with {@code head} run into its first paragraph (as LaTeX sets "Theorem 2.1. The text …"); when the
   * content does not start with a paragraph the head stands on its own line. {@code tail}, if not null, is written at
   * the end of the last paragraph pushed to the right margin (the proof's ∎).
   */
  static void runIn(Fo fo, Runnable head, List<Block> content, String tail, String tailRole) {
    int last = content.size() - 1;
    boolean tailInPara = tail != null && last >= 0 && content.get(last) instanceof Block.Para;
    for (int i = 0; i < content.size(); i++) {
      Block b = content.get(i);
      boolean first = i == 0;
      if (b instanceof Block.Para p && (first || (i == last && tailInPara))) {
        // the run-in head's paragraph is the first of its run; the last one, holding the tail, is indented as any
        Map<String, String> r = roles(fo, first || fo.unindented(p) ? "para.first" : "para");
        if (i == last && tailInPara) r.put("text-align-last", "justify");
        fo.xml().start("fo:block").attrs(r);
        if (first) head.run();
        fo.inlines(p.content());
        if (i == last && tailInPara) tail(fo, tail, tailRole);
        fo.xml().end();
        fo.wroteParagraph();
      } else {
        if (first) {
          fo.block("para.first");
          head.run();
          fo.xml().end();
        }
        fo.block(b);
      }
    }
    if (content.isEmpty()) {
      fo.block("para.first");
      head.run();
      if (tail != null) tail(fo, tail, tailRole);
      fo.xml().end();
    } else if (tail != null && !tailInPara) {
      fo.xml().start("fo:block").attr("text-align", "end");
      fo.inline(tailRole).text(tail).end();
      fo.xml().end();
    }
  }

  private static void tail(Fo fo, String tail, String role) {
    fo.xml().start("fo:leader").attr("leader-pattern", "space").attr("leader-length.minimum", "1em").end();
    fo.inline(role).text(tail).end();
  }

  /** Title inlines, or the generated wording when the author gave none. */
  static void title(Fo fo, List<Inline> title, String fallbackKey) {
    if (!title.isEmpty()) fo.inlines(title);
    else fo.xml().text(fo.style().string(fallbackKey));
  }
}
