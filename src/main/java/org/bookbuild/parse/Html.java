package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * Converts the HTML people write in Markdown into the model: {@code <img>}, {@code <br>}, {@code <sub>},
 * {@code <sup>}, {@code <b>}/{@code <strong>}, {@code <i>}/{@code <em>}, {@code <u>}, {@code <span>}/{@code <div>}
 * (content kept), {@code <h1>}…{@code <h6>} (headings, as Markdown's), {@code <center>} and centred divs, {@code <details>}/{@code <summary>} (printed expanded, the
 * summary as title), {@code <iframe>} (the same Div as the iframe directive: a framed placeholder with the link),
 * simple {@code <table>}s, links, code, lists and paragraphs. Any other element keeps its text and gives an
 * {@code html-unsupported} warning naming the tag. Fragments are read by {@link HtmlTokens}, never by an XML parser.
 */
final class Html {
  /** Elements whose content is kept without comment (they carry no meaning of their own in print). */
  private static final Set<String> TRANSPARENT = Set.of("span", "div", "html", "body", "tbody", "thead", "tfoot");
  /** Elements that start a block of their own. */
  private static final Set<String> BLOCKS = Set.of("div", "center", "details", "p", "table", "iframe", "blockquote",
      "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "ul", "ol", "section", "article", "main", "header", "footer",
      "nav", "aside", "figure", "figcaption", "body", "html", "head", "script", "style", "summary", "dl", "form",
      "video", "audio");

  /** The admonition kinds an HTML admonition's classes may name. */
  private static final Set<String> ADMONITIONS = Set.of("note", "warning", "tip", "hint", "important", "caution",
      "attention", "danger", "error", "seealso");

  private final Diagnostics diags;
  private final SourcePos base;
  private final String source;
  private final Set<String> warned = new HashSet<>();

  /** A parsed element or text. */
  sealed interface Node permits El, Txt {}

  record El(String name, Map<String, String> attrs, List<Node> children, int offset) implements Node {}

  record Txt(String text, int offset) implements Node {}

  Html(Diagnostics diags, SourcePos base, String source) {
    this.diags = diags;
    this.base = base;
    this.source = source;
  }

  /** A whole HTML block as model blocks. */
  List<Block> blocks() {
    return blockContent(tree().children());
  }

  /**
   * An HTML block that opens elements closed by a later block, with the Markdown between them already converted:
   * the inner blocks go inside the innermost element left open.
   */
  List<Block> container(List<Block> inner) {
    El root = tree();
    El open = root;
    while (!open.children().isEmpty() && open.children().get(open.children().size() - 1) instanceof El e
        && !HtmlTokens.VOID.contains(e.name()) && BLOCKS.contains(e.name())) {
      open = e;
    }
    open.children().add(new El("#inner", Map.of(), new ArrayList<>(), 0));
    placeholder = inner;
    return blockContent(root.children());
  }

  /** Inlines of an inline element whose content flexmark parsed as Markdown. */
  List<Inline> wrap(String tag, Map<String, String> attrs, List<Inline> content, SourcePos pos) {
    return inlineElement(new El(tag, new java.util.LinkedHashMap<>(attrs), new ArrayList<>(), 0), content, pos);
  }

  /** A lone tag (void, or with no matching end tag in its paragraph). */
  List<Inline> lone(HtmlTokens.Token t, SourcePos pos) {
    if (t.kind() == HtmlTokens.Kind.START && (t.name().equals("br") || t.name().equals("img") || t.name().equals("wbr"))) {
      return inlineElement(new El(t.name(), new java.util.LinkedHashMap<>(t.attrs()), new ArrayList<>(), 0), List.of(), pos);
    }
    if (t.kind() == HtmlTokens.Kind.START || t.kind() == HtmlTokens.Kind.END) {
      if (!TRANSPARENT.contains(t.name())) warn(t.name(), pos, "has no matching tag here; the tag is not printed");
    }
    return List.of();
  }

  // --- tree -----------------------------------------------------------------------------------------------------

  /** The Markdown blocks a {@link #container} puts where its {@code #inner} marker element stands. */
  private List<Block> placeholder = List.of();

  El tree() {
    El root = new El("#root", Map.of(), new ArrayList<>(), 0);
    List<El> stack = new ArrayList<>(List.of(root));
    for (HtmlTokens.Token t : HtmlTokens.tokenize(source)) {
      El top = stack.get(stack.size() - 1);
      switch (t.kind()) {
        case TEXT -> top.children().add(new Txt(t.text(), t.offset()));
        case START -> {
          // implied end tags of the table, list and paragraph elements people leave open
          if (Set.of("td", "th").contains(t.name())) popTo(stack, Set.of("td", "th"), Set.of("tr", "table"));
          if (t.name().equals("tr")) popTo(stack, Set.of("tr"), Set.of("table"));
          if (t.name().equals("li")) popTo(stack, Set.of("li"), Set.of("ul", "ol"));
          if (Set.of("dt", "dd").contains(t.name())) popTo(stack, Set.of("dt", "dd"), Set.of("dl"));
          if (t.name().equals("p") || BLOCKS.contains(t.name())) popTo(stack, Set.of("p"), Set.of("div", "td", "th", "li"));
          top = stack.get(stack.size() - 1);
          El e = new El(t.name(), new java.util.LinkedHashMap<>(t.attrs()), new ArrayList<>(), t.offset());
          top.children().add(e);
          if (!t.selfClosing()) stack.add(e);
        }
        case END -> {
          for (int i = stack.size() - 1; i > 0; i--) {
            if (stack.get(i).name().equals(t.name())) {
              while (stack.size() > i) stack.remove(stack.size() - 1);
              break;
            }
          }
        }
      }
    }
    return root;
  }

  private static void popTo(List<El> stack, Set<String> names, Set<String> stopAt) {
    for (int i = stack.size() - 1; i > 0; i--) {
      String n = stack.get(i).name();
      if (stopAt.contains(n)) return;
      if (names.contains(n)) {
        while (stack.size() > i) stack.remove(stack.size() - 1);
        return;
      }
    }
  }

  SourcePos pos(int offset) {
    int lines = 0;
    for (int i = 0; i < offset && i < source.length(); i++) if (source.charAt(i) == '\n') lines++;
    return lines == 0 ? base : SourcePos.of(base.file(), base.line() + lines, 1);
  }

  private void warn(String tag, SourcePos pos, String what) {
    if (warned.add(tag)) diags.warn("html-unsupported", pos, "HTML <" + tag + "> " + what);
  }

  // --- blocks ---------------------------------------------------------------------------------------------------

  private List<Block> blockContent(List<Node> nodes) {
    List<Block> out = new ArrayList<>();
    List<Node> run = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof El e && e.name().equals("#inner")) {
        flush(run, out);
        out.addAll(placeholder);
      } else if (n instanceof El e && BLOCKS.contains(e.name())) {
        flush(run, out);
        out.addAll(block(e));
      } else {
        run.add(n);
      }
    }
    flush(run, out);
    return out;
  }

  private void flush(List<Node> run, List<Block> out) {
    if (run.isEmpty()) return;
    List<Inline> in = trim(inlines(run));
    SourcePos p = pos(offset(run.get(0)));
    run.clear();
    if (!in.isEmpty()) out.add(new Block.Para(p, in));
  }

  private static int offset(Node n) {
    return n instanceof El e ? e.offset() : ((Txt) n).offset();
  }

  private List<Block> block(El e) {
    SourcePos p = pos(e.offset());
    String align = e.attrs().getOrDefault("align", "") + " " + e.attrs().getOrDefault("style", "").replace(" ", "");
    boolean centred = align.contains("center");
    switch (e.name()) {
      case "center": {
        List<Block> inner = blockContent(e.children());
        // a centred title (<center><h1>…</h1></center>) is the page's heading, as it would be without the centring
        if (inner.size() == 1 && inner.get(0) instanceof Block.Heading) return inner;
        return List.of(new Block.Div(p, Attr.classes("center"), List.of(), inner));
      }
      case "div", "body", "html": {
        String alert = alertKind(e.attrs().getOrDefault("class", ""));
        if (alert != null) {
          // a Bootstrap alert box, as classic Jupyter and JupyterLab colour it: the admonition of that colour, with
          // no title of its own (the author's first words, "Tip:", are usually in the box)
          return List.of(new Block.Div(p, Attr.classes(alert, "untitled"), List.of(), blockContent(e.children())));
        }
        List<String> cls = List.of(e.attrs().getOrDefault("class", "").trim().split("\\s+"));
        if (cls.contains("admonition")) {
          // MyST's html_admonition (and Sphinx's own HTML): <div class="admonition note"><p class="title">…</p>…</div>
          String kind = cls.stream().filter(ADMONITIONS::contains).findFirst().orElse("admonition");
          List<Inline> title = List.of();
          List<Node> rest = new ArrayList<>(e.children());
          for (Node n : e.children()) {
            if (n instanceof Txt t && t.text().isBlank()) continue;
            if (n instanceof El t && t.name().equals("p") && t.attrs().getOrDefault("class", "").contains("title")) {
              title = trim(inlines(t.children()));
              rest.remove(n);
            }
            break;
          }
          return List.of(new Block.Div(p, Attr.classes(kind), title, blockContent(rest)));
        }
        List<Block> inner = blockContent(e.children());
        if (centred && inner.size() == 1 && inner.get(0) instanceof Block.Heading) return inner;
        return centred ? List.of(new Block.Div(p, Attr.classes("center"), List.of(), inner)) : inner;
      }
      case "p": {
        List<Inline> in = trim(inlines(e.children()));
        if (in.isEmpty()) return List.of();
        Block para = new Block.Para(p, in);
        return centred ? List.of(new Block.Div(p, Attr.classes("center"), List.of(), List.of(para))) : List.of(para);
      }
      case "details": {
        List<Inline> title = List.of();
        List<Node> rest = new ArrayList<>();
        for (Node c : e.children()) {
          if (c instanceof El s && s.name().equals("summary") && title.isEmpty()) title = trim(inlines(s.children()));
          else rest.add(c);
        }
        return List.of(new Block.Div(p, Attr.classes("details"), title, blockContent(rest)));
      }
      case "summary":
        return List.of(new Block.Para(p, List.of(new Inline.Styled(p, "strong", trim(inlines(e.children()))))));
      case "iframe": {
        String src = e.attrs().getOrDefault("src", "");
        Attr a = Attr.classes("iframe").with("src", src);
        if (e.attrs().containsKey("width")) a = a.with("width", e.attrs().get("width"));
        String t = e.attrs().getOrDefault("title", "");
        return List.of(new Block.Div(p, a, t.isEmpty() ? List.of() : List.of(new Inline.Text(p, t)), List.of()));
      }
      case "table":
        return table(e, p);
      case "blockquote":
        return List.of(new Block.Quote(p, blockContent(e.children())));
      case "hr":
        return List.of(new Block.Rule(p));
      case "pre":
        return List.of(new Block.CodeBlock(p, Attr.EMPTY, "", stripNewlines(text(e.children()))));
      case "ul", "ol": {
        List<Block.ListItem> items = new ArrayList<>();
        for (Node c : e.children()) {
          if (c instanceof El li && li.name().equals("li")) items.add(new Block.ListItem(pos(li.offset()), null, plainFirst(blockContent(li.children()))));
        }
        if (e.name().equals("ul")) return List.of(new Block.BulletList(p, true, items));
        // <ol type="a" start="3">: letters or roman numerals, as the browser numbers them
        String type = e.attrs().getOrDefault("type", "1").strip();
        String numbering = type.length() == 1 && "1aAiI".contains(type) ? type + "." : Block.OrderedList.ARABIC;
        int start = 1;
        try {
          start = Integer.parseInt(e.attrs().getOrDefault("start", "1").strip());
        } catch (NumberFormatException ignored) {
          // not a number: the browser starts at 1 too
        }
        return List.of(new Block.OrderedList(p, start, true, items, numbering));
      }
      case "dl": {
        // a definition list, as a Markdown one: each <dt> a term, the <dd>s after it its definitions
        List<Block.DefItem> items = new ArrayList<>();
        List<Inline> term = null;
        SourcePos at = p;
        List<List<Block>> defs = new ArrayList<>();
        for (Node c : e.children()) {
          if (!(c instanceof El x)) continue;
          if (x.name().equals("dt")) {
            if (term != null) items.add(new Block.DefItem(at, term, defs));
            term = trim(inlines(x.children()));
            at = pos(x.offset());
            defs = new ArrayList<>();
          } else if (x.name().equals("dd")) {
            if (term == null) {
              term = List.of();
              at = pos(x.offset());
            }
            defs.add(plainFirst(blockContent(x.children())));
          }
        }
        if (term != null) items.add(new Block.DefItem(at, term, defs));
        if (items.isEmpty()) return blockContent(e.children());
        return List.of(new Block.DefList(p, items));
      }
      case "video", "audio": {
        String src = e.attrs().getOrDefault("src", "");
        for (Node c : e.children()) {
          if (src.isEmpty() && c instanceof El s && s.name().equals("source")) src = s.attrs().getOrDefault("src", "");
        }
        if (src.isEmpty()) return blockContent(e.children());
        // the same placeholder as the video directives: the link (a QR code for a web address), the title if any
        String t = e.attrs().getOrDefault("title", "");
        return List.of(new Block.Div(p, Attr.classes("iframe").with("src", src).with("medium", "video"),
            t.isEmpty() ? List.of() : List.of(new Inline.Text(p, t)), List.of()));
      }
      case "script", "style", "head", "form":
        warn(e.name(), p, "cannot be printed and is left out");
        return List.of();
      case "h1", "h2", "h3", "h4", "h5", "h6": {
        // a heading as Jupyter Book reads it: in the contents and outline like a Markdown heading; its id is an
        // anchor of its page, as <a id> is
        List<Inline> title = new ArrayList<>();
        String id = e.attrs().getOrDefault("id", "").strip();
        if (!id.isEmpty()) {
          title.add(new Inline.Span(p, new Attr(id, List.of(Inline.Span.HTML_ANCHOR), Map.of()), List.of()));
        }
        List<Inline> words = trim(inlines(e.children()));
        if (words.isEmpty()) return title.isEmpty() ? List.of() : List.of(new Block.Plain(p, title));
        title.addAll(words);
        return List.of(new Block.Heading(p, Attr.EMPTY, e.name().charAt(1) - '0', title));
      }
      default:
        warn(e.name(), p, "is not supported in print; its text is kept");
        return blockContent(e.children());
    }
  }

  /** The admonition kind of a Bootstrap alert's classes ({@code alert alert-info} …), or null. */
  static String alertKind(String classes) {
    List<String> cs = List.of(classes.trim().split("\\s+"));
    if (!cs.contains("alert")) return null;
    for (String c : cs) {
      switch (c) {
        case "alert-info", "alert-primary", "alert-secondary", "alert-light", "alert-dark":
          return "note";
        case "alert-warning":
          return "warning";
        case "alert-danger", "alert-error":
          return "danger";
        case "alert-success":
          return "tip";
        default:
          break;
      }
    }
    return "note";
  }

  private static List<Block> plainFirst(List<Block> bs) {
    return bs.stream().map(b -> b instanceof Block.Para q ? (Block) new Block.Plain(q.pos(), q.content()) : b).toList();
  }

  private static String stripNewlines(String s) {
    return s.replaceAll("^\\n+|\\n+$", "");
  }

  private List<Block> table(El t, SourcePos p) {
    List<El> rows = new ArrayList<>();
    List<Boolean> inHead = new ArrayList<>();
    List<Inline> caption = List.of();
    boolean simple = true;
    for (Node c : t.children()) {
      if (!(c instanceof El e)) continue;
      if (e.name().equals("caption")) caption = trim(inlines(e.children()));
      else if (e.name().equals("tr")) {
        rows.add(e);
        inHead.add(false);
      } else if (Set.of("thead", "tbody", "tfoot").contains(e.name())) {
        for (Node r : e.children()) if (r instanceof El re && re.name().equals("tr")) {
          rows.add(re);
          inHead.add(e.name().equals("thead"));
        }
      }
    }
    for (El r : rows) for (Node c : r.children()) {
      if (c instanceof El cell && (cell.name().equals("td") || cell.name().equals("th"))) {
        if (!cell.attrs().getOrDefault("rowspan", "1").equals("1") || contains(cell, "table")) simple = false;
      }
    }
    if (!simple || rows.isEmpty()) {
      warn("table", p, rows.isEmpty() ? "has no rows" : "with row spans or nested tables is not supported; its cells are printed as paragraphs");
      return blockContent(t.children());
    }
    boolean firstRowHead = !inHead.contains(true) && rows.get(0).children().stream()
        .filter(n -> n instanceof El).allMatch(n -> ((El) n).name().equals("th"));
    List<Block.Row> head = new ArrayList<>();
    List<Block.Row> body = new ArrayList<>();
    int cols = 0;
    for (int i = 0; i < rows.size(); i++) {
      List<Block.Cell> cells = new ArrayList<>();
      int width = 0;
      for (Node c : rows.get(i).children()) {
        if (!(c instanceof El cell) || !(cell.name().equals("td") || cell.name().equals("th"))) continue;
        int span = 1;
        try {
          span = Math.max(1, Integer.parseInt(cell.attrs().getOrDefault("colspan", "1").trim()));
        } catch (NumberFormatException ignored) {
          // a malformed colspan counts as one column
        }
        List<Inline> in = trim(inlines(cell.children()));
        SourcePos cp = pos(cell.offset());
        cells.add(new Block.Cell(cp, span, 1, in.isEmpty() ? List.of() : List.of(new Block.Plain(cp, in))));
        width += span;
      }
      cols = Math.max(cols, width);
      (inHead.get(i) || (i == 0 && firstRowHead) ? head : body).add(new Block.Row(cells));
    }
    List<Block.Align> aligns = new ArrayList<>();
    for (int i = 0; i < cols; i++) aligns.add(Block.Align.DEFAULT);
    return List.of(new Block.Table(p, Attr.EMPTY, caption, aligns, List.of(), head, body));
  }

  private static boolean contains(El e, String name) {
    for (Node c : e.children()) if (c instanceof El x && (x.name().equals(name) || contains(x, name))) return true;
    return false;
  }

  // --- inlines --------------------------------------------------------------------------------------------------

  private List<Inline> inlines(List<Node> nodes) {
    List<Inline> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Txt t) {
        String s = t.text().replaceAll("\\s+", " ");
        if (!s.isEmpty()) FlexmarkConverter.appendText(out, pos(t.offset()), s);
      } else if (n instanceof El e) {
        if (BLOCKS.contains(e.name())) {
          // a block element inside inline content (a <div> in a <span>): keep its text in the run
          warnIfUnknown(e);
          out.addAll(inlines(e.children()));
        } else {
          out.addAll(inlineElement(e, inlines(e.children()), pos(e.offset())));
        }
      }
    }
    return out;
  }

  private void warnIfUnknown(El e) {
    if (!TRANSPARENT.contains(e.name()) && !e.name().equals("p")) warn(e.name(), pos(e.offset()), "inside a line is printed as its text");
  }

  private List<Inline> inlineElement(El e, List<Inline> content, SourcePos p) {
    Map<String, String> a = e.attrs();
    switch (e.name()) {
      case "b", "strong":
        return List.of(new Inline.Styled(p, "strong", content));
      case "i", "em":
        return List.of(new Inline.Styled(p, "emph", content));
      case "u", "ins":
        return List.of(new Inline.Styled(p, "underline", content));
      case "sub":
        return List.of(new Inline.Styled(p, "sub", content));
      case "sup":
        return List.of(new Inline.Styled(p, "sup", content));
      case "s", "del", "strike":
        return List.of(new Inline.Styled(p, "strike", content));
      case "kbd":
        return List.of(new Inline.Styled(p, "kbd", content));
      case "code", "tt", "samp":
        return List.of(new Inline.Code(p, org.bookbuild.model.Walk.text(content)));
      case "br":
        return List.of(new Inline.LineBreak(p));
      case "wbr":
        return List.of();
      case "img": {
        Attr at = Attr.EMPTY;
        if (a.containsKey("width")) at = at.with("width", a.get("width").matches("\\d+") ? a.get("width") + "px" : a.get("width"));
        if (a.containsKey("align")) at = at.with("align", a.get("align"));
        String alt = a.getOrDefault("alt", "");
        if (!a.containsKey("src")) {
          warn("img", p, "without src cannot be printed");
          return alt.isEmpty() ? List.of() : List.of(new Inline.Text(p, alt));
        }
        return List.of(new Inline.Image(p, at, a.get("src"), alt.isEmpty() ? List.of() : List.of(new Inline.Text(p, alt))));
      }
      case "a":
        if (a.containsKey("href")) return List.of(new Inline.Link(p, a.get("href"), content));
        if (a.containsKey("id") || a.containsKey("name")) {
          List<Inline> out = new ArrayList<>();
          // an HTML anchor is a place in its own page (Jupyter Book builds one HTML page per document): a label of
          // that document's scope, see transform.CollectLabels
          out.add(new Inline.Span(p, new org.bookbuild.model.Attr(a.containsKey("id") ? a.get("id") : a.get("name"),
              List.of(Inline.Span.HTML_ANCHOR), java.util.Map.of()), List.of()));
          out.addAll(content);
          return out;
        }
        return content;
      case "span", "#inner", "font", "small", "big", "mark", "time", "data", "bdi", "bdo", "label", "nobr", "center":
        // look on the web only (a colour, a size, a highlight): the text prints as the sentence around it
        return content;
      case "var", "cite", "dfn":
        return List.of(new Inline.Styled(p, "emph", content));
      case "q": {
        List<Inline> out = new ArrayList<>();
        out.add(new Inline.Text(p, "\""));
        out.addAll(content);
        out.add(new Inline.Text(p, "\""));
        return out;
      }
      case "abbr": {
        // as MyST's {abbr}: paper has no tooltip, so the expansion follows in parentheses
        List<Inline> out = new ArrayList<>(List.of(new Inline.Styled(p, "abbr", content)));
        String title = a.getOrDefault("title", "").strip();
        if (!title.isEmpty()) out.add(new Inline.Text(p, " (" + title + ")"));
        return out;
      }
      case "tr", "td", "th", "li", "caption", "thead", "tbody", "tfoot", "dt", "dd": {
        // parts of a table or list printed as text (the whole was already reported): cells apart by a space
        List<Inline> out = new ArrayList<>(content);
        out.add(new Inline.Text(p, " "));
        return out;
      }
      default:
        warn(e.name(), p, "is not supported in print; its text is kept");
        return content;
    }
  }

  private static String text(List<Node> nodes) {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      if (n instanceof Txt t) sb.append(t.text());
      else if (n instanceof El e) sb.append(e.name().equals("br") ? "\n" : text(e.children()));
    }
    return sb.toString();
  }

  /** Drops leading and trailing spaces of a run (the line breaks around tags in a block). */
  private static List<Inline> trim(List<Inline> in) {
    List<Inline> out = new ArrayList<>(in);
    if (!out.isEmpty() && out.get(0) instanceof Inline.Text t) {
      String s = t.text().stripLeading();
      if (s.isEmpty()) out.remove(0);
      else out.set(0, new Inline.Text(t.pos(), s));
    }
    if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text t) {
      String s = t.text().stripTrailing();
      if (s.isEmpty()) out.remove(out.size() - 1);
      else out.set(out.size() - 1, new Inline.Text(t.pos(), s));
    }
    return out;
  }
}
