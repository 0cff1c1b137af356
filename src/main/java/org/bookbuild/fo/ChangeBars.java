package org.bookbuild.fo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bookbuild.model.Block;

/**
 * Change bars between editions ({@code org.bookbuild.diff}): a {@code change} div is its content with
 * {@code fo:change-bar-begin}/{@code fo:change-bar-end} around it (FOP draws the bar in the margin beside every line
 * in between), a {@code change-deleted} div (review printing) is the old content struck through beside a bar of its
 * own with a margin mark. Looks from the roles {@code change.bar}, {@code change.deleted}, {@code change.deleted-bar}.
 */
final class ChangeBars {
  private static int next;

  private ChangeBars() {}

  static void register() {
    Renderers.div("change", ChangeBars::change);
    Renderers.div("change-deleted", ChangeBars::deleted);
  }

  private static void change(Block.Div d, Fo fo) {
    String cls = begin(fo, "change.bar");
    fo.blocks(d.content());
    fo.xml().start("fo:change-bar-end").attr("change-bar-class", cls).end();
  }

  private static void deleted(Block.Div d, Fo fo) {
    String cls = begin(fo, "change.deleted-bar");
    fo.block("change.deleted");
    fo.inline("change.deleted-mark").text(fo.style().string("changes.deleted-mark")).end();
    fo.blocks(d.content());
    fo.xml().end();
    fo.xml().start("fo:change-bar-end").attr("change-bar-class", cls).end();
  }

  /** Opens a bar with its own class (bars may nest: an added list inside a changed exercise). */
  private static String begin(Fo fo, String role) {
    Map<String, String> props = new LinkedHashMap<>(fo.role(role));
    String cls = props.getOrDefault("change-bar-class", "edition") + "-" + (++next);
    props.put("change-bar-class", cls);
    fo.xml().start("fo:change-bar-begin").attrs(props).end();
    return cls;
  }
}
