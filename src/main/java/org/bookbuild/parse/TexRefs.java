package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * LaTeX references in running text, {@code \eqref{label}} and {@code \ref{label}}, as notebook authors write them for
 * MathJax (which replaces them outside math too, its {@code processRefs}): references to the label a formula's
 * {@code \label{…}} gives. {@code \eqref} prints like {@code {eq}} ("(3.1)"), {@code \ref} the bare number. Text in code
 * is not text here, so code keeps them as written. They printed as TeX source before.
 */
final class TexRefs {
  private static final Pattern REF = Pattern.compile("\\\\(eqref|ref)\\{([^{}\\s]+)\\}");

  /** Reference kind of {@code \ref}: the target's number alone (resolved in {@code transform.ResolveRefs}). */
  static final String BARE = "tex:ref";

  private TexRefs() {}

  static List<Block> apply(List<Block> blocks) {
    return new Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        if (!(i instanceof Inline.Text t) || t.text().indexOf('\\') < 0) return List.of(i);
        Matcher m = REF.matcher(t.text());
        if (!m.find()) return List.of(i);
        List<Inline> out = new ArrayList<>();
        int last = 0;
        do {
          if (m.start() > last) out.add(new Inline.Text(t.pos(), t.text().substring(last, m.start())));
          SourcePos at = at(t, m.start());
          out.add(new Inline.Ref(at, m.group(1).equals("eqref") ? "eq" : BARE, m.group(2), List.of()));
          last = m.end();
        } while (m.find());
        if (last < t.text().length()) out.add(new Inline.Text(t.pos(), t.text().substring(last)));
        return out;
      }
    }.blocks(blocks);
  }

  /** The position of a character of a text node that holds no line end before it. */
  private static SourcePos at(Inline.Text t, int index) {
    SourcePos p = t.pos();
    if (!p.isKnown() || t.text().substring(0, index).indexOf('\n') >= 0) return p;
    return SourcePos.of(p.file(), p.line(), p.col() + index);
  }
}
