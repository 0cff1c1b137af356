package org.bookbuild.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.bookbuild.diag.Severity;
import org.bookbuild.press.Press;

/**
 * Preflight: checks a PDF against what a press asks for. The rules are a registry ({@link #RULES}), each with a rule
 * id (listed in docs/diagnostics.md) and the page and place it fails at; {@code book check} prints the findings, {@code
 * book build --press} reports them as diagnostics, and the tests use the same rules. The PDF's content streams are
 * run once ({@link PageScan}) and every rule reads that.
 */
public final class Preflight {
  private Preflight() {}

  /** What the PDF is checked as: the press ({@code none} checks only what any PDF should keep) and the colour. */
  public record Options(Press press, boolean grayscale, double minPpi) {
    public Options(Press press, boolean grayscale) {
      this(press, grayscale, 300);
    }
  }

  /** One failure: rule id, severity, 1-based page (0: the whole document), where on it, and what is wrong. */
  public record Finding(String rule, Severity severity, int page, String place, String message) {
    public String format() {
      return (page > 0 ? "page " + page : "document") + (place.isEmpty() ? "" : " (" + place + ")") + ": "
          + severity.label() + ": " + message + " [" + rule + "]";
    }
  }

  /** The document as the rules see it: each page's boxes and what it paints. */
  public record Doc(PDDocument pdf, List<PDPage> pages, List<PageScan> scans) {}

  /** A rule: its id, whether it applies to a press, and its check. */
  public interface Rule {
    String id();

    /** One line saying what the rule wants (printed by {@code book check --rules}). */
    String wants();

    boolean appliesTo(Options o);

    void check(Doc d, Options o, List<Finding> out) throws IOException;
  }

  /** Every rule, in the order the report lists them. Another stage adds a rule by adding it here. */
  public static final List<Rule> RULES = new ArrayList<>(List.of(
      new PreflightRules.ReadsBack(),
      new PreflightRules.Boxes(),
      new PreflightRules.PageCount(),
      new PreflightRules.Fonts(),
      new PreflightRules.ImageResolution(),
      new PreflightRules.Colour(),
      new PreflightRules.DeviceRgb(),
      new PreflightRules.Annotations(),
      new PreflightRules.SafetyZone(),
      new PreflightRules.PdfX()));

  public static List<Finding> check(byte[] pdf, Options o) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return check(doc, o);
    }
  }

  public static List<Finding> check(PDDocument doc, Options o) throws IOException {
    List<PDPage> pages = new ArrayList<>();
    List<PageScan> scans = new ArrayList<>();
    for (PDPage p : doc.getPages()) {
      pages.add(p);
      scans.add(PageScan.of(p));
    }
    Doc d = new Doc(doc, pages, scans);
    List<Finding> out = new ArrayList<>();
    for (Rule r : RULES) if (r.appliesTo(o)) r.check(d, o, out);
    return out;
  }

  /** Page count and whether the last page is blank (nothing painted), from a PDF. */
  public static org.bookbuild.press.PageCountRules.Count count(PDDocument doc) throws IOException {
    int n = doc.getNumberOfPages();
    return new org.bookbuild.press.PageCountRules.Count(n, n > 0 && !PageScan.of(doc.getPage(n - 1)).painted);
  }

  static boolean hasBox(PDPage p, COSName box) {
    return p.getCOSObject().containsKey(box);
  }

  static String in(double pt) {
    return String.format(Locale.ROOT, "%.3f in", pt / 72);
  }

  static String rect(PDRectangle r) {
    return String.format(Locale.ROOT, "%.2f×%.2f in", r.getWidth() / 72, r.getHeight() / 72);
  }
}
