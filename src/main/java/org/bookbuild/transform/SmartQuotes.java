package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;
import org.bookbuild.style.Style;

/**
 * Typographic quotes, apostrophes and dashes in running text, as MyST's {@code smartquotes} and {@code replacements}
 * (and Sphinx's default smart quotes, which Jupyter Book's HTML shows) give them: straight {@code "…"} and {@code '…'}
 * become the book language's pair (the {@code quotes.<language>} strings of the style: “…” ‘…’ in English, „…“ in
 * German, « … » in French), a lone {@code '} an apostrophe, {@code --} an en dash and {@code ---} an em dash where they
 * stand as dashes (not in {@code --option}), {@code ...} an ellipsis.
 *
 * <p>Quotes are paired over the whole inline content of a block (a paragraph, heading, caption, title, term), across
 * emphasis and links, with the flanking rules of emphasis: a quote after a space opens, one before a space or
 * punctuation closes. Code, math, images, keyboard keys and URLs are never changed; they count as letters next to a
 * quote. Runs last, so ids, labels and index keys are made from the text as written.
 */
public final class SmartQuotes implements ChapterWise<SmartQuotes.Run, java.util.Map<org.bookbuild.diag.SourcePos, Block.Div>> {
  /** A stand-in for an inline that is not text (code, math, an image): a quote beside it sees a letter. */
  private static final char OPAQUE = '\uE000';
  static final Pattern URL = Pattern.compile("(?:https?|ftp)://\\S+|www\\.[\\w-]+\\.\\S+|\\S+@[\\w-]+\\.\\w\\S*");

  /** Whether {@link #URL} can match at all: each of its forms holds "://", "www." or "@" (most text holds none). */
  static boolean mayHoldUrl(String text) {
    return text.indexOf('@') >= 0 || text.contains("://") || text.contains("www.");
  }
  private static final Pattern EM_DASH = Pattern.compile("(^|[^-])---(?=[^-]|$)");
  private static final Pattern EN_DASH_SPACED = Pattern.compile("(^|\\s)--(?=\\s|$)");
  private static final Pattern EN_DASH_JOINED = Pattern.compile("(^|[^-\\s])--(?=[^-\\s]|$)");
  private static final Pattern ELLIPSIS = Pattern.compile("(?<!\\.)\\.\\.\\.(?!\\.)");

  /** The marks one language uses. */
  public record Marks(String open, String close, String singleOpen, String singleClose, String apostrophe) {}

  /**
   * One run: the marks, and each parsed literal as the book first has it, by its place in the source (a parsed literal
   * is literal text, its markup aside: kept as written, as Sphinx keeps literal blocks; an embedded copy of one is
   * the first one again). {@code literal} is filled chapter by chapter as their turns are settled.
   */
  record Run(Marks marks, java.util.Map<org.bookbuild.diag.SourcePos, Block.Div> literal) {}

  @Override
  public Run begin(Book book, Context ctx) {
    return new Run(marks(ctx.style(), ctx.project().meta().language()), new java.util.HashMap<>());
  }

  /** The parsed literals an earlier chapter has at the places this chapter's are (most chapters have none). */
  @Override
  public java.util.Map<org.bookbuild.diag.SourcePos, Block.Div> facts(Run run, org.bookbuild.model.Chapter ch) {
    return run.literal().isEmpty() ? null : java.util.Map.copyOf(run.literal());
  }

  @Override
  public Done chapter(Run run, java.util.Map<org.bookbuild.diag.SourcePos, Block.Div> earlier,
      org.bookbuild.model.Chapter ch, Context ctx) {
    List<Block.Div> own = new ArrayList<>();
    org.bookbuild.model.Walk.blocks(ch.blocks(), n -> {
      if (n instanceof Block.Div d && d.kind().equals("parsed-literal")) own.add(d);
    });
    java.util.Map<org.bookbuild.diag.SourcePos, Block.Div> literal = new java.util.HashMap<>(earlier == null ? java.util.Map.of() : earlier);
    for (Block.Div d : own) literal.putIfAbsent(d.pos(), d);
    Rewriter r = new Rewriter() {
      @Override
      protected List<Block> block(Block b) {
        if (b instanceof Block.Div d && d.kind().equals("parsed-literal") && literal.containsKey(d.pos())) {
          return List.of(literal.get(d.pos()));
        }
        return List.of(rewrite(b, run.marks()));
      }
    };
    return new Done(ch.withBlocks(r.blocks(ch.blocks())), own);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void settle(Run run, Done done, Context ctx) {
    for (Block.Div d : (List<Block.Div>) done.extra()) run.literal().putIfAbsent(d.pos(), d);
  }

  /**
   * The marks for a language from the style's strings: {@code quotes.<tag>} (e.g. {@code quotes.de-ch}), else
   * {@code quotes.<primary language>}, else {@code quotes.en}; each holds the four marks (double open, double close,
   * single open, single close) separated by ASCII spaces, so a French mark can carry its no-break space.
   */
  public static Marks marks(Style style, String language) {
    String tag = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    String key = "quotes." + tag;
    if (!style.hasString(key) && tag.contains("-")) key = "quotes." + tag.substring(0, tag.indexOf('-'));
    if (!style.hasString(key)) key = "quotes.en";
    String[] m = style.hasString(key) ? style.string(key).split(" ") : new String[0];
    if (m.length != 4) m = new String[] {"\u201c", "\u201d", "\u2018", "\u2019"};
    String apostrophe = style.hasString("quotes.apostrophe") ? style.string("quotes.apostrophe") : "\u2019";
    return new Marks(m[0], m[1], m[2], m[3], apostrophe);
  }

  private static Block rewrite(Block b, Marks marks) {
    if (b instanceof Block.Para p) return p.with(inlines(p.content(), marks));
    if (b instanceof Block.Plain p) return new Block.Plain(p.pos(), inlines(p.content(), marks));
    if (b instanceof Block.Heading h) return new Block.Heading(h.pos(), h.attr(), h.level(), inlines(h.content(), marks));
    if (b instanceof Block.Div d) return new Block.Div(d.pos(), d.attr(), inlines(d.title(), marks), d.content());
    if (b instanceof Block.Figure f) return new Block.Figure(f.pos(), f.attr(), f.content(), inlines(f.caption(), marks));
    if (b instanceof Block.Table t)
      return new Block.Table(t.pos(), t.attr(), inlines(t.caption(), marks), t.aligns(), t.widths(), t.head(), t.body());
    if (b instanceof Block.DefList d)
      return new Block.DefList(d.pos(), d.items().stream()
          .map(it -> new Block.DefItem(it.pos(), inlines(it.term(), marks), it.definitions())).toList());
    return b;
  }

  /** The inline content of one block with its quotes, dashes and ellipses set. */
  public static List<Inline> inlines(List<Inline> content, Marks marks) {
    if (content.isEmpty() || !candidates(content)) return content;
    Flat flat = new Flat();
    flat.add(content);
    if (flat.texts.isEmpty()) return content;
    StringBuilder seq = new StringBuilder(flat.chars);
    for (int k = flat.frozen.nextSetBit(0); k >= 0; k = flat.frozen.nextSetBit(k + 1)) seq.setCharAt(k, OPAQUE);
    Map<Integer, String> quotes = pairQuotes(seq, marks);
    return flat.rebuild(content, quotes);
  }

  /**
   * The block's text as one sequence: text as written, a space for a line break, {@link #OPAQUE} for an inline that is
   * not text, nothing for notes and anchors (a footnote mark after a closing quote does not hide the space after it).
   * Characters inside URLs are not candidates ({@code frozen}).
   */
  private static final class Flat {
    final StringBuilder chars = new StringBuilder();
    final java.util.BitSet frozen = new java.util.BitSet();
    /** Start index in {@link #chars} of each text node's text, by identity. */
    final Map<Inline.Text, Integer> texts = new java.util.IdentityHashMap<>();

    void add(List<Inline> is) {
      for (Inline i : is) add(i);
    }

    void add(Inline i) {
      if (i instanceof Inline.Text t) {
        int start = chars.length();
        texts.put(t, start);
        chars.append(t.text());
        if (mayHoldUrl(t.text())) {
          Matcher m = URL.matcher(t.text());
          while (m.find()) frozen.set(start + m.start(), start + m.end());
        }
      } else if (i instanceof Inline.SoftBreak || i instanceof Inline.LineBreak) {
        chars.append(' ');
      } else if (i instanceof Inline.Styled s && !verbatim(s.role())) {
        add(s.content());
      } else if (i instanceof Inline.Link l && !isUrlText(l)) {
        add(l.content());
      } else if (i instanceof Inline.Span s) {
        add(s.content());
      } else if (i instanceof Inline.Ref r && !r.text().isEmpty()) {
        add(r.text());
      } else if (!(i instanceof Inline.Note || i instanceof Inline.Anchor)) {
        chars.append(OPAQUE);
      }
    }

    List<Inline> rebuild(List<Inline> is, Map<Integer, String> quotes) {
      return replace(is, quotes);
    }

    private List<Inline> replace(List<Inline> is, Map<Integer, String> quotes) {
      List<Inline> out = new ArrayList<>(is.size());
      for (Inline i : is) out.add(replace(i, quotes));
      return out;
    }

    private Inline replace(Inline i, Map<Integer, String> quotes) {
      if (i instanceof Inline.Text t) return text(t, quotes);
      if (i instanceof Inline.Styled s && !verbatim(s.role()))
        return new Inline.Styled(s.pos(), s.role(), replace(s.content(), quotes));
      if (i instanceof Inline.Link l && !isUrlText(l)) return new Inline.Link(l.pos(), l.target(), replace(l.content(), quotes));
      if (i instanceof Inline.Span s) return new Inline.Span(s.pos(), s.attr(), replace(s.content(), quotes));
      if (i instanceof Inline.Ref r && !r.text().isEmpty())
        return new Inline.Ref(r.pos(), r.kind(), r.label(), replace(r.text(), quotes));
      return i;
    }

    private Inline text(Inline.Text t, Map<Integer, String> quotes) {
      Integer start = texts.get(t);
      if (start == null) return t;
      String s = t.text();
      StringBuilder sb = new StringBuilder(s.length() + 4);
      // quotes by position; dashes and ellipses in the stretches outside URLs, which stay as written
      int from = 0;
      int k = 0;
      while (true) {
        while (k < s.length() && !frozen.get(start + k)) k++;
        sb.append(dashes(applyQuotes(s, from, k, start, quotes)));
        if (k == s.length()) break;
        int u = k;
        while (u < s.length() && frozen.get(start + u)) u++;
        sb.append(s, k, u);
        from = k = u;
      }
      String r = sb.toString();
      return r.equals(s) ? t : new Inline.Text(t.pos(), r);
    }

    private static String applyQuotes(String s, int from, int to, int start, Map<Integer, String> quotes) {
      StringBuilder sb = new StringBuilder(to - from);
      for (int k = from; k < to; k++) {
        String q = quotes.get(start + k);
        if (q != null) sb.append(q);
        else sb.append(s.charAt(k));
      }
      return sb.toString();
    }
  }

  /**
   * Whether any text this transform reads holds a straight quote, {@code --} or {@code ...}: most blocks hold none, and
   * for them the answer is the content as it was, without the pairing and the URL scan (a quarter of a watch
   * rebuild's transform stage).
   */
  private static boolean candidates(List<Inline> is) {
    for (Inline i : is) {
      if (i instanceof Inline.Text t) {
        String s = t.text();
        if (s.indexOf('"') >= 0 || s.indexOf('\'') >= 0 || s.contains("--") || s.contains("...")) return true;
      } else if (i instanceof Inline.Styled s && !verbatim(s.role())) {
        if (candidates(s.content())) return true;
      } else if (i instanceof Inline.Link l && !isUrlText(l)) {
        if (candidates(l.content())) return true;
      } else if (i instanceof Inline.Span s) {
        if (candidates(s.content())) return true;
      } else if (i instanceof Inline.Ref r && !r.text().isEmpty()) {
        if (candidates(r.text())) return true;
      }
    }
    return false;
  }

  /** Character styles whose text is typed as it is (keys, code-like roles): left alone. */
  private static boolean verbatim(String role) {
    return role.equals("kbd") || role.equals("code") || role.equals("samp") || role.equals("literal");
  }

  /** A link that shows its own address (an autolink): the address stays as written. */
  private static boolean isUrlText(Inline.Link l) {
    if (l.content().size() != 1 || !(l.content().get(0) instanceof Inline.Text t)) return false;
    String s = t.text().strip();
    return s.equals(l.target()) || l.target().equals("mailto:" + s) || URL.matcher(s).matches();
  }

  /** {@code --}, {@code ---} and {@code ...} in one stretch of text outside URLs. */
  static String dashes(String s) {
    if (s.indexOf('-') < 0 && s.indexOf('.') < 0) return s;
    String r = EM_DASH.matcher(s).replaceAll("$1\u2014");
    r = EN_DASH_SPACED.matcher(r).replaceAll("$1\u2013");
    r = EN_DASH_JOINED.matcher(r).replaceAll("$1\u2013");
    return ELLIPSIS.matcher(r).replaceAll("\u2026");
  }

  /** One quote waiting for its closing partner. */
  private record Open(int at, boolean single) {}

  /**
   * Decides every straight quote of the sequence: the replacement text by position. A quote that can open (not
   * followed by a space, and not by punctuation unless a space or punctuation precedes it) waits on a stack; one that
   * can close (the mirror rule) pairs with the nearest waiting quote of its kind. Inside a word ({@code don't}) a single
   * quote is an apostrophe; a single quote left waiting at the end is one too ({@code 'tis}, {@code '90s}), a double
   * one opens as written.
   */
  static Map<Integer, String> pairQuotes(CharSequence s, Marks marks) {
    Map<Integer, String> out = new HashMap<>();
    List<Open> stack = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '"' && c != '\'') continue;
      boolean single = c == '\'';
      char last = i > 0 ? s.charAt(i - 1) : ' ';
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      boolean lastSpace = space(last), nextSpace = space(next);
      boolean lastPunct = punct(last), nextPunct = punct(next);
      boolean canOpen = !nextSpace && (!nextPunct || lastSpace || lastPunct);
      boolean canClose = !lastSpace && (!lastPunct || nextSpace || nextPunct);
      if (canOpen && canClose) {
        // between two letters (or two marks): an apostrophe for ', like emphasis for "
        canOpen = lastPunct;
        canClose = nextPunct;
      }
      if (!canOpen && !canClose) {
        if (single) out.put(i, marks.apostrophe());
        continue;
      }
      if (canClose) {
        int j = stack.size() - 1;
        while (j >= 0 && stack.get(j).single() != single) j--;
        if (j >= 0) {
          Open o = stack.get(j);
          out.put(o.at(), single ? marks.singleOpen() : marks.open());
          out.put(i, single ? marks.singleClose() : marks.close());
          stack.subList(j, stack.size()).clear();
          continue;
        }
      }
      if (canOpen) stack.add(new Open(i, single));
      else out.put(i, single ? marks.apostrophe() : marks.close());
    }
    for (Open o : stack) out.put(o.at(), o.single() ? marks.apostrophe() : marks.open());
    return out;
  }

  private static boolean space(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean punct(char c) {
    if (c == OPAQUE) return false;
    if (c < 128) return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    int t = Character.getType(c);
    return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
  }
}
