package org.bookbuild.parse;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Regroups flexmark's flat HTML nodes before conversion. CommonMark ends an HTML block at a blank line and gives every
 * inline tag a node of its own, so {@code <details>…</details>} around Markdown, or {@code <b>…</b>} around text,
 * arrive as separate siblings. This pass moves what stands between an opening and its closing tag into one
 * {@link BlockElement} or {@link InlineElement}, so that the converter sees the HTML element with its Markdown
 * content inside.
 */
final class HtmlNodes {
  /** Block elements that may wrap Markdown across blank lines. */
  private static final Set<String> CONTAINERS = Set.of("div", "center", "details", "section", "article", "aside",
      "blockquote", "figure", "main", "span");

  private HtmlNodes() {}

  /** An HTML block left open, holding the Markdown nodes up to the block that closes it. */
  static final class BlockElement extends com.vladsch.flexmark.util.ast.Block {
    final String open;
    /** Where the HTML block holding the closing tag was (its lines are accounted with the element). */
    int closeStart;
    int closeEnd;

    BlockElement(HtmlBlock opening) {
      super(opening.getChars());
      this.open = opening.getChars().toString();
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** An inline HTML element with the inline nodes between its start and end tags. */
  static final class InlineElement extends Node {
    final HtmlTokens.Token tag;

    InlineElement(HtmlInline start, HtmlTokens.Token tag) {
      super(start.getChars());
      this.tag = tag;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  static void nest(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof HtmlBlock h) n = blockElement(h);
      else if (n instanceof HtmlInline h) n = inlineElement(h);
      if (n.hasChildren()) nest(n);
    }
  }

  /** Returns the node now standing where {@code h} was (itself when nothing closes it). */
  private static Node blockElement(HtmlBlock h) {
    List<String> open = new ArrayList<>();
    track(open, h.getChars().toString());
    if (open.isEmpty()) return h;
    Node close = null;
    List<String> depth = new ArrayList<>(open);
    for (Node s = h.getNext(); s != null; s = s.getNext()) {
      if (s instanceof HtmlBlock hb) {
        track(depth, hb.getChars().toString());
        if (depth.isEmpty()) {
          close = s;
          break;
        }
      }
    }
    if (close == null) return h;
    BlockElement el = new BlockElement(h);
    h.insertBefore(el);
    for (Node s = h.getNext(); s != close; ) {
      Node next = s.getNext();
      s.unlink();
      el.appendChild(s);
      s = next;
    }
    h.unlink();
    el.closeStart = close.getStartOffset();
    el.closeEnd = close.getEndOffset();
    close.unlink();
    return el;
  }

  /** Follows start and end tags of container elements through a fragment. */
  private static void track(List<String> open, String html) {
    for (HtmlTokens.Token t : HtmlTokens.tokenize(html)) {
      if (t.kind() == HtmlTokens.Kind.START && !t.selfClosing() && CONTAINERS.contains(t.name())) open.add(t.name());
      else if (t.kind() == HtmlTokens.Kind.END && open.contains(t.name())) open.remove(open.lastIndexOf(t.name()));
    }
  }

  private static Node inlineElement(HtmlInline h) {
    List<HtmlTokens.Token> toks = HtmlTokens.tokenize(h.getChars().toString());
    if (toks.size() != 1 || toks.get(0).kind() != HtmlTokens.Kind.START || toks.get(0).selfClosing()) return h;
    String name = toks.get(0).name();
    int depth = 0;
    Node close = null;
    for (Node s = h.getNext(); s != null; s = s.getNext()) {
      if (!(s instanceof HtmlInline hi)) continue;
      List<HtmlTokens.Token> ts = HtmlTokens.tokenize(hi.getChars().toString());
      if (ts.size() != 1 || !ts.get(0).name().equals(name)) continue;
      if (ts.get(0).kind() == HtmlTokens.Kind.START && !ts.get(0).selfClosing()) depth++;
      else if (ts.get(0).kind() == HtmlTokens.Kind.END && depth-- == 0) {
        close = s;
        break;
      }
    }
    if (close == null) return h;
    InlineElement el = new InlineElement(h, toks.get(0));
    h.insertBefore(el);
    for (Node s = h.getNext(); s != close; ) {
      Node next = s.getNext();
      s.unlink();
      el.appendChild(s);
      s = next;
    }
    h.unlink();
    close.unlink();
    return el;
  }
}
