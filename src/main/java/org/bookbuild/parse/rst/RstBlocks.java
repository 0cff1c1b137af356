package org.bookbuild.parse.rst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.Continuation;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.Targets;

/**
 * The block structure of reStructuredText: sections, paragraphs, lists, definition and field lists, quotes, literal,
 * doctest and line blocks, tables, explicit markup (targets, comments, footnotes, substitutions, directives). Works on
 * {@link Line}s whose container indentation is already removed, so a body is read the same at any depth. Every block
 * accounts for the source lines it takes into the model in the file's {@code SourceLedger}.
 */
final class RstBlocks {
  /** Deepest nesting of containers kept; deeper text is printed as written in a placeholder. */
  static final int MAX_DEPTH = 32;
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  static final String NAME = "[A-Za-z0-9](?:[-_.:+]?[A-Za-z0-9])*";
  private static final Pattern ADORN = Pattern.compile("([!-/:-@\\[-`{-~])\\1+\\s*");
  private static final Pattern BULLET = Pattern.compile("([-*+\u2022\u2023\u2043])(?:\\s+|$)");
  private static final Pattern ENUM = Pattern.compile("(\\()?(\\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?:\\s+|$)");
  private static final Pattern FIELD = Pattern.compile(":((?:[^:`\\\\\\s]|\\\\.)(?:[^:`\\\\]|\\\\.)*?):(?:\\s+|$)");
  static final Pattern GRID_BORDER = Pattern.compile("\\+(?:-+\\+)+\\s*");
  static final Pattern SIMPLE_BORDER = Pattern.compile("=+(?: +=+)+\\s*");
  static final Pattern TARGET = Pattern.compile("_(`(?:[^`\\\\]|\\\\.)+`|(?:[^:\\\\]|\\\\.)+):(?:\\s+(.*)|\\s*)");
  static final Pattern FOOTNOTE_DEF = Pattern.compile("\\[(#[A-Za-z0-9_.-]*|\\*|[0-9]+|[A-Za-z][A-Za-z0-9_.-]*)\\](?:\\s+(.*)|\\s*)");
  static final Pattern SUBST_DEF = Pattern.compile("\\|([^|\\s](?:[^|]*[^|\\s])?)\\|\\s+(" + NAME + ")\\s?::(?:\\s+(.*)|\\s*)");
  static final Pattern DIRECTIVE = Pattern.compile("(" + NAME + ")\\s?::(?:\\s+(.*)|\\s*)");
  private static final Map<String, Integer> SETTINGS = Map.of("highlight", RstDoc.HIGHLIGHT, "default-role",
      RstDoc.DEFAULT_ROLE);
  /** Sphinx's file-wide metadata and docutils' bibliographic fields: a field list opening a file, never printed. */
  private static final String METADATA_HINT = "file metadata";

  final RstDoc doc;
  final LineIndex ix;
  final RstInlines inl;
  /** Whether this reads a whole file (a field list at its top is then metadata). */
  private final boolean fileRoot;
  private String pendingLabel;
  private SourcePos pendingPos;

  RstBlocks(RstDoc doc, LineIndex ix, boolean fileRoot) {
    this.doc = doc;
    this.ix = ix;
    this.fileRoot = fileRoot;
    this.inl = new RstInlines(this);
  }

  SourcePos pos(Line l) {
    return ix.pos(l.offset());
  }

  void account(Line l) {
    if (!l.blank()) doc.ledger.account(ix, l.offset(), l.offset() + 1);
  }

  void account(List<Line> ls) {
    for (Line l : ls) account(l);
  }

  /** Blocks of lines whose container indentation is removed. */
  List<Block> blocks(List<Line> ls) {
    int[] d = DEPTH.get();
    d[0]++;
    try {
      if (d[0] > MAX_DEPTH) return tooDeep(ls);
      return read(ls);
    } finally {
      d[0]--;
    }
  }

  private List<Block> tooDeep(List<Line> ls) {
    List<Line> text = trim(ls);
    if (text.isEmpty()) return List.of();
    SourcePos p = pos(text.get(0));
    if (doc.open.add("nesting-too-deep")) {
      doc.diags.warn("nesting-too-deep", p, "lists, quotes and directives nested more than " + MAX_DEPTH
          + " levels deep; the deeper text is printed as written");
    }
    account(text);
    StringBuilder sb = new StringBuilder();
    for (Line l : text) sb.append(sb.length() > 0 ? "\n" : "").append(l.text());
    return List.of(new Block.Problem(p, "nested too deep", sb.toString()));
  }

  private List<Block> read(List<Line> ls) {
    List<Block> out = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<SourcePos> places = new ArrayList<>();
    int i = 0;
    while (i < ls.size()) {
      if (ls.get(i).blank()) {
        i++;
        continue;
      }
      int before = out.size();
      i = block(ls, i, out);
      if (pendingLabel != null) {
        labels.add(pendingLabel);
        places.add(pendingPos);
        pendingLabel = null;
      } else if (out.size() > before && !labels.isEmpty()) {
        // the targets before a block name it: the last one as its id, the others as anchors just before it
        int last = labels.size() - 1;
        if (out.get(before) instanceof Block.Heading h && !h.attr().id().isEmpty()) {
          // the section's own name stays a target too: its id before the heading
          labels.add(0, h.attr().id());
          places.add(0, h.pos());
          last++;
        }
        Targets.label(out, before, labels.get(last), places.get(last));
        for (int k = last - 1; k >= 0; k--) out.add(before, Targets.anchorBlock(places.get(k), labels.get(k)));
        labels.clear();
        places.clear();
      }
    }
    for (int k = 0; k < labels.size(); k++) out.add(Targets.anchorBlock(places.get(k), labels.get(k)));
    return out;
  }

  /** Reads the block starting at line {@code i} (not blank) into {@code out}; returns the line after it. */
  private int block(List<Line> ls, int i, List<Block> out) {
    int n = ls.size();
    Line l = ls.get(i);
    String t = l.text();
    if (l.indent() > 0) {
      int e = indentedEnd(ls, i, 1);
      List<Block> content = blocks(dedentAll(ls.subList(i, e)));
      if (!content.isEmpty()) out.add(new Block.Quote(pos(l.stripped()), content));
      return e;
    }
    if (t.equals("..") || t.startsWith(".. ") || t.startsWith("..\t")) return explicit(ls, i, out);
    if (adornment(l) && i + 2 < n && !ls.get(i + 2).blank() && !ls.get(i + 1).blank() && adornment(ls.get(i + 2))
        && ls.get(i + 2).text().charAt(0) == t.charAt(0)) {
      heading("over" + t.charAt(0), ls.get(i + 1), out);
      account(ls.subList(i, i + 3));
      return i + 3;
    }
    if (adornment(l) && t.strip().length() >= 4 && (i + 1 >= n || ls.get(i + 1).blank())) {
      account(l);
      out.add(new Block.Rule(pos(l)));
      return i + 1;
    }
    if (i + 1 < n && adornment(ls.get(i + 1)) && !adornment(l)) {
      int len = ls.get(i + 1).text().strip().length();
      if (len >= 4 || len >= t.strip().length()) {
        heading("under" + ls.get(i + 1).text().charAt(0), l, out);
        account(ls.subList(i, i + 2));
        return i + 2;
      }
    }
    if (GRID_BORDER.matcher(t).matches()) return RstTables.grid(this, ls, i, out);
    if (SIMPLE_BORDER.matcher(t).matches()) return RstTables.simple(this, ls, i, out);
    if (BULLET.matcher(t).lookingAt()) return bullets(ls, i, out);
    Matcher en = ENUM.matcher(t);
    if (en.lookingAt() && enumStarts(ls, i, en)) return enumerated(ls, i, out);
    if (FIELD.matcher(t).lookingAt()) return fields(ls, i, out);
    if (t.startsWith(">>>") && (t.length() == 3 || t.charAt(3) == ' ')) return doctest(ls, i, out);
    if (t.equals("|") || t.startsWith("| ")) return lineBlock(ls, i, out);
    if (i + 1 < n && !ls.get(i + 1).blank() && ls.get(i + 1).indent() > 0) return definitions(ls, i, out);
    return paragraph(ls, i, out);
  }

  private static boolean adornment(Line l) {
    return l.indent() == 0 && ADORN.matcher(l.text()).matches();
  }

  private void heading(String style, Line title, List<Block> out) {
    int k = doc.titleStyles.indexOf(style);
    if (k < 0) {
      doc.titleStyles.add(style);
      k = doc.titleStyles.size() - 1;
    }
    Line text = title.stripped();
    String id = doc.sectionId(RstDoc.sectionName(text.text()));
    out.add(new Block.Heading(pos(text), id == null ? Attr.EMPTY : Attr.id(id), k + 1 + doc.baseLevel,
        inl.inlines(List.of(text))));
  }

  private int paragraph(List<Line> ls, int i, List<Block> out) {
    int j = i;
    while (j < ls.size() && !ls.get(j).blank() && ls.get(j).indent() == 0) j++;
    List<Line> para = new ArrayList<>(ls.subList(i, j));
    account(para);
    Line last = para.get(para.size() - 1);
    String lt = last.text().stripTrailing();
    boolean literal = lt.endsWith("::");
    if (literal) {
      if (para.size() == 1 && lt.strip().equals("::")) {
        para.clear();
      } else {
        String cut = lt.endsWith(" ::") || lt.endsWith("\t::") ? lt.substring(0, lt.length() - 2).stripTrailing()
            : lt.substring(0, lt.length() - 1);
        para.set(para.size() - 1, new Line(cut, last.offset()));
      }
    }
    if (!para.isEmpty()) {
      List<Inline> content = inl.inlines(para);
      // whether it goes on with the sentence of a display before it, decided as for Markdown
      boolean noBlankLine = i > 0 && !ls.get(i - 1).blank();
      if (!content.isEmpty()) out.add(new Block.Para(pos(para.get(0)), content, Continuation.continues(noBlankLine, content)));
    }
    return literal ? literalBlock(ls, j, out) : j;
  }

  /** The literal block after a paragraph ending in {@code ::}: indented, or quoted with one punctuation character. */
  private int literalBlock(List<Line> ls, int j, List<Block> out) {
    int k = j;
    while (k < ls.size() && ls.get(k).blank()) k++;
    if (k >= ls.size()) return k;
    Line f = ls.get(k);
    if (f.indent() > 0) {
      int e = indentedEnd(ls, k, 1);
      List<Line> block = dedentAll(ls.subList(k, e));
      account(block);
      out.add(new Block.CodeBlock(pos(block.get(0)), Attr.EMPTY, doc.settings[RstDoc.HIGHLIGHT], join(block)));
      return e;
    }
    char c = f.text().charAt(0);
    if (!Character.isLetterOrDigit(c) && c > ' ' && c < 127) {
      int e = k;
      while (e < ls.size() && !ls.get(e).blank() && ls.get(e).text().charAt(0) == c) e++;
      List<Line> block = ls.subList(k, e);
      account(block);
      out.add(new Block.CodeBlock(pos(f), Attr.EMPTY, doc.settings[RstDoc.HIGHLIGHT], join(block)));
      return e;
    }
    return k;
  }

  private int bullets(List<Line> ls, int i, List<Block> out) {
    char bullet = ls.get(i).text().charAt(0);
    return list(ls, i, out, l -> {
      Matcher m = BULLET.matcher(l.text());
      return m.lookingAt() && l.text().charAt(0) == bullet ? m.end() : -1;
    }, -1);
  }

  /** Whether a line that looks like an enumerated item starts a list (docutils: the next line is not plain text). */
  private static boolean enumStarts(List<Line> ls, int i, Matcher m) {
    if (m.group(1) != null && !m.group(3).equals(")")) return false;
    if (i + 1 >= ls.size()) return true;
    Line next = ls.get(i + 1);
    if (next.blank() || next.indent() > 0) return true;
    Matcher n = ENUM.matcher(next.text());
    return n.lookingAt() && follows(n, m);
  }

  /**
   * The numeral kind of an enumerator, as docutils decides it: digits and {@code #} arabic ({@code 1}), a single
   * letter other than i/I a letter ({@code a}, {@code A}), anything else roman ({@code i}, {@code I}).
   */
  private static char kind(String v) {
    if (v.equals("#") || Character.isDigit(v.charAt(0))) return '1';
    boolean lower = Character.isLowerCase(v.charAt(0));
    if (v.length() == 1 && !v.equalsIgnoreCase("i")) return lower ? 'a' : 'A';
    return lower ? 'i' : 'I';
  }

  /** How an enumerated list writes its labels ({@code Block.OrderedList.numbering}): {@code a.}, {@code (i)} … */
  private static String numbering(Matcher m) {
    return (m.group(1) == null ? "" : "(") + kind(m.group(2)) + m.group(3);
  }

  /**
   * Whether {@code m} can be an item of the list {@code first} opened: the same punctuation and numerals of the same
   * kind; a single letter continues a list of letters even where it could be roman ("h.", "i.").
   */
  private static boolean follows(Matcher m, Matcher first) {
    if ((m.group(1) == null) != (first.group(1) == null) || !m.group(3).equals(first.group(3))) return false;
    char k = kind(first.group(2));
    String v = m.group(2);
    if (v.equals("#") != first.group(2).equals("#")) return false; // an auto-numbered list takes only "#" items
    char kv = kind(v);
    if (kv == k) return true;
    return v.length() == 1 && Character.toLowerCase(k) == 'a'
        && Character.isLowerCase(v.charAt(0)) == (k == 'a');
  }

  private int enumerated(List<Line> ls, int i, List<Block> out) {
    Matcher first = ENUM.matcher(ls.get(i).text());
    first.lookingAt();
    String numbering = numbering(first);
    int from = out.size();
    int next = list(ls, i, out, l -> {
      Matcher m = ENUM.matcher(l.text());
      return m.lookingAt() && follows(m, first) && (m.group(1) == null || m.group(3).equals(")")) ? m.end() : -1;
    }, start(first.group(2)));
    if (out.size() > from && out.get(from) instanceof Block.OrderedList l && !numbering.equals(Block.OrderedList.ARABIC)) {
      out.set(from, new Block.OrderedList(l.pos(), l.start(), l.tight(), l.items(), numbering));
    }
    return next;
  }

  private static int start(String v) {
    if (v.equals("#")) return 1;
    if (Character.isDigit(v.charAt(0))) {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        return 1;
      }
    }
    if (v.length() == 1 && !v.equalsIgnoreCase("i")) return Character.toLowerCase(v.charAt(0)) - 'a' + 1;
    int total = 0;
    int prev = 0;
    for (int k = v.length() - 1; k >= 0; k--) {
      int x = switch (Character.toLowerCase(v.charAt(k))) {
        case 'i' -> 1;
        case 'v' -> 5;
        case 'x' -> 10;
        case 'l' -> 50;
        case 'c' -> 100;
        case 'd' -> 500;
        default -> 1000;
      };
      total += x < prev ? -x : x;
      prev = Math.max(prev, x);
    }
    return Math.max(1, total);
  }

  /**
   * A bullet or enumerated list: {@code marker} gives the content column of a line that is an item of this list, or
   * -1. {@code start} is the first number (-1: a bullet list).
   */
  private int list(List<Line> ls, int i, List<Block> out, java.util.function.ToIntFunction<Line> marker, int start) {
    List<Block.ListItem> items = new ArrayList<>();
    boolean tight = true;
    int k = i;
    int n = ls.size();
    while (k < n) {
      Line li = ls.get(k);
      int col = li.indent() == 0 ? marker.applyAsInt(li) : -1;
      if (col < 0) break;
      int e = indentedEnd(ls, k + 1, 1);
      List<Line> body = itemBody(li.from(col), ls, k + 1, e);
      for (Line b : body) if (b.blank()) tight = false;
      account(li);
      items.add(new Block.ListItem(pos(li), null, blocks(body)));
      int next = e;
      while (next < n && ls.get(next).blank()) next++;
      if (next < n && next > e && ls.get(next).indent() == 0 && marker.applyAsInt(ls.get(next)) >= 0) tight = false;
      k = next < n && ls.get(next).indent() == 0 && marker.applyAsInt(ls.get(next)) >= 0 ? next : e;
      if (k == e && (k >= n || marker.applyAsInt(ls.get(k)) < 0 || ls.get(k).indent() > 0)) break;
    }
    if (tight) {
      List<Block.ListItem> plain = new ArrayList<>();
      for (Block.ListItem it : items) {
        plain.add(new Block.ListItem(it.pos(), null, it.content().stream()
            .map(b -> b instanceof Block.Para p ? (Block) new Block.Plain(p.pos(), p.content()) : b).toList()));
      }
      items = plain;
    }
    SourcePos p = pos(ls.get(i));
    out.add(start < 0 ? new Block.BulletList(p, tight, items) : new Block.OrderedList(p, start, tight, items));
    return k;
  }

  private int fields(List<Line> ls, int i, List<Block> out) {
    List<Block.DefItem> items = new ArrayList<>();
    int k = i;
    int n = ls.size();
    int end = i;
    while (k < n) {
      Line li = ls.get(k);
      Matcher m = FIELD.matcher(li.text());
      if (li.indent() > 0 || !m.lookingAt()) break;
      int e = indentedEnd(ls, k + 1, 1);
      List<Line> body = itemBody(li.from(m.end()), ls, k + 1, e);
      account(li);
      Line name = new Line(m.group(1), li.offset() + 1);
      items.add(new Block.DefItem(pos(li), inl.inlines(List.of(name)), List.of(blocks(body))));
      end = e;
      k = e;
      while (k < n && ls.get(k).blank()) k++;
    }
    boolean metadata = fileRoot && (out.isEmpty() || out.size() == 1 && out.get(0) instanceof Block.Heading h
        && h.level() == 1);
    if (metadata) {
      // Sphinx reads a field list opening a page as the page's metadata (:orphan:, :tocdepth:, :author: …)
      account(ls.subList(i, end));
      return end;
    }
    out.add(new Block.DefList(pos(ls.get(i)), items));
    return end;
  }

  private int doctest(List<Line> ls, int i, List<Block> out) {
    int e = i;
    while (e < ls.size() && !ls.get(e).blank()) e++;
    List<Line> block = ls.subList(i, e);
    account(block);
    out.add(new Block.CodeBlock(pos(ls.get(i)), Attr.EMPTY, "pycon", join(block)));
    return e;
  }

  private int lineBlock(List<Line> ls, int i, List<Block> out) {
    List<Inline> content = new ArrayList<>();
    int k = i;
    while (k < ls.size()) {
      Line l = ls.get(k);
      if (!(l.text().equals("|") || l.text().startsWith("| ")) || l.indent() > 0) break;
      List<Line> one = new ArrayList<>();
      one.add(l.from(1).stripped());
      account(l);
      k++;
      while (k < ls.size() && !ls.get(k).blank() && ls.get(k).indent() > 0) {
        account(ls.get(k));
        one.add(ls.get(k).stripped());
        k++;
      }
      if (k - one.size() > i) content.add(new Inline.LineBreak(pos(l))); // every line after the first starts a new one
      if (!one.get(0).blank() || one.size() > 1) content.addAll(inl.inlines(one));
    }
    if (!content.isEmpty() && content.get(0) instanceof Inline.LineBreak) content.remove(0);
    if (!content.isEmpty()) out.add(new Block.Para(pos(ls.get(i)), content));
    return k;
  }

  private int definitions(List<Line> ls, int i, List<Block> out) {
    List<Block.DefItem> items = new ArrayList<>();
    int k = i;
    int n = ls.size();
    int end = i;
    while (k < n) {
      Line term = ls.get(k);
      if (term.indent() > 0 || term.blank() || k + 1 >= n || ls.get(k + 1).blank() || ls.get(k + 1).indent() == 0
          || (k > i && startsOther(term))) break;
      int e = indentedEnd(ls, k + 1, 1);
      account(term);
      items.add(new Block.DefItem(pos(term), term(term), List.of(blocks(dedentAll(ls.subList(k + 1, e))))));
      end = e;
      k = e;
      while (k < n && ls.get(k).blank()) k++;
    }
    out.add(new Block.DefList(pos(ls.get(i)), items));
    return end;
  }

  /** A definition list term; its classifiers ({@code term : classifier}) follow in italics. */
  private List<Inline> term(Line term) {
    String t = term.text();
    int cut = t.indexOf(" : ");
    if (cut < 0) return inl.inlines(List.of(term.stripped()));
    List<Inline> out = new ArrayList<>(inl.inlines(List.of(new Line(t.substring(0, cut), term.offset()))));
    int at = cut;
    while (at >= 0) {
      int next = t.indexOf(" : ", at + 3);
      String c = t.substring(at + 3, next < 0 ? t.length() : next);
      out.add(new Inline.Text(ix.pos(term.offset() + at), " : "));
      out.add(new Inline.Styled(ix.pos(term.offset() + at + 3), "emph",
          inl.inlines(List.of(new Line(c, term.offset() + at + 3).stripped()))));
      at = next;
    }
    return out;
  }

  private static boolean startsOther(Line l) {
    String t = l.text();
    return t.startsWith("..") || BULLET.matcher(t).lookingAt() || FIELD.matcher(t).lookingAt()
        || GRID_BORDER.matcher(t).matches() || SIMPLE_BORDER.matcher(t).matches() || adornment(l);
  }

  /** Explicit markup: targets, footnotes and substitutions (read by {@link #scan}), directives and comments. */
  private int explicit(List<Line> ls, int i, List<Block> out) {
    Line l = ls.get(i);
    int e = indentedEnd(ls, i + 1, 1);
    Line first = l.from(2);
    first = first.from(first.indent());
    List<Line> rest = dedentAll(ls.subList(i + 1, e));
    String t = first.text();
    Matcher m;
    if ((m = TARGET.matcher(t)).matches()) {
      account(ls.subList(i, e));
      String rawUrl = m.group(2) == null ? "" : m.group(2).strip();
      if (rawUrl.isEmpty() && rest.stream().allMatch(Line::blank) && !m.group(1).equals("_")) {
        pendingLabel = targetName(m.group(1));
        pendingPos = pos(l);
      }
    } else if (FOOTNOTE_DEF.matcher(t).matches()) {
      // read where it is referred to (one never referred to is reported as dropped)
    } else if (SUBST_DEF.matcher(t).matches()) {
      account(ls.subList(i, e));
    } else if ((m = DIRECTIVE.matcher(t)).matches() && SETTINGS.containsKey(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
      // Sphinx's highlight and docutils' default-role set how later text is read; they print nothing
      doc.settings[SETTINGS.get(m.group(1).toLowerCase(java.util.Locale.ROOT))] = m.group(2) == null ? "" : m.group(2).strip();
      account(ls.subList(i, e));
    } else if ((m = DIRECTIVE.matcher(t)).matches() && m.group(1).equalsIgnoreCase("role") && m.group(2) != null
        && m.group(2).strip().matches("[A-Za-z0-9_.:+-]+(\\([A-Za-z0-9_.:+-]+\\))?")) {
      // docutils' custom role, for the web's styling ('.. role:: red') or as another role's alias ('.. role:: x(code)'):
      // text in it prints plainly, or as the base role
      String def = m.group(2).strip();
      int paren = def.indexOf('(');
      String name = paren < 0 ? def : def.substring(0, paren);
      String base = paren < 0 ? "" : def.substring(paren + 1, def.length() - 1);
      doc.settings[RstDoc.CUSTOM_ROLES] += " " + name.toLowerCase(java.util.Locale.ROOT) + "=" + base;
      account(ls.subList(i, e));
    } else if ((m = DIRECTIVE.matcher(t)).matches()) {
      Line argLine = m.group(2) == null ? new Line("", first.offset() + t.length())
          : new Line(m.group(2), first.offset() + m.start(2));
      out.addAll(RstDirectives.run(this, l, m.group(1), argLine, rest));
    } else {
      account(ls.subList(i, e)); // a comment
    }
    return e;
  }

  /** A target's name as written: backquotes and escapes removed. */
  static String targetName(String raw) {
    String s = raw.startsWith("`") && raw.endsWith("`") && raw.length() > 1 ? raw.substring(1, raw.length() - 1) : raw;
    return s.replaceAll("\\\\(.)", "$1").strip();
  }

  /**
   * Finds the definitions of a document before it is read, since a reference may come first: hyperlink targets,
   * anonymous targets, substitution definitions, footnotes and citations, wherever they stand.
   */
  void scan(List<Line> ls) {
    for (int i = 0; i + 1 < ls.size(); i++) {
      Line l = ls.get(i);
      Line under = ls.get(i + 1);
      boolean over = i > 0 && adornment(ls.get(i - 1));
      if (l.blank() || (l.indent() > 0 && !over) || adornment(l) || !adornment(under)
          || (i > 0 && !over && !ls.get(i - 1).blank())) continue;
      int len = under.text().strip().length();
      if (len >= 4 || len >= l.text().strip().length()) doc.sections.merge(RstDoc.sectionName(l.text()), 1, Integer::sum);
    }
    for (int i = 0; i < ls.size(); i++) {
      Line l = ls.get(i).stripped();
      String t = l.text();
      if (!(t.startsWith(".. ") || t.startsWith("..\t"))) continue;
      int base = ls.get(i).indent();
      int e = i + 1;
      while (e < ls.size() && (ls.get(e).blank() || ls.get(e).indent() > base)) e++;
      while (e > i + 1 && ls.get(e - 1).blank()) e--;
      Line first = l.from(2);
      first = first.from(first.indent());
      List<Line> rest = dedentAll(ls.subList(i + 1, e));
      String ft = first.text();
      Matcher m;
      if ((m = TARGET.matcher(ft)).matches()) {
        StringBuilder url = new StringBuilder(m.group(2) == null ? "" : m.group(2).strip());
        for (Line r : rest) url.append(r.text().strip());
        String name = targetName(m.group(1));
        String u = url.toString();
        if (m.group(1).equals("_")) {
          doc.anonymous.add(u);
        } else if (u.isEmpty()) {
          doc.targets.putIfAbsent(RstDoc.normalize(name), new RstDoc.Target(null, name, null));
        } else if (u.endsWith("_") && !u.endsWith("\\_") && !u.contains(" ")) {
          doc.targets.putIfAbsent(RstDoc.normalize(name), new RstDoc.Target(null, null, targetName(u.substring(0, u.length() - 1))));
        } else {
          doc.targets.putIfAbsent(RstDoc.normalize(name), new RstDoc.Target(u.replaceAll("\\\\(.)", "$1"), null, null));
        }
      } else if ((m = FOOTNOTE_DEF.matcher(ft)).matches()) {
        List<Line> body = new ArrayList<>();
        body.add(m.group(2) == null ? new Line("", first.offset() + ft.length()) : new Line(m.group(2), first.offset() + m.start(2)));
        body.addAll(rest);
        RstDoc.Note note = new RstDoc.Note(trim(body), ls.get(i).stripped(), ix, pos(ls.get(i)));
        String label = m.group(1);
        if (label.equals("#")) doc.autoNotes.add(note);
        else if (label.equals("*")) doc.symbolNotes.add(note);
        else doc.notes.putIfAbsent(RstDoc.normalize(label), note);
      } else if ((m = SUBST_DEF.matcher(ft)).matches()) {
        Line arg = m.group(3) == null ? new Line("", first.offset() + ft.length()) : new Line(m.group(3), first.offset() + m.start(3));
        Map<String, String> options = new LinkedHashMap<>();
        List<Line> more = new ArrayList<>();
        for (Line r : rest) {
          Matcher o = RstDirectives.OPTION.matcher(r.text());
          if (o.matches() && more.stream().allMatch(Line::blank)) options.put(o.group(1), o.group(2) == null ? "" : o.group(2).strip());
          else more.add(r);
        }
        doc.substitutions.putIfAbsent(m.group(1), new RstDoc.Subst(m.group(2).toLowerCase(java.util.Locale.ROOT), arg,
            options, trim(more), ix, pos(ls.get(i))));
      }
    }
  }

  /** The end of the block of lines from {@code from} that are blank or indented at least {@code min}, trailing blanks left out. */
  static int indentedEnd(List<Line> ls, int from, int min) {
    int e = from;
    while (e < ls.size() && (ls.get(e).blank() || ls.get(e).indent() >= min)) e++;
    while (e > from && ls.get(e - 1).blank()) e--;
    return e;
  }

  /** The body of a list item or field: the text after its marker, then the indented lines below without their indentation. */
  private static List<Line> itemBody(Line first, List<Line> ls, int from, int to) {
    List<Line> body = new ArrayList<>();
    body.add(first);
    body.addAll(dedentAll(ls.subList(from, to)));
    return body;
  }

  /** Lines without their common indentation. */
  static List<Line> dedentAll(List<Line> ls) {
    int min = Integer.MAX_VALUE;
    for (Line l : ls) if (!l.blank()) min = Math.min(min, l.indent());
    if (min == Integer.MAX_VALUE) min = 0;
    List<Line> out = new ArrayList<>();
    for (Line l : ls) out.add(l.blank() ? l.from(l.text().length()) : l.from(min));
    return out;
  }

  /** Lines without leading and trailing blank lines. */
  static List<Line> trim(List<Line> ls) {
    int a = 0;
    int b = ls.size();
    while (a < b && ls.get(a).blank()) a++;
    while (b > a && ls.get(b - 1).blank()) b--;
    return new ArrayList<>(ls.subList(a, b));
  }

  static String join(List<Line> ls) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < ls.size(); k++) {
      if (k > 0) sb.append('\n');
      sb.append(ls.get(k).text().stripTrailing());
    }
    return sb.toString();
  }
}
