package org.bookbuild.parse.rst;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.directive.Glued;
import org.bookbuild.parse.role.RoleRegistry;
import org.bookbuild.parse.role.RoleSpec;

/**
 * rST inline markup: emphasis, strong, literals, interpreted text and roles (through the {@link RoleRegistry} the
 * Markdown side uses), hyperlink references (embedded URIs, named and anonymous targets, {@code name_}), inline
 * targets, substitution references, footnote and citation references, standalone URIs and backslash escapes. The
 * recognition rules for start and end strings are docutils' (markup starts after white space or opening punctuation,
 * ends before white space or closing punctuation), so {@code 2*x*y} or {@code snake_case} stay text.
 */
final class RstInlines implements RoleSpec.RoleContext {
  private static final Pattern ROLE_PREFIX = Pattern.compile(":(" + RstBlocks.NAME + "):`");
  private static final Pattern ROLE_SUFFIX = Pattern.compile(":(" + RstBlocks.NAME + "):");
  private static final Pattern FOOTNOTE_REF = Pattern.compile("\\[(#[A-Za-z0-9_.-]*|\\*|[0-9]+|[A-Za-z][A-Za-z0-9_.-]*)\\]_");
  private static final Pattern URI = Pattern.compile(
      "(?:(?:https?|ftp)://|mailto:)[^\\s<>`]*[^\\s<>`.,;:!?'\")\\]}]");
  private static final Pattern SIMPLE_REF = Pattern.compile("([A-Za-z0-9]+(?:[-_.+][A-Za-z0-9]+)*)(__?)(?![A-Za-z0-9])");
  private static final Pattern EMBEDDED = Pattern.compile("(?s)(.*?)\\s*<([^<>]+)>\\s*");
  /** Standard docutils roles that print as emphasis and that MyST has no name for. */
  private static final Map<String, String> LOCAL_ROLES = Map.of("t", "emph", "title", "emph", "title-reference", "emph");

  private final RstBlocks owner;
  private final RstDoc doc;

  RstInlines(RstBlocks owner) {
    this.owner = owner;
    this.doc = owner.doc;
  }

  /** A text with positions: character i stands at offset {@code offs[i]} of {@code ix}'s text. */
  private record Src(LineIndex ix, String text, int[] offs, java.util.Map<String, Integer> noEnd) {
    Src(LineIndex ix, String text, int[] offs) {
      this(ix, text, offs, new java.util.HashMap<>());
    }

    SourcePos pos(int i) {
      if (offs.length == 0) return ix.pos(0);
      return ix.pos(offs[Math.max(0, Math.min(i, offs.length - 1))]);
    }
  }

  /** The inline content of lines (a paragraph), joined by line ends. */
  List<Inline> inlines(List<Line> lines) {
    return inlines(lines, owner.ix);
  }

  List<Inline> inlines(List<Line> lines, LineIndex ix) {
    StringBuilder sb = new StringBuilder();
    int size = 0;
    for (Line l : lines) size += l.text().length() + 1;
    int[] offs = new int[size];
    int k = 0;
    for (int j = 0; j < lines.size(); j++) {
      Line l = lines.get(j);
      String t = j == lines.size() - 1 ? l.text().stripTrailing() : l.text();
      for (int c = 0; c < t.length(); c++) offs[k++] = l.offset() + c;
      sb.append(t);
      if (j < lines.size() - 1) {
        offs[k++] = l.offset() + t.length();
        sb.append('\n');
      }
    }
    return parse(new Src(ix, sb.toString(), java.util.Arrays.copyOf(offs, k)));
  }

  /** Text that starts at {@code pos} in the file (an argument, a caption, a role's content). */
  @Override
  public List<Inline> inlines(String text, SourcePos pos) {
    if (text.isBlank()) return List.of();
    int[] offs = new int[text.length()];
    for (int k = 0; k < offs.length; k++) offs[k] = k;
    return parse(new Src(LineIndex.at(pos.file(), text, pos), text, offs));
  }

  @Override
  public Diagnostics diags() {
    return doc.diags;
  }

  @Override
  public java.util.Optional<Glued> glue(String key) {
    return doc.scope.glued(doc.world, doc.file, key);
  }

  @Override
  public org.bookbuild.project.Project.Reading reading() {
    return doc.scope.reading();
  }

  /** Collects inline nodes, merging runs of plain text into one node. */
  private static final class Out {
    final List<Inline> nodes = new ArrayList<>();
    final StringBuilder buf = new StringBuilder();
    SourcePos start;

    void ch(SourcePos p, char c) {
      if (buf.length() == 0) start = p;
      buf.append(c);
    }

    void text(SourcePos p, String s) {
      for (int k = 0; k < s.length(); k++) ch(p, s.charAt(k));
    }

    void node(Inline n) {
      if (n instanceof Inline.Text t) {
        text(t.pos(), t.text());
        return;
      }
      flush();
      nodes.add(n);
    }

    void flush() {
      if (buf.length() > 0) nodes.add(new Inline.Text(start, buf.toString()));
      buf.setLength(0);
    }
  }

  private List<Inline> parse(Src s) {
    String t = s.text();
    int n = t.length();
    Out out = new Out();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (c == '\\') {
        if (i + 1 < n && !Character.isWhitespace(t.charAt(i + 1))) out.ch(s.pos(i + 1), t.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '\n') {
        out.node(new Inline.SoftBreak(s.pos(i)));
        i++;
        continue;
      }
      int next = startOk(t, i) ? markup(s, i, out) : -1;
      if (next > i) {
        i = next;
      } else {
        out.ch(s.pos(i), c);
        i++;
      }
    }
    out.flush();
    return out.nodes;
  }

  /** Reads the markup starting at {@code i} into {@code out}; returns the index after it, or -1 when there is none. */
  private int markup(Src s, int i, Out out) {
    String t = s.text();
    int n = t.length();
    char c = t.charAt(i);
    if (t.startsWith("``", i) && opens(t, i, 2)) {
      int e = findEnd(s, i + 2, "``", false);
      if (e < 0) return -1;
      out.node(new Inline.Code(s.pos(i), t.substring(i + 2, e).replace('\n', ' ')));
      return e + 2;
    }
    if (t.startsWith("**", i) && opens(t, i, 2)) {
      int e = findEnd(s, i + 2, "**", true);
      if (e < 0) return -1;
      out.node(new Inline.Styled(s.pos(i), "strong", plain(s, i + 2, e)));
      return e + 2;
    }
    if (c == '*' && opens(t, i, 1)) {
      int e = findEnd(s, i + 1, "*", true);
      if (e < 0) return -1;
      out.node(new Inline.Styled(s.pos(i), "emph", plain(s, i + 1, e)));
      return e + 1;
    }
    if (c == '`' && opens(t, i, 1)) return interpreted(s, i, i + 1, null, out);
    if (c == ':') {
      Matcher m = ROLE_PREFIX.matcher(t).region(i, n);
      if (m.lookingAt() && opens(t, m.end() - 1, 1)) return interpreted(s, i, m.end(), m.group(1), out);
      return -1;
    }
    if (c == '|' && opens(t, i, 1)) {
      int e = findEnd(s, i + 1, "|", true, "_");
      if (e < 0) return -1;
      int after = e + 1;
      String suffix = t.startsWith("__", after) ? "__" : t.startsWith("_", after) ? "_" : "";
      if (!endOk(t, after + suffix.length())) return -1;
      substitution(s, i, t.substring(i + 1, e), suffix, out);
      return after + suffix.length();
    }
    if (c == '[') {
      Matcher m = FOOTNOTE_REF.matcher(t).region(i, n);
      if (!m.lookingAt() || !endOk(t, m.end())) return -1;
      footnote(s, i, m.group(1), out);
      return m.end();
    }
    if (c == '_' && i + 1 < n && t.charAt(i + 1) == '`' && opens(t, i + 1, 1)) {
      int e = findEnd(s, i + 2, "`", true);
      if (e < 0) return -1;
      String name = unescape(t.substring(i + 2, e));
      doc.targets.putIfAbsent(RstDoc.normalize(name), new RstDoc.Target(null, name, null));
      out.node(new Inline.Anchor(s.pos(i), name));
      out.text(s.pos(i + 2), name);
      return e + 1;
    }
    if (c == 'h' || c == 'f' || c == 'm') {
      Matcher m = URI.matcher(t).region(i, n);
      if (m.lookingAt()) {
        String url = m.group();
        out.node(new Inline.Link(s.pos(i), url, List.of(new Inline.Text(s.pos(i), url.startsWith("mailto:")
            ? url.substring(7) : url))));
        return m.end();
      }
    }
    if (Character.isLetterOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))) {
      Matcher m = SIMPLE_REF.matcher(t).region(i, n);
      if (m.lookingAt() && endOk(t, m.end())) {
        reference(s, i, i, m.group(1), m.group(2).equals("__"), out);
        return m.end();
      }
    }
    return -1;
  }

  /**
   * Interpreted text from its opening backquote at {@code open}: a role (written before, {@code :role:`x`}, or after,
   * {@code `x`:role:}), a hyperlink reference ({@code `x`_}, {@code `x`__}) or the default role (emphasis).
   */
  private int interpreted(Src s, int start, int contentStart, String role, Out out) {
    String t = s.text();
    String key = role == null ? "interpreted" : "role";
    Integer failed = s.noEnd().get(key);
    if (failed != null && contentStart >= failed) return -1;
    for (int k = contentStart + 1; k < t.length(); k++) {
      if (t.charAt(k) != '`' || Character.isWhitespace(t.charAt(k - 1)) || escaped(t, k)) continue;
      int after = k + 1;
      String suffixRole = null;
      boolean anonymous = false;
      boolean ref = false;
      if (role == null && t.startsWith("__", after)) {
        ref = anonymous = true;
        after += 2;
      } else if (role == null && t.startsWith("_", after)) {
        ref = true;
        after += 1;
      } else if (role == null) {
        Matcher m = ROLE_SUFFIX.matcher(t).region(after, t.length());
        if (m.lookingAt() && endOk(t, m.end())) {
          suffixRole = m.group(1);
          after = m.end();
        }
      }
      if (!endOk(t, after)) continue;
      String content = t.substring(contentStart, k);
      if (ref) {
        reference(s, start, contentStart, content, anonymous, out);
      } else {
        String name = role != null ? role : suffixRole;
        if (name == null && !doc.settings[RstDoc.DEFAULT_ROLE].isEmpty()) name = doc.settings[RstDoc.DEFAULT_ROLE];
        String custom = name == null ? null : customBase(name);
        if (custom != null && custom.isEmpty()) {
          out.node(new Inline.Span(s.pos(start), org.bookbuild.model.Attr.classes("custom-role", name), plain(s, contentStart, k)));
          return after;
        }
        if (custom != null) name = custom;
        if (name == null) {
          out.node(new Inline.Styled(s.pos(start), "emph", plain(s, contentStart, k)));
        } else if (LOCAL_ROLES.containsKey(name) && RoleRegistry.get(name) == null) {
          out.node(new Inline.Styled(s.pos(start), LOCAL_ROLES.get(name), plain(s, contentStart, k)));
        } else {
          RoleSpec.Role r = new RoleSpec.Role(name, content, s.pos(start), s.pos(contentStart));
          for (Inline x : RoleRegistry.run(r, this)) {
            // an unknown role is printed as written: in rST's spelling, not MyST's
            if (x instanceof Inline.Span sp && sp.attr().hasClass("role-unknown")) {
              x = new Inline.Span(sp.pos(), sp.attr(), List.of(new Inline.Code(sp.pos(), ":" + name + ":`" + content + "`")));
            }
            out.node(x);
          }
        }
      }
      return after;
    }
    s.noEnd().merge(key, contentStart, Math::min);
    return -1;
  }

  /** The base role of a role the document defined ("" for a plain one), or null when it defined none of that name. */
  private String customBase(String name) {
    String key = " " + name.toLowerCase(java.util.Locale.ROOT) + "=";
    String all = doc.settings[RstDoc.CUSTOM_ROLES];
    int at = all.lastIndexOf(key);
    if (at < 0) return null;
    int end = all.indexOf(' ', at + key.length());
    return all.substring(at + key.length(), end < 0 ? all.length() : end);
  }

  /** A hyperlink reference: an embedded URI or target ({@code `text <url>`_}), or a target named elsewhere. */
  private void reference(Src s, int start, int contentStart, String content, boolean anonymous, Out out) {
    SourcePos p = s.pos(start);
    Matcher em = EMBEDDED.matcher(content);
    String text = content;
    String url = null;
    String name = null;
    if (em.matches() && !em.group(2).isBlank() && (em.group(1).isEmpty() || Character.isWhitespace(
        content.charAt(em.end(1))))) {
      text = em.group(1);
      String target = em.group(2).replaceAll("\\s+", "");
      if (target.endsWith("_") && !target.endsWith("\\_")) name = RstBlocks.targetName(target.substring(0, target.length() - 1));
      else url = unescape(target);
      if (text.isBlank()) text = name != null ? name : url;
      else if (url != null && !anonymous) doc.targets.putIfAbsent(RstDoc.normalize(unescape(text)), new RstDoc.Target(url, null, null));
    }
    List<Inline> label = List.of(new Inline.Text(s.pos(contentStart), unescape(text).replaceAll("\\s+", " ")));
    if (url != null) {
      out.node(new Inline.Link(p, url, label));
      return;
    }
    RstDoc.Target target;
    if (anonymous && name == null) {
      String u = doc.nextAnonymous();
      target = u == null ? null : u.endsWith("_") ? doc.target(u.substring(0, u.length() - 1)) : new RstDoc.Target(u, null, null);
    } else {
      target = doc.target(name != null ? name : unescape(text));
    }
    String section = target == null ? doc.sectionId(RstDoc.sectionName(name != null ? name : text)) : null;
    if (section != null) {
      out.node(new Inline.Ref(p, "ref", section, label));
    } else if (target == null) {
      doc.diags.warn("rst-reference-unknown", p, "no target named '" + (name != null ? name : unescape(text).strip())
          + "' in this document; the text is printed without a link");
      for (Inline x : label) out.node(x);
    } else if (target.url() != null) {
      out.node(new Inline.Link(p, target.url(), label));
    } else {
      out.node(new Inline.Ref(p, "ref", target.label(), label));
    }
  }

  private void substitution(Src s, int start, String name, String suffix, Out out) {
    SourcePos p = s.pos(start);
    RstDoc.Subst sub = doc.substitutions.get(name);
    if (sub == null) {
      for (Map.Entry<String, RstDoc.Subst> e : doc.substitutions.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) sub = e.getValue();
      }
    }
    List<Inline> value;
    if (sub == null) {
      doc.diags.warn("rst-reference-unknown", p, "substitution |" + name + "| is not defined; printed as written");
      value = List.of(new Inline.Text(p, "|" + name + "|"));
    } else if (doc.open.contains(sub) || doc.open.size() > RstBlocks.MAX_DEPTH) {
      doc.diags.warn("rst-substitution", p, "substitution |" + name + "| refers to itself or is nested more than "
          + RstBlocks.MAX_DEPTH + " deep; printed as written");
      value = List.of(new Inline.Text(p, "|" + name + "|"));
    } else {
      doc.open.add(sub);
      try {
        value = expand(sub, name, p);
      } finally {
        doc.open.remove(sub);
      }
    }
    if (suffix.isEmpty()) {
      for (Inline x : value) out.node(x);
      return;
    }
    RstDoc.Target target = suffix.equals("__") ? anonymousTarget() : doc.target(name);
    if (target == null) {
      doc.diags.warn("rst-reference-unknown", p, "no target named '" + name + "' for |" + name + "|" + suffix
          + "; printed without a link");
      for (Inline x : value) out.node(x);
    } else {
      out.node(target.url() != null ? new Inline.Link(p, target.url(), value) : new Inline.Ref(p, "ref", target.label(), value));
    }
  }

  private RstDoc.Target anonymousTarget() {
    String u = doc.nextAnonymous();
    return u == null ? null : new RstDoc.Target(u, null, null);
  }

  /** A substitution's value: {@code replace} text, an {@code image}, {@code unicode} characters. */
  private List<Inline> expand(RstDoc.Subst sub, String name, SourcePos p) {
    switch (sub.kind()) {
      case "replace" -> {
        List<Line> ls = new ArrayList<>();
        ls.add(sub.argument());
        for (Line l : sub.more()) ls.add(l.stripped());
        return inlines(RstBlocks.trim(ls), sub.ix());
      }
      case "image" -> {
        Attr a = Attr.EMPTY;
        for (String k : List.of("width", "height", "scale", "align")) {
          String v = sub.options().get(k);
          if (v != null && !v.isBlank()) a = a.with(k, v.strip());
        }
        String alt = sub.options().getOrDefault("alt", name);
        return List.of(new Inline.Image(p, a, sub.argument().text().strip(), List.of(new Inline.Text(p, alt))));
      }
      case "unicode" -> {
        return List.of(new Inline.Text(p, unicode(sub.argument().text())));
      }
      default -> {
        doc.diags.warn("rst-substitution", p, "substitution |" + name + "| is defined by {" + sub.kind()
            + "}, which this reader cannot print inline; printed as written");
        return List.of(new Inline.Text(p, "|" + name + "|"));
      }
    }
  }

  /** The {@code unicode} directive's argument: code points (U+2122, 0x2122, x2122, \u2122, &#x2122;, 8482) and text. */
  static String unicode(String arg) {
    String a = arg.contains(" .. ") ? arg.substring(0, arg.indexOf(" .. ")) : arg;
    StringBuilder sb = new StringBuilder();
    for (String tok : a.strip().split("\\s+")) {
      if (tok.isEmpty()) continue;
      Matcher hex = Pattern.compile("(?i)(?:0x|x|\\\\x|U\\+|u|\\\\u|&#x)([0-9a-f]+);?").matcher(tok);
      try {
        if (hex.matches()) sb.appendCodePoint(Integer.parseInt(hex.group(1), 16));
        else if (tok.matches("\\d+")) sb.appendCodePoint(Integer.parseInt(tok));
        else sb.append(tok);
      } catch (IllegalArgumentException e) {
        sb.append(tok);
      }
    }
    return sb.toString();
  }

  private void footnote(Src s, int start, String label, Out out) {
    SourcePos p = s.pos(start);
    RstDoc.Note note = doc.note(label);
    int len = out.buf.length();
    if (len > 0 && out.buf.charAt(len - 1) == ' ') out.buf.setLength(len - 1); // the mark follows the word
    if (note == null) {
      doc.diags.warn("footnote-undefined", p, "footnote [" + label + "]_ has no definition");
      out.node(new Inline.Problem(p, "undefined footnote", "[" + label + "]_"));
    } else if (!doc.open.add(note)) {
      doc.diags.warn("footnote-recursive", p, "footnote [" + label + "]_ refers to itself; the inner reference is not expanded");
      out.node(new Inline.Problem(p, "footnote refers to itself", "[" + label + "]_"));
    } else {
      try {
        doc.ledger.account(note.ix(), note.head().offset(), note.head().offset() + 1);
        List<Block> body = new RstBlocks(doc, note.ix(), false).blocks(note.body());
        out.node(new Inline.Note(p, body));
      } finally {
        doc.open.remove(note);
      }
    }
  }

  /** Text between {@code from} and {@code to} with escapes removed, as one text node (rST markup does not nest). */
  private static List<Inline> plain(Src s, int from, int to) {
    return List.of(new Inline.Text(s.pos(from), unescape(s.text().substring(from, to)).replace('\n', ' ')));
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\' && k + 1 < s.length()) {
        char d = s.charAt(++k);
        if (!Character.isWhitespace(d)) sb.append(d);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the start-string of length {@code len} at {@code i} is followed by text (not white space or its closer). */
  private static boolean opens(String t, int i, int len) {
    int k = i + len;
    if (k >= t.length() || Character.isWhitespace(t.charAt(k))) return false;
    if (i > 0) {
      char before = t.charAt(i - 1);
      char after = t.charAt(k);
      int q = "'\"<([{".indexOf(before);
      if (q >= 0 && after == "'\">)]}".charAt(q)) return false;
    }
    return true;
  }

  /**
   * The index of the end-string {@code end} after {@code from}: not preceded by white space (or a backslash, when
   * {@code escapes}), followed by the end of text, white space or closing punctuation (or one of {@code suffixes}).
   */
  private static int findEnd(Src s, int from, String end, boolean escapes, String... suffixes) {
    // whether a place closes depends on that place alone: once nothing after some point closes, nothing after a later
    // point does either, so a text with thousands of unclosed start-strings is read in linear time
    String key = end + String.join("", suffixes);
    Integer failed = s.noEnd().get(key);
    if (failed != null && from >= failed) return -1;
    String t = s.text();
    for (int k = t.indexOf(end, from + 1); k >= 0; k = t.indexOf(end, k + 1)) {
      if (Character.isWhitespace(t.charAt(k - 1)) || (escapes && escaped(t, k))) continue;
      int after = k + end.length();
      boolean ok = endOk(t, after);
      for (String suf : suffixes) if (!ok && t.startsWith(suf, after)) ok = true;
      if (ok) return k;
    }
    s.noEnd().merge(key, from, Math::min);
    return -1;
  }

  /** Whether the character at {@code k} is escaped by an odd number of backslashes. */
  private static boolean escaped(String t, int k) {
    int b = 0;
    for (int j = k - 1; j >= 0 && t.charAt(j) == '\\'; j--) b++;
    return b % 2 == 1;
  }

  static boolean startOk(String t, int i) {
    if (i == 0) return true;
    char p = t.charAt(i - 1);
    if (Character.isWhitespace(p) || "'\"([{<-/:\u2018\u201c\u00ab\u2019\u2010\u2011\u2012\u2013\u2014".indexOf(p) >= 0) return true;
    int type = Character.getType(p);
    return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.DASH_PUNCTUATION;
  }

  static boolean endOk(String t, int j) {
    if (j >= t.length()) return true;
    char c = t.charAt(j);
    if (Character.isWhitespace(c) || "'\")]}>-/:.,;!?\\\u2019\u201d\u00bb\u2010\u2011\u2012\u2013\u2014".indexOf(c) >= 0) return true;
    int type = Character.getType(c);
    return type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.DASH_PUNCTUATION || type == Character.OTHER_PUNCTUATION;
  }
}
