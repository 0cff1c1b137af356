package org.bookbuild.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.fo.Xml;
import org.bookbuild.math.fop.FormulaElementMapping;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * The math stage's entry point for the FO writer: writes one inline or display formula as XSL-FO. Every formula goes
 * through the {@link TexPrepass} and is parsed by jlatexmath here, before it reaches FOP, because one formula that
 * throws inside FOP aborts the whole run; a formula that fails becomes a framed box with its TeX source and a
 * {@code math-parse} diagnostic at its position. A formula that parses is written as an {@code m:formula} element, which
 * the FOP plug-in in {@code org.bookbuild.math.fop} lays out at the font size in effect there.
 */
public final class MathFo {
  private static final String FOX = "http://xmlgraphics.apache.org/fop/extensions";

  private MathFo() {}

  /**
   * The math context of a build, made on first use from its project (macros), style and diagnostics and kept by the
   * build's {@link org.bookbuild.fo.Fo}, so it goes with the FO writer. (It was kept in a static weak map keyed by the
   * build's context; the value's id writer held the writer, which holds the context, so no entry was ever dropped: each
   * build's FO text, model and context stayed reachable for the life of the process.)
   */
  public static MathContext context(org.bookbuild.fo.Fo fo) {
    return fo.math(() -> {
      org.bookbuild.transform.Context c = fo.ctx();
      MathContext mc = new MathContext(c.project().mathMacros(), c.diags(), c.style(), Lengths.measure(c.style()),
          Lengths.bodySize(c.style()));
      mc.idWriter((x, id) -> fo.id(id));
      return mc;
    });
  }

  /**
   * Entry point for text where nothing is drawn (bookmarks, running heads, alternative text): the formula in Unicode
   * ({@link LinearMath}), or its TeX when jlatexmath cannot lay it out (the formula's own place reports that).
   */
  public static String text(org.bookbuild.fo.Fo fo, String tex) {
    String s = LinearMath.text(tex, context(fo).macros());
    return s == null ? tex : s;
  }

  /** Entry point for the FO writer's inline renderer. */
  public static void inline(org.bookbuild.fo.Fo fo, Inline.MathInline m) {
    inline(fo.xml(), m, context(fo));
  }

  /** Entry point for the FO writer's block renderer. */
  public static void display(org.bookbuild.fo.Fo fo, Block.MathBlock m) {
    // a display that opens a list item is centred on the item's body and carries the item's label on its baseline
    display(fo.xml(), m, context(fo), fo.leading() ? () -> fo.lead(false) : null);
  }

  /** An inline formula, on the text baseline, at the surrounding font size. */
  public static void inline(Xml out, Inline.MathInline m, MathContext ctx) {
    TexPrepass.Result r;
    try {
      r = TexPrepass.run(m.tex(), false, ctx.macros());
    } catch (Typesetter.MathException e) {
      errorInline(out, m, ctx, e.getMessage());
      return;
    }
    String why = Typesetter.check(r.tex(), false);
    if (why != null) {
      errorInline(out, m, ctx, why);
      return;
    }
    List<InlineBreaks.Piece> pieces = pieces(r.tex(), ctx);
    if (pieces.size() == 1) {
      formula(out, r.tex(), false, m.tex(), ctx.role("math.inline"), tooWideInline(m, r.tex(), ctx) ? "scale-down-to-fit" : null);
      return;
    }
    // pieces on one baseline with a breakable space after each relation or operator (TeX's break points). A zero-width
    // non-joiner follows each space: FOP drops spaces that only formula objects follow up to the block's end, taking
    // them for trailing white space, and a paragraph ending in a long formula would lose them all.
    for (InlineBreaks.Piece p : pieces) {
      formula(out, p.tex(), false, p.source(), ctx.role("math.inline"),
          tooWideInline(m, p.tex(), ctx) ? "scale-down-to-fit" : null);
      if (p.after() != InlineBreaks.After.END) {
        out.start("fo:inline").attrs(ctx.role(p.after() == InlineBreaks.After.REL ? "math.break.rel" : "math.break.bin"))
            .text(" \u200C").end();
      }
    }
  }

  /**
   * The pieces an inline formula is set in: one when it is narrower than the style's {@code math.break} role's
   * {@code min-width} (a share of the text column; short formulas are not worth a break inside them) or has no
   * top-level place to break; else the {@link InlineBreaks} pieces, provided each of them typesets.
   */
  static List<InlineBreaks.Piece> pieces(String tex, MathContext ctx) {
    List<InlineBreaks.Piece> whole = List.of(new InlineBreaks.Piece(tex, tex, InlineBreaks.After.END));
    double share = ctx.breakMinShare();
    if (share < 0 || ctx.measurePt() <= 0) return whole;
    List<InlineBreaks.Piece> pieces = InlineBreaks.split(tex);
    if (pieces.size() == 1) return whole;
    try {
      if (Typesetter.layout(tex, false, (float) ctx.bodySizePt()).width() < share * ctx.measurePt()) return whole;
    } catch (Typesetter.MathException e) {
      return whole;
    }
    for (InlineBreaks.Piece p : pieces) if (Typesetter.check(p.tex(), false) != null) return whole;
    return pieces;
  }

  /**
   * Whether an inline formula is wider than the text column (one formula is one unbreakable box: FOP would set it past
   * the margin and the page edge). Such a formula fills its own line, shrunk to fit, with a {@code math-too-wide}
   * warning.
   */
  private static boolean tooWideInline(Inline.MathInline m, String tex, MathContext ctx) {
    if (ctx.measurePt() <= 0) return false;
    Typesetter.Laid laid;
    try {
      laid = Typesetter.layout(tex, false, (float) ctx.bodySizePt());
    } catch (Typesetter.MathException e) {
      return false;
    }
    if (laid.width() <= ctx.measurePt()) return false;
    ctx.diagnostics().report(Diagnostic.warning("math-too-wide", m.pos(),
        String.format(java.util.Locale.ROOT, "inline formula is %.0fpt wide, the text column %.0fpt: shrunk to fit",
            laid.width(), ctx.measurePt())).withHint("write it as a display ($$ … $$) and break it at \\\\ inside an aligned environment"));
    return true;
  }

  /**
   * A display formula: centred, with its number (the {@code number} attribute that equation numbering set, or one
   * number per line in {@code numbers}, comma-separated) at the right margin on the formula's baseline.
   */
  public static void display(Xml out, Block.MathBlock m, MathContext ctx) {
    display(out, m, ctx, null);
  }

  /**
   * A display formula whose first line starts with {@code firstLine} (a list item's label, written at the start of
   * that line's block) unless null; the display is then set within the list item's body, not across the column.
   */
  public static void display(Xml out, Block.MathBlock m, MathContext ctx, Runnable firstLine) {
    TexPrepass.Result r;
    try {
      r = TexPrepass.run(m.tex(), true, ctx.macros());
    } catch (Typesetter.MathException e) {
      errorBlock(out, m, ctx, e.getMessage());
      return;
    }
    String why = Typesetter.check(r.tex(), true);
    if (why != null) {
      errorBlock(out, m, ctx, why);
      return;
    }
    List<String> numbers = numbers(m, r);
    out.start("fo:block").attrs(ctx.role("math.display"));
    if (firstLine != null) out.attr("start-indent", "inherit").attr("end-indent", "inherit");
    ctx.writeId(out, m.attr().id());
    boolean perLine = m.attr().get("numbers") != null || r.rows().stream().anyMatch(x -> x.tag() != null);
    if (r.rows().size() > 1 && perLine && numbers.stream().anyMatch(n -> !n.isEmpty())) {
      List<String> rows = r.aligned() ? AlignedRows.pad(r.rows()) : r.rows().stream().map(TexPrepass.Row::tex).toList();
      for (int i = 0; i < rows.size(); i++) {
        String label = r.rows().get(i).labels().isEmpty() ? null : r.rows().get(i).labels().get(0);
        line(out, m, ctx, rows.get(i), i < numbers.size() ? numbers.get(i) : "", label, i == 0 ? firstLine : null);
      }
    } else {
      String n = numbers.stream().filter(s -> !s.isEmpty()).findFirst().orElse("");
      line(out, m, ctx, r.tex(), n, null, firstLine);
    }
    out.end();
  }

  /** The printed number of each row (or of the formula as a single entry); empty strings for unnumbered rows. */
  static List<String> numbers(Block.MathBlock m, TexPrepass.Result r) {
    List<String> out = new ArrayList<>();
    String many = m.attr().get("numbers");
    boolean rowTags = r.rows().stream().anyMatch(x -> x.tag() != null);
    if (!r.rows().isEmpty() && (many != null || rowTags)) {
      String[] parts = many == null ? new String[0] : many.split(",", -1);
      for (int i = 0; i < r.rows().size(); i++) {
        TexPrepass.Row row = r.rows().get(i);
        if (row.tag() != null) out.add(tag(row.tag(), row.tagStar()));
        else out.add(i < parts.length ? parts[i].strip() : "");
      }
      return out;
    }
    if (r.tag() != null) return List.of(tag(r.tag(), r.tagStar()));
    String one = m.attr().get("number");
    return List.of(one == null ? "" : one);
  }

  /** A {@code \tag} prints as written ({@code \tag*} without parentheses); math inside it loses its dollars. */
  private static String tag(String t, boolean star) {
    return star ? "*" + t : "=" + t;
  }

  /** The printed number: text, or for a {@code \tag} with math in it ({@code \tag{$\ast$}}) a small formula. */
  private static void number(Xml out, MathContext ctx, String printed) {
    out.start("fo:inline").attrs(ctx.role("math.number"));
    if (printed.indexOf('$') >= 0) {
      String tex = TextMath.rewrite("\\text{" + printed + "}");
      if (Typesetter.check(tex, false) == null) formula(out, tex, false, printed, Map.of(), null);
      else out.text(printed.replace("$", ""));
    } else {
      out.text(printed);
    }
    out.end();
  }

  private static void line(Xml out, Block.MathBlock m, MathContext ctx, String tex, String number, String id,
      Runnable first) {
    Typesetter.Laid laid;
    try {
      laid = Typesetter.layout(tex, true, (float) ctx.bodySizePt());
    } catch (Typesetter.MathException e) {
      laid = null;
    }
    String printed = number.isEmpty() ? "" : number.startsWith("*") ? number.substring(1)
        : number.startsWith("=") ? "(" + number.substring(1) + ")" : ctx.numberText(number);
    double numberEm = printed.isEmpty() ? 0
        : (printed.indexOf('$') >= 0 ? NumberWidth.formulaEm(TextMath.rewrite("\\text{" + printed + "}")) : NumberWidth.em(printed)) + 1.0;
    boolean tooWide = ctx.measurePt() > 0 && laid != null
        && laid.width() + 2 * numberEm * ctx.bodySizePt() > ctx.measurePt();
    out.start("fo:block").attrs(ctx.role("math.display.line"));
    ctx.writeId(out, id);
    if (tooWide) {
      ctx.diagnostics().report(Diagnostic.warning("math-too-wide", m.pos(),
          String.format(java.util.Locale.ROOT, "display formula is %.0fpt wide, the text column %.0fpt: shrunk to fit",
              laid.width(), ctx.measurePt())).withHint("break it at \\\\ inside an aligned environment"));
      out.attr("text-align", "center");
      if (first != null) first.run();
      formula(out, tex, true, m.tex(), ctx.role("math.display.formula"), "scale-down-to-fit");
      out.end();
      if (!printed.isEmpty()) {
        out.start("fo:block").attr("text-align", "end");
        number(out, ctx, printed);
        out.end();
      }
      return;
    }
    if (printed.isEmpty() && first != null) {
      // the label drawn back into the label column takes the room the negative indent adds to the line; equal
      // elastic space either side centres the formula on the body as text-align would without the label
      out.attr("text-align", "justify").attr("text-align-last", "justify");
      first.run();
      elastic(out);
      formula(out, tex, true, m.tex(), ctx.role("math.display.formula"), null);
      elastic(out);
    } else if (printed.isEmpty()) {
      out.attr("text-align", "center").attr("text-align-last", "center");
      formula(out, tex, true, m.tex(), ctx.role("math.display.formula"), null);
    } else {
      out.attr("text-align", "justify").attr("text-align-last", "justify");
      if (first != null) first.run();
      String em = String.format(java.util.Locale.ROOT, "%.3fem", numberEm);
      out.start("fo:leader").attr("leader-pattern", "space").attr("leader-length", em).end();
      elastic(out);
      formula(out, tex, true, m.tex(), ctx.role("math.display.formula"), null);
      elastic(out);
      out.start("fo:leader").attr("leader-pattern", "space").attr("leader-length", "1em").end();
      number(out, ctx, printed);
    }
    out.end();
  }

  private static void elastic(Xml out) {
    out.start("fo:leader").attr("leader-pattern", "space").attr("leader-length.minimum", "0pt")
        .attr("leader-length.optimum", "0pt").attr("leader-length.maximum", "100%").end();
  }

  private static void formula(Xml out, String tex, boolean display, String source, java.util.Map<String, String> role,
      String contentWidth) {
    out.start("fo:instream-foreign-object").attr("xmlns:fox", FOX).attrs(role);
    // tagged PDF: a Formula structure element whose /Alt is the TeX source (what screen readers speak)
    out.attr("role", "Formula").attr("fox:alt-text", source.strip());
    if (contentWidth != null) out.attr("width", "100%").attr("content-width", contentWidth).attr("text-align", "center");
    out.start("m:" + FormulaElementMapping.ELEMENT).attr("xmlns:m", FormulaElementMapping.NAMESPACE)
        .attr("display", Boolean.toString(display));
    // the glyphs the formula paints, for the FOP plug-in to compare with what it lays out on the page (math-unpainted)
    try {
      out.attr(FormulaElementMapping.GLYPHS_ATTR, Integer.toString(Typesetter.layout(tex, display, 10f).glyphs()));
    } catch (Typesetter.MathException e) {
      // checked before it was written; a formula that fails now has nothing to compare
    }
    out.text(tex).end();
    out.end();
  }

  private static void errorInline(Xml out, Inline.MathInline m, MathContext ctx, String why) {
    ctx.diagnostics().report(Diagnostic.error("math-parse", m.pos(), "cannot typeset formula $" + shorten(m.tex())
        + "$: " + why).withHint(MathHints.hint(m.tex(), why, ctx.macros())));
    out.start("fo:inline").attrs(ctx.role("math.error")).text(m.tex()).end();
  }

  private static void errorBlock(Xml out, Block.MathBlock m, MathContext ctx, String why) {
    ctx.diagnostics().report(Diagnostic.error("math-parse", m.pos(), "cannot typeset display formula: " + why)
        .withHint(MathHints.hint(m.tex(), why, ctx.macros())));
    out.start("fo:block").attrs(ctx.role("math.error.block"));
    ctx.writeId(out, m.attr().id());
    out.text(m.tex().strip()).end();
  }

  private static String shorten(String s) {
    s = s.strip().replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
