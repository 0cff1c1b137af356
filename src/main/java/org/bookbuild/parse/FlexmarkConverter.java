package org.bookbuild.parse;

import com.vladsch.flexmark.ast.*;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * Turns a flexmark AST into model nodes. The only class besides the flexmark extensions that sees flexmark types; the
 * rest of the program sees the model.
 */
final class FlexmarkConverter {
  /**
   * Deepest nesting of block containers (quotes, lists, footnotes, directives) kept in the model; deeper levels are
   * flattened into the last one with a {@code nesting-too-deep} warning. Every later stage (transforms, the FO writer,
   * FOP's layout) recurses over the nesting, so this bound keeps them all off the end of the stack.
   */
  static final int MAX_BLOCK_DEPTH = 32;
  /** The same for inline containers (emphasis, links, spans). */
  static final int MAX_INLINE_DEPTH = 32;

  private final LineIndex lines;
  private final Diagnostics diags;
  private final ParseEnv env;
  /**
   * Current nesting, shared by the converters of one thread: a directive's body is parsed by a fresh converter, and
   * its depth must add to the depth of the directive around it. [0] blocks, [1] inlines.
   */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[2]);
  private final int[] depth = DEPTH.get();
  private boolean reportedDeep;
  /** Footnote definitions being expanded right now (a note may mention another, never itself). */
  private final java.util.Set<Node> openNotes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  FlexmarkConverter(LineIndex lines, ParseEnv env) {
    this.lines = lines;
    this.env = env;
    this.diags = env.diags();
  }

  SourcePos pos(Node n) {
    return lines.pos(n.getStartOffset());
  }

  List<Block> document(Document doc) {
    HtmlNodes.nest(doc);
    for (Node c = doc.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof FootnoteBlock fb) definitions.putIfAbsent(fb.getText().toString().toLowerCase(java.util.Locale.ROOT), fb);
    }
    if (env.notes() != null && env.notes().page == null) {
      env.notes().page = this;
      NotebookNotes shared = env.notes().shared;
      if (shared != null) {
        // notes other cells of the notebook refer to, converted here where they are written
        for (var e : definitions.entrySet()) {
          if (!shared.wanted(e.getKey()) || !openNotes.add(e.getValue())) continue;
          try {
            shared.converted(e.getKey(), new Inline.Note(pos(e.getValue()), blocks(e.getValue())));
          } finally {
            openNotes.remove(e.getValue());
          }
        }
      }
    }
    return blocks(doc);
  }

  /** This document's footnote definitions by label (lower case). */
  private final java.util.Map<String, FootnoteBlock> definitions = new java.util.HashMap<>();

  /**
   * A footnote a directive body refers to but does not define, from the page's definitions, converted by the page's
   * converter (so its positions, its source accounting and its recursion guard are the page's); null when the page
   * does not define it either.
   */
  private Inline pageNote(Footnote f, SourcePos pos) {
    ParseEnv.PageNotes notes = env.notes();
    FlexmarkConverter page = notes == null ? null : notes.page;
    if (page == null || page == this) return null;
    FootnoteBlock fb = page.definitions.get(f.getText().toString().toLowerCase(java.util.Locale.ROOT));
    if (fb == null) return null;
    if (!page.openNotes.add(fb)) {
      diags.warn("footnote-recursive", pos, "footnote [^" + f.getText() + "] refers to itself; the inner reference is not expanded");
      return new Inline.Problem(pos, "footnote refers to itself", f.getChars().toString());
    }
    try {
      return new Inline.Note(pos, page.blocks(fb));
    } finally {
      page.openNotes.remove(fb);
    }
  }

  List<Block> blocks(Node parent) {
    List<Block> out = new ArrayList<>();
    MystNodes.Target pending = null;
    // an offset on the last source line of the block before (-1: none yet), for "no blank line before this paragraph"
    int previousEnd = -1;
    depth[0]++;
    try {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof MystNodes.Target t) {
        if (pending != null) out.add(Targets.anchorBlock(pos(pending), pending.label));
        pending = t;
        account(n);
        continue;
      }
      int before = out.size();
      block(n, out);
      if (n instanceof Paragraph && previousEnd >= 0 && out.size() > before && out.get(before) instanceof Block.Para p
          && !p.continues()) {
        boolean noBlankLine = lines.pos(n.getStartOffset()).line() - lines.pos(previousEnd).line() <= 1;
        if (Continuation.continues(noBlankLine, p.content())) out.set(before, new Block.Para(p.pos(), p.content(), true));
      }
      if (!(n instanceof BlankLine)) previousEnd = lastOffset(n);
      if (pending != null && out.size() > before) {
        Targets.label(out, before, pending.label, pos(pending));
        pending = null;
      }
    }
    } finally {
      depth[0]--;
    }
    if (pending != null) out.add(Targets.anchorBlock(pos(pending), pending.label));
    return org.bookbuild.parse.directive.Gated.group(out, diags);
  }

  /** An offset on the last source line of block {@code n} ($$ blocks and directives span more than their node). */
  private static int lastOffset(Node n) {
    if (n instanceof MathNodes.DisplayMath m && m.endOffset > 0) return Math.max(m.endOffset, n.getEndOffset()) - 1;
    if (n instanceof MystNodes.Directive d) {
      if (d.closeOffset >= 0) return d.closeOffset;
      if (!d.lines.isEmpty()) return d.lines.get(d.lines.size() - 1).offset();
    }
    return Math.max(n.getStartOffset(), n.getEndOffset() - 1);
  }

  /** Whether a container at {@code n} would nest too deep; reports the first such place in the file. */
  private boolean tooDeep(Node n, boolean inline) {
    if (inline ? depth[1] <= MAX_INLINE_DEPTH : depth[0] <= MAX_BLOCK_DEPTH) return false;
    if (!reportedDeep) {
      reportedDeep = true;
      diags.warn("nesting-too-deep", pos(n), (inline ? "inline markup" : "lists and block quotes") + " nested more than "
          + (inline ? MAX_INLINE_DEPTH : MAX_BLOCK_DEPTH) + " levels deep; deeper levels are flattened into the last one");
    }
    return true;
  }

  /** Accounts for every source line of {@code n} (see {@link SourceLedger}). */
  private void account(Node n) {
    env.ledger().account(lines, n.getStartOffset(), n.getEndOffset());
  }

  /**
   * Converts one block node and accounts for its lines: a leaf block for all of them (it is in the model, or it is a
   * comment, a link definition, a block break — consumed on purpose); a container only for its first line, since its
   * children account for their own; a directive in {@link DirectiveReader}.
   */
  private void block(Node n, List<Block> out) {
    convert(n, out);
    if (n instanceof BlockQuote || n instanceof ListBlock || n instanceof DefinitionList || n instanceof FootnoteBlock
        || n instanceof MystNodes.Directive) {
      return;
    }
    if (n instanceof HtmlNodes.BlockElement e) {
      env.ledger().account(lines, e.getStartOffset(), e.getEndOffset());
      env.ledger().account(lines, e.closeStart, e.closeEnd);
      return;
    }
    if (n instanceof MathNodes.DisplayMath m) {
      // a $$ block's node spans only its first line; the parser notes where its last line ended
      env.ledger().account(lines, n.getStartOffset(), Math.max(m.endOffset, n.getEndOffset()));
      return;
    }
    account(n);
  }

  private void convert(Node n, List<Block> out) {
    SourcePos pos = pos(n);
    if (n instanceof Paragraph p && MathNodes.holdsDisplay(p)) {
      out.addAll(splitAtDisplays(p));
    } else if (n instanceof Paragraph p && Substitutions.standsAlone(p, env)) {
      out.addAll(Substitutions.paragraph(p, env, pos));
    } else if (n instanceof Paragraph p) {
      List<Inline> content = inlines(p);
      Block fields = FieldLists.of(content);
      if (fields != null) out.add(fields);
      else if (!content.isEmpty()) out.add(new Block.Para(pos, content));
    } else if (n instanceof Heading h) {
      out.add(new Block.Heading(pos, Attr.EMPTY, h.getLevel(), inlines(h)));
    } else if (n instanceof FencedCodeBlock f) {
      String info = f.getInfo().toString().trim();
      String lang = info.isEmpty() ? "" : info.split("\\s+")[0];
      out.add(new Block.CodeBlock(pos, Attr.EMPTY, lang, stripFinalNewline(f.getContentChars().toString())));
    } else if (n instanceof IndentedCodeBlock c) {
      out.add(new Block.CodeBlock(pos, Attr.EMPTY, "", stripFinalNewline(c.getContentChars().toString())));
    } else if ((n instanceof BlockQuote || n instanceof ListBlock) && tooDeep(n, false)) {
      if (n instanceof BlockQuote) out.addAll(blocks(n));
      else for (Node li = n.getFirstChild(); li != null; li = li.getNext()) out.addAll(blocks(li));
    } else if (n instanceof BlockQuote q) {
      List<Block> quoted = blocks(q);
      out.add(GitHubAlerts.of(pos, quoted).orElseGet(() -> new Block.Quote(pos, quoted)));
    } else if (n instanceof BulletList l) {
      out.add(new Block.BulletList(pos, l.isTight(), items(l)));
    } else if (n instanceof OrderedList l) {
      out.add(new Block.OrderedList(pos, l.getStartNumber(), l.isTight(), items(l)));
    } else if (n instanceof ThematicBreak) {
      out.add(new Block.Rule(pos));
    } else if (n instanceof TableBlock t) {
      out.add(table(t));
    } else if (n instanceof DefinitionList d) {
      out.add(defList(d));
    } else if (n instanceof MystNodes.Directive d) {
      out.addAll(DirectiveReader.run(d, env, lines));
    } else if (n instanceof MystNodes.Silent) {
      // % comments and +++ block breaks never print
    } else if (n instanceof MystNodes.StrayFence) {
      diags.warn("directive-unopened", pos, "a closing fence ':::' with no directive open here (its directive was"
          + " already closed by its container, or never opened); not printed");
    } else if (n instanceof MathNodes.DisplayMath m) {
      out.add(new Block.MathBlock(pos, m.label.isEmpty() ? Attr.EMPTY : Attr.id(m.label), m.tex));
    } else if (n instanceof HtmlCommentBlock c && !c.getChars().toString().trim().endsWith("-->")) {
      // text after a comment on its line ("<!-- x -->*bar*") is part of the block and prints
      out.addAll(new Html(diags, pos, c.getChars().toString()).blocks());
    } else if (n instanceof HtmlCommentBlock || n instanceof Reference || n instanceof FootnoteBlock
        || n instanceof BlankLine) {
      // comments never print; references and footnote bodies are used where they are referred to (a footnote's
      // lines are accounted for when its body is converted there: one never referred to is reported as dropped)
    } else if (n instanceof HtmlBlock h) {
      out.addAll(new Html(diags, pos, h.getChars().toString()).blocks());
    } else if (n instanceof HtmlNodes.BlockElement e) {
      out.addAll(new Html(diags, pos, e.open).container(blocks(e)));
    } else {
      String src = n.getChars().toString();
      diags.warn("markdown-unsupported", pos, "unsupported Markdown construct " + n.getNodeName() + " printed as text");
      out.add(new Block.Problem(pos, "unsupported construct " + n.getNodeName(), src));
    }
  }

  /**
   * A paragraph (or list item) with {@code $$…$$} or {@code \[…\]} inside a sentence, as mystmd prints it: the text
   * before, the formula as a display on its own lines, and the sentence going on after it (a paragraph that
   * {@link Block.Para#continues() continues}: unindented). Inline at display size, one line would be as tall as a matrix and justification would tear it apart.
   */
  private List<Block> splitAtDisplays(Paragraph p) {
    List<Block> out = new ArrayList<>();
    List<Inline> current = new ArrayList<>();
    SourcePos start = pos(p);
    // the text after a display inside one paragraph goes on with its sentence (no blank line between them)
    boolean continues = false;
    depth[1]++;
    try {
      for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof MathNodes.InlineMath m && m.display) {
          addPara(out, start, current, continues);
          continues = true;
          current = new ArrayList<>();
          out.add(new Block.MathBlock(pos(c), Attr.EMPTY, m.tex));
          start = c.getNext() == null ? pos(c) : pos(c.getNext());
        } else {
          inline(c, current);
        }
      }
    } finally {
      depth[1]--;
    }
    addPara(out, start, current, continues);
    return out;
  }

  /** Adds the inlines as a paragraph, without the line ends and spaces that stood next to a display; none if empty. */
  private static void addPara(List<Block> out, SourcePos pos, List<Inline> content, boolean continues) {
    List<Inline> c = new ArrayList<>(content);
    while (!c.isEmpty() && (c.get(0) instanceof Inline.SoftBreak || c.get(0) instanceof Inline.LineBreak
        || c.get(0) instanceof Inline.Text t && t.text().isBlank())) c.remove(0);
    while (!c.isEmpty() && (c.get(c.size() - 1) instanceof Inline.SoftBreak || c.get(c.size() - 1) instanceof Inline.LineBreak
        || c.get(c.size() - 1) instanceof Inline.Text t && t.text().isBlank())) c.remove(c.size() - 1);
    if (c.isEmpty()) return;
    if (c.get(0) instanceof Inline.Text t) c.set(0, new Inline.Text(t.pos(), t.text().stripLeading()));
    int last = c.size() - 1;
    if (c.get(last) instanceof Inline.Text t) c.set(last, new Inline.Text(t.pos(), t.text().stripTrailing()));
    out.add(new Block.Para(c.get(0).pos(), c, continues));
  }

  private static String stripFinalNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  private List<Block.ListItem> items(ListBlock l) {
    List<Block.ListItem> items = new ArrayList<>();
    for (Node n = l.getFirstChild(); n != null; n = n.getNext()) {
      if (!(n instanceof ListItem li)) continue;
      Boolean checked = n instanceof TaskListItem t ? t.isItemDoneMarker() : null;
      env.ledger().account(lines, li.getStartOffset(), li.getStartOffset() + 1);
      List<Block> content = blocks(li);
      if (l.isTight()) {
        content = content.stream().map(b -> b instanceof Block.Para p ? (Block) new Block.Plain(p.pos(), p.content()) : b).toList();
      }
      items.add(new Block.ListItem(pos(li), checked, content));
    }
    return items;
  }

  private Block defList(DefinitionList d) {
    List<Block.DefItem> items = new ArrayList<>();
    List<Inline> term = null;
    List<List<Block>> defs = new ArrayList<>();
    SourcePos termPos = pos(d);
    for (Node n = d.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof DefinitionTerm t) {
        if (term != null) items.add(new Block.DefItem(termPos, term, defs));
        term = new ArrayList<>();
        for (Block b : blocks(t)) if (b instanceof Block.Para p) term.addAll(p.content());
        defs = new ArrayList<>();
        termPos = pos(t);
      } else if (n instanceof DefinitionItem it) {
        defs.add(blocks(it));
      }
    }
    if (term != null) items.add(new Block.DefItem(termPos, term, defs));
    return new Block.DefList(pos(d), items);
  }

  private Block table(TableBlock t) {
    List<Block.Row> head = new ArrayList<>();
    List<Block.Row> body = new ArrayList<>();
    List<Block.Align> aligns = new ArrayList<>();
    List<Inline> caption = List.of();
    for (Node sec = t.getFirstChild(); sec != null; sec = sec.getNext()) {
      if (sec instanceof TableCaption c) {
        caption = inlines(c);
        continue;
      }
      List<Block.Row> target = sec instanceof TableHead ? head : sec instanceof TableBody ? body : null;
      if (target == null) continue;
      for (Node r = sec.getFirstChild(); r != null; r = r.getNext()) {
        if (!(r instanceof TableRow)) continue;
        List<Block.Cell> cells = new ArrayList<>();
        int col = 0;
        for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
          if (!(c instanceof TableCell cell)) continue;
          if (target == head && head.isEmpty()) aligns.add(align(cell.getAlignment()));
          else if (col >= aligns.size()) aligns.add(align(cell.getAlignment()));
          List<Inline> content = inlines(cell);
          cells.add(new Block.Cell(pos(cell), Math.max(1, cell.getSpan()), 1,
              content.isEmpty() ? List.of() : List.of(new Block.Plain(pos(cell), content))));
          col += Math.max(1, cell.getSpan());
        }
        target.add(new Block.Row(cells));
      }
    }
    return new Block.Table(pos(t), Attr.EMPTY, caption, aligns, List.of(), head, body);
  }

  private static Block.Align align(TableCell.Alignment a) {
    if (a == null) return Block.Align.DEFAULT;
    return switch (a) {
      case LEFT -> Block.Align.LEFT;
      case CENTER -> Block.Align.CENTER;
      case RIGHT -> Block.Align.RIGHT;
      default -> Block.Align.DEFAULT;
    };
  }

  List<Inline> inlines(Node parent) {
    List<Inline> out = new ArrayList<>();
    depth[1]++;
    try {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) inline(n, out);
    } finally {
      depth[1]--;
    }
    return out;
  }

  private void inline(Node n, List<Inline> out) {
    SourcePos pos = pos(n);
    if ((n instanceof Emphasis || n instanceof StrongEmphasis || n instanceof Strikethrough || n instanceof Link
        || n instanceof LinkRef) && n.hasChildren() && tooDeep(n, true)) {
      out.addAll(inlines(n));
    } else if (n instanceof Text || n instanceof TextBase) {
      if (n instanceof TextBase && n.hasChildren()) {
        out.addAll(inlines(n));
      } else {
        appendText(out, pos, n.getChars().unescape());
      }
    } else if (n instanceof HtmlEntity) {
      appendText(out, pos, n.getChars().unescape());
    } else if (n instanceof SoftLineBreak) {
      out.add(new Inline.SoftBreak(pos));
    } else if (n instanceof HardLineBreak) {
      out.add(new Inline.LineBreak(pos));
    } else if (n instanceof Emphasis) {
      out.add(new Inline.Styled(pos, "emph", inlines(n)));
    } else if (n instanceof StrongEmphasis) {
      out.add(new Inline.Styled(pos, "strong", inlines(n)));
    } else if (n instanceof Strikethrough) {
      out.add(new Inline.Styled(pos, "strike", inlines(n)));
    } else if (n instanceof Code c) {
      out.add(new Inline.Code(pos, c.getText().toString()));
    } else if (n instanceof MystNodes.Role r) {
      out.addAll(RoleReader.run(r, env, lines));
    } else if (n instanceof MystNodes.Substitution s) {
      out.addAll(Substitutions.inline(s, env, pos));
    } else if (n instanceof MathNodes.InlineMath m) {
      out.add(new Inline.MathInline(pos, m.display ? "\\displaystyle " + m.tex : m.tex));
    } else if (n instanceof Link l) {
      out.add(new Inline.Link(pos, l.getUrl().unescape(), inlines(l)));
    } else if (n instanceof AutoLink a) {
      String url = a.getText().toString();
      out.add(new Inline.Link(pos, url, List.of(new Inline.Text(pos, url))));
    } else if (n instanceof MailLink m) {
      String addr = m.getText().toString();
      out.add(new Inline.Link(pos, "mailto:" + addr, List.of(new Inline.Text(pos, addr))));
    } else if (n instanceof Image im) {
      out.add(new Inline.Image(pos, Attr.EMPTY, im.getUrl().unescape(), inlines(im)));
    } else if (n instanceof LinkRef r) {
      Reference ref = r.getReferenceNode(r.getDocument());
      if (ref == null) appendText(out, pos, r.getChars().toString());
      else out.add(new Inline.Link(pos, ref.getUrl().unescape(), r.hasChildren() ? inlines(r) : List.of(new Inline.Text(pos, r.getReference().toString()))));
    } else if (n instanceof ImageRef r) {
      Reference ref = r.getReferenceNode(r.getDocument());
      if (ref == null) appendText(out, pos, r.getChars().toString());
      else out.add(new Inline.Image(pos, Attr.EMPTY, ref.getUrl().unescape(), inlines(r)));
    } else if (n instanceof Footnote f) {
      FootnoteBlock fb = f.getFootnoteBlock();
      Inline fromPage = fb == null ? pageNote(f, pos) : null;
      NotebookNotes shared = env.notes() == null ? null : env.notes().shared;
      String key = f.getText().toString().toLowerCase(java.util.Locale.ROOT);
      if (fromPage != null) {
        out.add(fromPage);
      } else if (fb == null && shared != null && shared.definedElsewhere(key)) {
        // defined in another cell of the notebook: put in place once every cell is read (NotebookNotes.resolve)
        Inline.Problem p = new Inline.Problem(pos, "undefined footnote", f.getChars().toString());
        shared.placeholder(p, key);
        out.add(p);
      } else if (fb == null) {
        diags.warn("footnote-undefined", pos, "footnote [^" + f.getText() + "] has no definition");
        out.add(new Inline.Problem(pos, "undefined footnote", f.getChars().toString()));
      } else if (!openNotes.add(fb)) {
        // a note that refers to itself (directly or through another note) would be expanded forever
        diags.warn("footnote-recursive", pos, "footnote [^" + f.getText() + "] refers to itself; the inner reference is not expanded");
        out.add(new Inline.Problem(pos, "footnote refers to itself", f.getChars().toString()));
      } else {
        try {
          out.add(new Inline.Note(pos, blocks(fb)));
        } finally {
          openNotes.remove(fb);
        }
      }
    } else if (n instanceof HtmlInlineComment) {
      // never printed
    } else if (n instanceof HtmlNodes.InlineElement e) {
      out.addAll(new Html(diags, pos, "").wrap(e.tag.name(), e.tag.attrs(), inlines(e), pos));
    } else if (n instanceof HtmlInline h) {
      for (HtmlTokens.Token t : HtmlTokens.tokenize(h.getChars().toString())) out.addAll(new Html(diags, pos, "").lone(t, pos));
    } else {
      diags.warn("markdown-unsupported", pos, "unsupported inline construct " + n.getNodeName() + " printed as text");
      out.add(new Inline.Problem(pos, "unsupported " + n.getNodeName(), n.getChars().toString()));
    }
  }

  /** Appends text, merging with a preceding text node so that the model has no fragmented runs. */
  static void appendText(List<Inline> out, SourcePos pos, String s) {
    if (s.isEmpty()) return;
    if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text t) {
      out.set(out.size() - 1, new Inline.Text(t.pos(), t.text() + s));
    } else {
      out.add(new Inline.Text(pos, s));
    }
  }
}
