package org.bookbuild.model;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.bookbuild.diag.SourcePos;

/**
 * A stable, readable text form of a model tree, one node per line, indented by depth, positions left out. Parser tests
 * expect a dump; writer tests start from the model, so a parser change cannot break a writer test.
 *
 * <pre>
 * Para
 *   Text "Hello "
 *   Styled emph
 *     Text "world"
 * </pre>
 */
public final class Dump {
  private Dump() {}

  public static String blocks(java.util.List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) node(b, 0, sb);
    return sb.toString();
  }

  public static String inlines(java.util.List<Inline> inlines) {
    StringBuilder sb = new StringBuilder();
    for (Inline i : inlines) node(i, 0, sb);
    return sb.toString();
  }

  private static void node(Object o, int depth, StringBuilder sb) {
    Class<?> c = o.getClass();
    sb.append("  ".repeat(depth)).append(c.getSimpleName());
    java.util.List<Object[]> children = new java.util.ArrayList<>();
    for (RecordComponent rc : c.getRecordComponents()) {
      Object v;
      try {
        v = rc.getAccessor().invoke(o);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (v instanceof SourcePos) continue;
      if (o instanceof Block.Para && rc.getName().equals("continues")) {
        // shown only where set: most paragraphs begin one
        if ((Boolean) v) sb.append(" continues");
        continue;
      }
      if (o instanceof Block.OrderedList && rc.getName().equals("numbering")) {
        // shown only where it is not the Markdown default
        if (!Block.OrderedList.ARABIC.equals(v)) sb.append(" numbering=").append(v);
        continue;
      }
      if (v instanceof Collection<?> col && !col.isEmpty() && isNode(col.iterator().next())) {
        children.add(new Object[] {rc.getName(), col});
      } else if (v instanceof Attr a) {
        if (!a.isEmpty()) sb.append(' ').append(attr(a));
      } else if (v instanceof Collection<?> col && col.isEmpty()) {
        // nothing to show
      } else if (v instanceof String s) {
        sb.append(' ').append(quote(s));
      } else if (v != null) {
        sb.append(' ').append(rc.getName()).append('=').append(v);
      }
    }
    sb.append('\n');
    boolean label = children.size() > 1;
    for (Object[] ch : children) {
      int d = depth + 1;
      if (label) {
        sb.append("  ".repeat(d)).append(ch[0]).append(":\n");
        d++;
      }
      for (Object child : (Collection<?>) ch[1]) {
        if (child instanceof Collection<?> inner) {
          sb.append("  ".repeat(d)).append("-\n");
          for (Object x : inner) node(x, d + 1, sb);
        } else {
          node(child, d, sb);
        }
      }
    }
  }

  private static boolean isNode(Object o) {
    return o != null && (o.getClass().isRecord() || o instanceof Collection<?>);
  }

  private static String attr(Attr a) {
    StringBuilder sb = new StringBuilder("{");
    if (!a.id().isEmpty()) sb.append('#').append(a.id());
    for (String c : a.classes()) sb.append(sb.length() > 1 ? " " : "").append('.').append(c);
    for (Map.Entry<String, String> e : a.kv().entrySet())
      sb.append(sb.length() > 1 ? " " : "").append(e.getKey()).append('=').append(quote(e.getValue()));
    return sb.append('}').toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
