package org.bookbuild.fo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.model.Block;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.style.Style;
import org.bookbuild.transform.Context;

/**
 * The FO writer's state while it writes one book, handed to every registered renderer: the XML being built, the
 * style, the build context, the chapter being written and its footnote counter. Renderers call back into
 * {@link #blocks} and {@link #inlines} for their children.
 */
public final class Fo {
  private final Xml xml;
  private final Style style;
  /** The build's context; while {@link ChapterMemo} records a chapter, seen through a recording world. */
  private Context ctx;
  /** Ids written so far: FOP refuses an id twice. */
  final Claims ids = new Claims();
  final GlyphCheck glyphs;
  private Chapter chapter;
  private int footnotes;
  /** Where the block being written stands, for its first-line indent (see {@link #unindented}). */
  private Run run = Run.START;
  int headingTag;
  private int listDepth;
  final SourceMap sources;
  /** Labels of list items waiting for their item's first line ({@link #lead}), outermost first, by token. */
  private final java.util.LinkedHashMap<Integer, String> leads = new java.util.LinkedHashMap<>();
  /** Tokens of the labels {@link #lead} has set. */
  private final Set<Integer> led = new HashSet<>();
  private int leadTokens;
  /** The math stage's context for this FO (book macros, the \def definitions so far), made on first use. */
  private org.bookbuild.math.MathContext math;

  Fo(Xml xml, Context ctx, GlyphCheck glyphs, SourceMap sources) {
    this.sources = sources;
    this.xml = xml;
    this.style = ctx.style();
    this.ctx = ctx;
    this.glyphs = glyphs;
  }

  public Xml xml() {
    return xml;
  }

  public Style style() {
    return style;
  }

  public Context ctx() {
    return ctx;
  }

  void ctx(Context c) {
    ctx = c;
  }

  /** The math context of this FO, made by {@code make} on first use. */
  public org.bookbuild.math.MathContext math(java.util.function.Supplier<org.bookbuild.math.MathContext> make) {
    if (math == null) math = make.get();
    return math;
  }

  public Chapter chapter() {
    return chapter;
  }

  void startChapter(Chapter c) {
    chapter = c;
    headingTag = Math.min(headingTag, 1);
    footnotes = 0;
    run = Run.START;
  }

  /** Writes a chapter's blocks, each guarded ({@link #guardedBlock}). */
  void chapterBlocks(Chapter c) {
    for (Block b : c.blocks()) guardedBlock(b);
  }

  /** Whether no list item's label waits and none is set but not yet asked for: a place where a chapter may begin. */
  boolean between() {
    return leads.isEmpty() && led.isEmpty() && listDepth == 0;
  }

  /**
   * The bytes of a file the build generated (a figure, a notebook's picture), which lies under the output folder and
   * is read directly rather than through the world; null when it is not a regular file. Noted for the chapter memo
   * when a chapter is being recorded, so that a changed file writes the chapter again.
   */
  public byte[] generatedFile(java.nio.file.Path p) throws java.io.IOException {
    boolean regular = java.nio.file.Files.isRegularFile(p);
    byte[] b = regular ? java.nio.file.Files.readAllBytes(p) : null;
    if (ctx.world() instanceof org.bookbuild.io.RecordingWorld rec) {
      byte[] sha = b == null ? null : org.bookbuild.io.RecordingWorld.fingerprint(b);
      rec.note(w -> {
        try {
          boolean now = java.nio.file.Files.isRegularFile(p);
          return now == regular
              && (!now || java.util.Arrays.equals(sha, org.bookbuild.io.RecordingWorld.fingerprint(java.nio.file.Files.readAllBytes(p))));
        } catch (java.io.IOException e) {
          return false;
        }
      });
    }
    return b;
  }

  /**
   * The tagged PDF's heading level (H1–H6) for a heading of this source level: never more than one below the heading
   * before it, so that a source that skips a level (## then ####) still gives the strict sequence PDF/UA asks for
   * (veraPDF 7.4.2-1), and the first heading of the book is an H1. The look stays the source level's role.
   */
  public int headingTag(int level) {
    headingTag = Math.max(1, Math.min(Math.min(level, 6), headingTag + 1));
    return headingTag;
  }

  /**
   * Inlines as plain text with math in Unicode ({@code ℝⁿ}, not {@code \mathbb{R}^n}): for bookmarks, running heads
   * and alternative text, where nothing is drawn.
   */
  public String plainText(java.util.List<org.bookbuild.model.Inline> is) {
    return org.bookbuild.model.Walk.text(is, tex -> org.bookbuild.math.MathFo.text(this, tex));
  }

  /** Next footnote number in this chapter. */
  public int nextFootnote() {
    return ++footnotes;
  }

  /** Opens a {@code fo:block} carrying a style role's properties. */
  public Xml block(String role) {
    return xml.start("fo:block").attrs(style.role(role));
  }

  /** Opens a {@code fo:inline} carrying a style role's properties. */
  public Xml inline(String role) {
    return xml.start("fo:inline").attrs(style.role(role));
  }

  /**
   * Adds an {@code id} attribute if the id is new in this document. FOP aborts on duplicate ids, so a repeated label
   * (already reported by label collection) is silently not repeated here.
   */
  public Xml id(String id) {
    if (id != null && !id.isEmpty() && ids.claim(id)) xml.attr("id", id);
    return xml;
  }

  /** Whether the id was written (links to ids that were never written would not resolve). */
  public boolean hasId(String id) {
    return ids.has(id);
  }

  /** Writes blocks through the registered renderers. */
  public void blocks(List<Block> blocks) {
    for (Block b : blocks) block(b);
  }

  public void block(Block b) {
    sources.note(xml.length(), b.pos());
    Renderers.block(b, this);
    if (b instanceof Block.Heading || b instanceof Block.Rule || b instanceof Block.Div d && "subtitle".equals(d.kind())) {
      run = Run.START; // a page's subtitle belongs to its title: the text under it starts a run, as after a heading
    } else if (b instanceof Block.Plain p && p.content().stream().allMatch(i -> i instanceof Inline.Anchor)) return;
    else if (b instanceof Block.Para || b instanceof Block.Plain || b instanceof Block.Problem) run = Run.TEXT;
    else run = Run.DISPLAY;
  }

  /** A paragraph's place: first of a run, after text, or after a display (math, a list, code, a table, a box …). */
  private enum Run {
    START,
    TEXT,
    DISPLAY
  }

  /**
   * Writes a top-level block of a chapter. If its renderer fails, what it wrote is taken back, the failure becomes an
   * {@code internal-error} diagnostic at the block, and a problem box stands in its place: one bad block never costs
   * the chapter, and the FO stays well-formed.
   */
  void guardedBlock(Block b) {
    Xml.Mark m = xml.mark();
    int depth = listDepth;
    try {
      block(b);
    } catch (RuntimeException | StackOverflowError e) {
      xml.rollback(m);
      sources.truncate(m.length());
      listDepth = depth;
      ctx.diags().internal(b.pos(), "writing this block into the FO", e);
      block(new Block.Problem(b.pos(), "this block could not be typeset (internal error, see the build's messages)", ""));
    }
  }

  /**
   * Lets the label of the list item about to be written wait for the item's first line, where {@link #lead} sets it;
   * returns the token to ask {@link #led} with.
   */
  int awaitLead(String label) {
    leads.put(++leadTokens, label);
    return leadTokens;
  }

  /** Whether a list item's label waits for the next block's first line ({@link #lead}). */
  public boolean leading() {
    return !leads.isEmpty();
  }

  /** Stops every label waiting: the line they waited for has gone by (the first block of an item is written). */
  void endLeads() {
    leads.clear();
  }

  /** Whether the label of {@code token} was set on its item's first line. */
  boolean led(int token) {
    return led.remove(token);
  }

  /**
   * Sets the labels of the list items waiting for their first line ({@link CoreBlocks}) at the start of the block just
   * opened, whose first line is that line: each label in an inline-container as wide as the list's label column, of
   * no height, so that it neither moves the line nor sits anywhere but on its baseline, and the line drawn back into
   * the label columns by a negative text-indent. FOP aligns an {@code fo:list-item-label} with the top of the item's
   * body, not with its first baseline, and does not implement {@code relative-align}: a tall first line (a fraction,
   * an image, a display, a code block's padding) left the bullet floating above it.
   *
   * @param font whether the block's font is not the list's (a code block): the labels then get the body font and
   *     lengths are written in points
   */
  public void lead(boolean font) {
    if (leads.isEmpty()) return;
    String width = style.prop("list", "provisional-distance-between-starts", "1.6em");
    String gap = style.prop("list", "provisional-label-separation", "0.5em");
    double size = lengthPt(style.prop("body", "font-size", "10pt"), 10);
    double w = lengthPt(width, size);
    String indent;
    if (font) {
      width = pt(w);
      gap = pt(lengthPt(gap, size));
      indent = pt(-leads.size() * w);
    } else {
      indent = width.endsWith("em")
          ? fmt(-leads.size() * Double.parseDouble(width.substring(0, width.length() - 2).strip())) + "em"
          : pt(-leads.size() * w);
    }
    xml.attr("text-indent", indent);
    for (Map.Entry<Integer, String> e : leads.entrySet()) {
      xml.start("fo:inline-container").attr("width", width).attr("height", "0pt").attr("overflow", "visible");
      if (font) {
        xml.attr("font-family", style.prop("body", "font-family", null)).attr("font-size", pt(size))
            .attr("font-weight", "normal").attr("font-style", "normal");
      }
      // the line's own alignment (a display's justify) is not the label's: text-align-last is inherited
      xml.start("fo:block").attrs(style.role("list.label")).attr("start-indent", "0pt").attr("end-indent", gap)
          .attr("text-indent", "0pt").attr("line-height", "0").attr("text-align-last", style.prop("list.label", "text-align", "end"));
      xml.text(e.getValue());
      xml.end().end();
      led.add(e.getKey());
    }
    leads.clear();
  }

  /** A length of the style in points ({@code em} of {@code emPt}); {@code dflt} when it is none. */
  static double lengthPt(String v, double emPt) {
    try {
      String s = v.strip();
      if (s.endsWith("em")) return Double.parseDouble(s.substring(0, s.length() - 2).strip()) * emPt;
      return org.bookbuild.press.Length.pt(s);
    } catch (RuntimeException e) {
      return emPt;
    }
  }

  private static String pt(double v) {
    return fmt(v) + "pt";
  }

  private static String fmt(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Whether paragraph {@code p}, written next, has no first-line indent, as in LaTeX: the first of a run (after a
   * heading or a thematic break, at the top of a list item, a box, a cell), or after a display when it goes on with
   * the display's sentence ({@link Block.Para#continues()}, which the parser decides from the source). After a
   * paragraph, or after a display when it starts a new paragraph, it is indented.
   */
  public boolean unindented(Block.Para p) {
    return run == Run.START || run == Run.DISPLAY && p.continues();
  }

  /** Records a paragraph a renderer wrote itself rather than through {@link #block} (a run-in head's paragraph). */
  public void wroteParagraph() {
    run = Run.TEXT;
  }

  /** Marks that the next paragraph starts a new run (the top of a container: a list item, a quote, a box). */
  public void resetIndent() {
    run = Run.START;
  }

  /** Nesting depth of lists around the block being written (bullets change with depth). */
  public int listDepth() {
    return listDepth;
  }

  public void enterList(int delta) {
    listDepth += delta;
  }

  public void inlines(List<Inline> inlines) {
    for (Inline i : inlines) {
      sources.note(xml.length(), i.pos());
      Renderers.inline(i, this);
    }
  }

  /** Text, checked for glyphs the fonts lack. {@code mono} selects the monospaced font chain. */
  public void text(String s, org.bookbuild.diag.SourcePos pos, boolean mono) {
    glyphs.check(s, pos, mono, ctx.diags());
    for (GlyphCheck.Run r : glyphs.runs(s, mono)) {
      if (r.family() == null) xml.text(r.text());
      else xml.start("fo:inline").attr("font-family", r.family()).text(r.text()).end();
    }
  }

  /** The role properties, for renderers that need one value (e.g. a leader pattern). */
  public Map<String, String> role(String name) {
    return style.role(name);
  }
}
