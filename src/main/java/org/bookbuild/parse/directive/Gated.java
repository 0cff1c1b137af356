package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.model.Block;

/**
 * Gathers the blocks between a {@code *-start} and its {@code *-end} directive ({@code exercise-start} …
 * {@code exercise-end}, {@code solution-start} … {@code solution-end}) into one Div of the plain kind, so that an
 * exercise may hold code cells and other directives written at the top level. A start without an end runs to the end
 * of its container, with a {@code directive-unclosed} warning; an end without a start is dropped with a warning.
 */
public final class Gated {
  static final String START = "-start";
  static final String END = "-end";

  private Gated() {}

  public static List<Block> group(List<Block> blocks, Diagnostics diags) {
    boolean any = false;
    for (Block b : blocks) if (b instanceof Block.Div d && (d.kind().endsWith(START) || d.kind().endsWith(END))
        && Gated.isGate(d.kind())) any = true;
    if (!any) return blocks;
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b instanceof Block.Div d && isGate(d.kind()) && d.kind().endsWith(START)) {
        String kind = d.kind().substring(0, d.kind().length() - START.length());
        List<Block> content = new ArrayList<>(d.content());
        int j = i + 1;
        int depth = 0;
        for (; j < blocks.size(); j++) {
          Block c = blocks.get(j);
          if (c instanceof Block.Div e && e.kind().equals(kind + START)) depth++;
          if (c instanceof Block.Div e && e.kind().equals(kind + END)) {
            if (depth == 0) break;
            depth--;
          }
          content.add(c);
        }
        if (j >= blocks.size()) {
          diags.warn("directive-unclosed", d.pos(), "{" + kind + START + "} has no {" + kind + END + "}; it runs to"
              + " the end of its container");
        }
        List<String> cls = new ArrayList<>(d.attr().classes());
        cls.set(0, kind);
        out.add(new Block.Div(d.pos(), new org.bookbuild.model.Attr(d.attr().id(), cls, d.attr().kv()), d.title(),
            group(content, diags)));
        i = j;
      } else if (b instanceof Block.Div d && isGate(d.kind()) && d.kind().endsWith(END)) {
        diags.warn("directive-unopened", d.pos(), "{" + d.kind() + "} without a matching start; ignored");
      } else {
        out.add(b);
      }
    }
    return out;
  }

  static boolean isGate(String kind) {
    return kind.equals("exercise-start") || kind.equals("exercise-end") || kind.equals("solution-start")
        || kind.equals("solution-end");
  }
}
