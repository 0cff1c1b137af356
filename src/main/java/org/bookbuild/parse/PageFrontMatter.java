package org.bookbuild.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.project.YamlTree;

/**
 * A page's YAML front matter (mystmd and Jupyter Book pages start with one). Its {@code title} is the page's title when
 * the page has no level-1 heading; its {@code subtitle} prints under that title (a {@code subtitle} block, as mystmd
 * shows it under the page's title); the other keys (numbering, exports, kernelspec …) steer web builds and are noted
 * as not used. Nothing in front matter is ever an error: a page that builds on the web builds here.
 */
final class PageFrontMatter {
  private PageFrontMatter() {}

  static List<Block> apply(String file, byte[] content, List<Block> blocks, Diagnostics diags) {
    String text = new String(content, StandardCharsets.UTF_8);
    // the same rule the parser used to consume it: only at the start, closed, valid YAML (FrontMatter)
    var found = FrontMatter.find(file, text);
    if (found.isEmpty() || found.get().value() == null) return blocks;
    YamlTree.Value fm = found.get().value();
    if (fm.map() == null) return blocks;
    List<Block> out = blocks;
    boolean off = false;
    Block subtitle = null;
    for (String k : YamlTree.keys(fm.map())) {
      SourcePos at = shifted(YamlTree.keyPos(fm.map(), k, SourcePos.of(file, 1, 1)));
      YamlTree.Value v = fm.map().get(k);
      if (k.equals("title") && v.str() != null) {
        boolean hasTitle = blocks.stream().anyMatch(b -> b instanceof Block.Heading h && h.level() == 1);
        if (hasTitle) {
          note(diags, at, "the page's own level-1 heading is its title; front matter 'title' is not used");
        } else {
          SourcePos p = shifted(v.pos());
          out = new ArrayList<>();
          out.add(new Block.Heading(p, Attr.EMPTY, 1, List.of(new Inline.Text(p, v.str()))));
          out.addAll(blocks);
        }
      } else if (k.equals("numbering") && "false".equals(String.valueOf(v.plain()))) {
        off = true;
      } else if (k.equals("subtitle") && v.str() != null && !v.str().isBlank()) {
        SourcePos p = shifted(v.pos());
        subtitle = new Block.Div(p, Attr.classes("subtitle"), List.of(new Inline.Text(p, v.str().strip())), List.of());
      } else if (k.equals("substitutions")) {
        // read by the parser ({@link Substitutions})
      } else {
        note(diags, at, "front matter '" + k + "' is not used in print");
      }
    }
    if (subtitle != null) out = withSubtitle(out, subtitle);
    return off ? unnumbered(out) : out;
  }

  /** The subtitle right after the page's level-1 heading, or first when it has none (its title comes from the toc). */
  private static List<Block> withSubtitle(List<Block> blocks, Block subtitle) {
    List<Block> out = new ArrayList<>(blocks);
    int at = 0;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof Block.Heading h && h.level() == 1) {
        at = i + 1;
        break;
      }
    }
    out.add(at, subtitle);
    return out;
  }

  /** {@code numbering: false}: the page gets no numbers (an attribute the numbering transform reads). */
  private static List<Block> unnumbered(List<Block> blocks) {
    List<Block> out = new ArrayList<>(blocks);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof Block.Heading h && h.level() == 1) {
        out.set(i, new Block.Heading(h.pos(), h.attr().with(org.bookbuild.transform.Numbering.UNNUMBERED, "true"), 1, h.content()));
        break;
      }
    }
    return out;
  }

  /** Front matter positions are counted from the line after the opening {@code ---}. */
  private static SourcePos shifted(SourcePos p) {
    return SourcePos.of(p.file(), p.line() + 1, p.col());
  }

  private static void note(Diagnostics diags, SourcePos pos, String message) {
    diags.report(new Diagnostic("front-matter", Severity.INFO, message, pos, ""));
  }
}
