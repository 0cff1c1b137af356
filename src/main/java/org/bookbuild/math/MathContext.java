package org.bookbuild.math;

import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.style.Style;

/**
 * What math needs from one build: the book's macro table (a fresh copy per build, so books never share macros), the
 * diagnostics sink, the style (roles {@code math.*}, wording {@code math.number}) and the width of the text column,
 * used to decide when a display formula must shrink.
 */
public final class MathContext {
  private final Macros macros;
  private final Diagnostics diagnostics;
  private final Style style;
  private final double measurePt;
  private final double bodySizePt;

  /**
   * @param bookMacros the {@code math:} mapping of the book (may be empty)
   * @param measurePt width of the text column in points (0 when unknown: no shrinking is checked)
   * @param bodySizePt size of body text in points, at which display math is measured against the column
   */
  public MathContext(Map<String, String> bookMacros, Diagnostics diagnostics, Style style, double measurePt,
      double bodySizePt) {
    this.macros = Macros.of(bookMacros);
    this.diagnostics = diagnostics;
    this.style = style;
    this.measurePt = measurePt;
    this.bodySizePt = bodySizePt > 0 ? bodySizePt : 10;
  }

  public MathContext(Map<String, String> bookMacros, Diagnostics diagnostics, Style style) {
    this(bookMacros, diagnostics, style, 0, 10);
  }

  public Macros macros() {
    return macros;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  public Style style() {
    return style;
  }

  public double measurePt() {
    return measurePt;
  }

  public double bodySizePt() {
    return bodySizePt;
  }

  private java.util.function.BiConsumer<org.bookbuild.fo.Xml, String> idWriter = (x, id) -> x.attr("id", id);

  /** How ids are written (the FO writer's own guard against duplicate ids, which abort FOP). */
  public void idWriter(java.util.function.BiConsumer<org.bookbuild.fo.Xml, String> w) {
    this.idWriter = w;
  }

  void writeId(org.bookbuild.fo.Xml out, String id) {
    if (id != null && !id.isEmpty()) idWriter.accept(out, id);
  }

  /** The FO attributes of a style role, or none when there is no style (tests). */
  Map<String, String> role(String name) {
    return style == null ? Map.of() : style.role(name);
  }

  /**
   * The share of the text column above which an inline formula may break at its top-level relations and operators:
   * the style's {@code math.break} role, {@code min-width} as a percentage; negative (never break) when the style sets
   * none.
   */
  double breakMinShare() {
    String v = role("math.break").get("min-width");
    if (v == null) return -1;
    v = v.strip();
    try {
      return v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** An equation number as printed: the style's {@code math.number} wording around the number. */
  String numberText(String n) {
    if (style != null && style.hasString("math.number")) return style.string("math.number", "n", n);
    return "(" + n + ")";
  }
}
