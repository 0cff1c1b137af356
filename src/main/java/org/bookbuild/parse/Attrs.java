package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * MyST's attribute syntax (myst-parser's {@code attrs_inline} and {@code attrs_block}, native in mystmd), which
 * flexmark leaves as text: {@code {#id .class key=value}} right after an image, a link, emphasis or code
 * ({@code ![](a.png){w=200px align=center}}, {@code *word*{#here}}), after bracketed text
 * ({@code [some words]{.smallcaps}}: a span), or on a line of its own before a block ({@code {#para-id}}). An id
 * becomes a label of that element (an anchor before it, or the span's own id); an image's {@code width}/{@code w},
 * {@code height}/{@code h} and {@code align} size and place it; classes only style the web page and are dropped.
 */
final class Attrs {
  private static final String ONE = "(?:#[\\w:.-]+|\\.[\\w:-]+|[\\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\\s}\"']+))";
  private static final String LIST = "\\{\\s*(" + ONE + "(?:\\s+" + ONE + ")*)\\s*\\}";
  private static final Pattern LEADING = Pattern.compile("^" + LIST);
  private static final Pattern ALONE = Pattern.compile("^\\s*" + LIST + "\\s*$");
  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]+)\\]" + LIST);
  private static final Pattern ITEM = Pattern.compile("#([\\w:.-]+)|\\.([\\w:-]+)|([\\w-]+)=(?:\"([^\"]*)\"|'([^']*)'|([^\\s}\"']+))");

  private Attrs() {}

  static List<Block> apply(List<Block> blocks) {
    Rewriter r = new Rewriter() {
      @Override
      protected List<Inline> sequence(List<Inline> is) {
        return withAttrs(is);
      }

      // every list of sibling blocks, not only the page's: inside boxes, list items, tabs, cards and quotes too
      @Override
      protected List<Block> siblings(List<Block> bs) {
        return blockAttrs(bs);
      }
    };
    return r.blocks(blocks);
  }

  /** The attributes written in one {@code {…}}: id, classes, key-value pairs. */
  record Parsed(String id, List<String> classes, Map<String, String> kv) {}

  static Parsed parse(String list) {
    String id = "";
    List<String> classes = new ArrayList<>();
    Map<String, String> kv = new LinkedHashMap<>();
    Matcher m = ITEM.matcher(list);
    while (m.find()) {
      if (m.group(1) != null) id = m.group(1);
      else if (m.group(2) != null) classes.add(m.group(2));
      else kv.put(m.group(3), m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6));
    }
    return new Parsed(id, classes, kv);
  }

  private static List<Inline> withAttrs(List<Inline> is) {
    if (is.stream().noneMatch(i -> i instanceof Inline.Text t && t.text().contains("{"))) return is;
    List<Inline> out = new ArrayList<>();
    for (Inline i : is) {
      if (!(i instanceof Inline.Text t)) {
        out.add(i);
        continue;
      }
      String text = t.text();
      Inline prev = out.isEmpty() ? null : out.get(out.size() - 1);
      Matcher lead = LEADING.matcher(text);
      if (prev != null && lead.find() && (prev instanceof Inline.Image || prev instanceof Inline.Link
          || prev instanceof Inline.Styled || prev instanceof Inline.Code || prev instanceof Inline.Span)) {
        out.remove(out.size() - 1);
        out.addAll(attach(prev, parse(lead.group(1))));
        text = text.substring(lead.end());
      }
      Matcher b = BRACKETED.matcher(text);
      int last = 0;
      while (b.find()) {
        if (b.start() > last) out.add(new Inline.Text(t.pos(), text.substring(last, b.start())));
        Parsed p = parse(b.group(2));
        out.add(new Inline.Span(t.pos(), new Attr(p.id(), List.of(), Map.of()), List.of(new Inline.Text(t.pos(), b.group(1)))));
        last = b.end();
      }
      if (last < text.length()) out.add(new Inline.Text(t.pos(), text.substring(last)));
    }
    return out;
  }

  private static List<Inline> attach(Inline node, Parsed p) {
    Inline n = node;
    if (node instanceof Inline.Image im) {
      Attr a = im.attr();
      for (Map.Entry<String, String> e : p.kv().entrySet()) {
        String k = switch (e.getKey()) {
          case "w", "width" -> "width";
          case "h", "height" -> "height";
          case "align" -> "align";
          default -> null;
        };
        if (k != null) a = a.with(k, e.getValue());
      }
      String alt = p.kv().get("alt");
      n = new Inline.Image(im.pos(), a, im.src(), alt == null ? im.alt() : List.of(new Inline.Text(im.pos(), alt)));
    } else if (node instanceof Inline.Span s && !p.id().isEmpty() && s.attr().id().isEmpty()) {
      return List.of(new Inline.Span(s.pos(), s.attr().withId(p.id()), s.content()));
    }
    if (p.id().isEmpty()) return List.of(n);
    return List.of(new Inline.Anchor(node.pos(), p.id()), n);
  }

  /** A paragraph that is only {@code {#id …}}, or opens with it on its own line, labels its block. */
  private static List<Block> blockAttrs(List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    String pendingId = null;
    org.bookbuild.diag.SourcePos pendingPos = null;
    for (Block b : blocks) {
      // a tight list item's text is a Plain block
      List<Inline> c = b instanceof Block.Para p ? p.content() : b instanceof Block.Plain p ? p.content() : List.of();
      if (!c.isEmpty() && c.get(0) instanceof Inline.Text t) {
        Matcher m = ALONE.matcher(t.text());
        boolean alone = c.size() == 1;
        boolean opens = c.size() > 2 && c.get(1) instanceof Inline.SoftBreak;
        Parsed attrs = m.matches() ? parse(m.group(1)) : null;
        // only key=value pairs ("{x=1}" in a table cell or a box) are text, not an attribute line
        if (attrs != null && (alone || opens) && (!attrs.id().isEmpty() || !attrs.classes().isEmpty())) {
          if (alone) {
            pendingId = attrs.id().isEmpty() ? null : attrs.id();
            pendingPos = b.pos();
            continue;
          }
          List<Inline> rest = new ArrayList<>(c.subList(2, c.size()));
          if (!attrs.id().isEmpty()) rest.add(0, new Inline.Anchor(b.pos(), attrs.id()));
          b = b instanceof Block.Para p ? p.with(rest) : new Block.Plain(b.pos(), rest);
        }
      }
      out.add(b);
      if (pendingId != null) {
        Targets.label(out, out.size() - 1, pendingId, pendingPos);
        pendingId = null;
      }
    }
    // an attribute line with nothing after it in its container labels the place where it stands
    if (pendingId != null) out.add(Targets.anchorBlock(pendingPos, pendingId));
    return out;
  }
}
