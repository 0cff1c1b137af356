package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * MyST's field lists ({@code fieldlist} extension, as in reStructuredText): a paragraph whose lines open with
 * {@code :name:} is a list of fields, each the name and the text after it (lines that do not open a field go on the
 * field before). Printed as a definition list: the name as the term, its text as the definition. Without this a
 * field list ran together into one paragraph (":Author: someone :Version: 1").
 */
final class FieldLists {
  /** {@code :name:} then a space or the line's end; the name holds no colon and does not start with a space. */
  private static final Pattern FIELD = Pattern.compile("^:([^:\\s][^:]*):(?:\\s+|$)(.*)", Pattern.DOTALL);

  private FieldLists() {}

  /** The paragraph's inlines as a field list, or null when its first line does not open a field. */
  static Block of(List<Inline> content) {
    if (content.isEmpty() || !(content.get(0) instanceof Inline.Text first) || !FIELD.matcher(first.text()).matches()) {
      return null;
    }
    List<Block.DefItem> items = new ArrayList<>();
    String name = null;
    List<Inline> body = new ArrayList<>();
    Inline.Text head = null;
    boolean lineStart = true;
    for (Inline in : content) {
      if (in instanceof Inline.SoftBreak || in instanceof Inline.LineBreak) {
        lineStart = true;
        continue;
      }
      Matcher m = lineStart && in instanceof Inline.Text t ? FIELD.matcher(t.text()) : null;
      if (m != null && m.matches()) {
        if (name != null) items.add(item(head, name, body));
        head = (Inline.Text) in;
        name = m.group(1).strip();
        body = new ArrayList<>();
        if (!m.group(2).isEmpty()) body.add(new Inline.Text(in.pos(), m.group(2)));
      } else {
        if (lineStart && !body.isEmpty()) body.add(new Inline.Text(in.pos(), " "));
        body.add(in);
      }
      lineStart = false;
    }
    items.add(item(head, name, body));
    return new Block.DefList(content.get(0).pos(), items);
  }

  private static Block.DefItem item(Inline.Text head, String name, List<Inline> body) {
    List<List<Block>> defs = body.isEmpty() ? List.of() : List.of(List.of(new Block.Para(body.get(0).pos(), body)));
    return new Block.DefItem(head.pos(), List.of(new Inline.Text(head.pos(), name)), defs);
  }
}
