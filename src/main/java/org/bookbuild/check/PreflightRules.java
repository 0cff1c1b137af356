package org.bookbuild.check;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.bookbuild.diag.Severity;
import org.bookbuild.press.PageCountRules;
import org.bookbuild.press.Press;

/** The preflight rules registered in {@link Preflight#RULES}, one small class each. */
final class PreflightRules {
  private PreflightRules() {}

  private static final double TOL = 0.75;   // points: FOP writes boxes to a thousandth of a point; PDFs round

  private static Preflight.Finding fail(String rule, int page, String place, String msg) {
    return new Preflight.Finding(rule, Severity.ERROR, page, place, msg);
  }

  /**
   * The PDF reads back ({@link ReadBack}, on the page scans preflight already ran): every content stream parses with
   * only PDF operators and finite numbers ({@code pdf-invalid}), and no text is set past the trim box
   * ({@code text-past-trim}). Applies to every PDF, for a screen as for a press.
   */
  static final class ReadsBack implements Preflight.Rule {
    public String id() {
      return "pdf-invalid";
    }

    public String wants() {
      return "every content stream reads back (parses, PDF operators only, finite numbers); no text past the trim box";
    }

    public boolean appliesTo(Preflight.Options o) {
      return true;
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) {
      ReadBack.Report r = ReadBack.read(d.pdf(), d.scans(), true);
      for (ReadBack.Problem p : r.problems()) out.add(fail(id(), p.page(), "", p.message()));
      int shown = 0;
      for (ReadBack.PastTrim t : r.pastTrim()) {
        if (shown++ == 20) break;
        out.add(fail("text-past-trim", t.page(), "", "text past the trim box: \"" + t.text() + "\""));
      }
    }
  }

  /** MediaBox = trim + bleed on the press's sides (outside edge by recto/verso), TrimBox and BleedBox on every page, one trim size. */
  static final class Boxes implements Preflight.Rule {
    public String id() {
      return "press-boxes";
    }

    public String wants() {
      return "every page has a TrimBox and a BleedBox; MediaBox = trim + bleed on the press's sides; one trim size";
    }

    public boolean appliesTo(Preflight.Options o) {
      return !o.press().screen();
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) {
      Press.Bleed b = o.press().bleed();
      PDRectangle first = null;
      int reported = 0;
      for (int i = 0; i < d.pages().size() && reported < 20; i++) {
        PDPage p = d.pages().get(i);
        int page = i + 1;
        boolean recto = page % 2 == 1;
        if (!Preflight.hasBox(p, COSName.TRIM_BOX) || !Preflight.hasBox(p, COSName.BLEED_BOX)) {
          out.add(fail(id(), page, "page boxes", "no " + (Preflight.hasBox(p, COSName.TRIM_BOX) ? "BleedBox" : "TrimBox")
              + ": a press cannot tell where to cut"));
          reported++;
          continue;
        }
        PDRectangle t = p.getTrimBox(), bl = p.getBleedBox(), m = p.getMediaBox();
        if (first == null) first = t;
        else if (Math.abs(first.getWidth() - t.getWidth()) > TOL || Math.abs(first.getHeight() - t.getHeight()) > TOL) {
          out.add(fail(id(), page, "TrimBox", "trim " + Preflight.rect(t) + " differs from page 1's " + Preflight.rect(first)));
          reported++;
        }
        double[] want = {b.left(recto), b.bottom(), b.right(recto), b.top()};
        double[] got = {t.getLowerLeftX() - bl.getLowerLeftX(), t.getLowerLeftY() - bl.getLowerLeftY(),
            bl.getUpperRightX() - t.getUpperRightX(), bl.getUpperRightY() - t.getUpperRightY()};
        String[] side = {"left", "bottom", "right", "top"};
        for (int k = 0; k < 4; k++) {
          if (Math.abs(want[k] - got[k]) > TOL) {
            out.add(fail(id(), page, side[k] + " edge", (recto ? "recto" : "verso") + " page bleeds " + Preflight.in(got[k])
                + " at the " + side[k] + ", the press wants " + Preflight.in(want[k])));
            reported++;
          }
        }
        boolean marks = o.press().marks();
        boolean mediaIsBleed = Math.abs(m.getWidth() - bl.getWidth()) <= TOL && Math.abs(m.getHeight() - bl.getHeight()) <= TOL;
        if (!marks && !mediaIsBleed) {
          out.add(fail(id(), page, "MediaBox", "MediaBox " + Preflight.rect(m) + " is not trim + bleed " + Preflight.rect(bl)));
          reported++;
        } else if (marks && m.getWidth() < bl.getWidth() + 2 * 18 - TOL) {
          out.add(fail(id(), page, "MediaBox", "no room for crop marks outside the bleed (MediaBox " + Preflight.rect(m) + ")"));
          reported++;
        }
      }
    }
  }

  /** The press's page-count rules: minimum, maximum, multiple, last page blank. */
  static final class PageCount implements Preflight.Rule {
    public String id() {
      return "press-page-count";
    }

    public String wants() {
      return "the page count keeps the press's rules (min, max, multiple-of, last-page-blank)";
    }

    public boolean appliesTo(Preflight.Options o) {
      return !o.press().screen();
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) throws IOException {
      PageCountRules.Count c = Preflight.count(d.pdf());
      for (Map.Entry<String, String> v : PageCountRules.violations(o.press(), c).entrySet()) {
        out.add(fail(id(), v.getKey().equals("last-page-blank") ? c.pages() : 0, v.getKey(), v.getValue()));
      }
    }
  }

  /** Every font embedded, no Type 3. */
  static final class Fonts implements Preflight.Rule {
    public String id() {
      return "press-fonts";
    }

    public String wants() {
      return "every font used is embedded; no Type 3 fonts";
    }

    public boolean appliesTo(Preflight.Options o) {
      return true;
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) {
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < d.scans().size(); i++) {
        for (PageScan.Glyph g : d.scans().get(i).glyphs) {
          if (g.type3() && seen.add("t3 " + g.font())) out.add(fail(id(), i + 1, g.font(), "Type 3 font " + g.font() + " (a press may reject or rasterise it)"));
          else if (!g.embedded() && seen.add(g.font())) out.add(fail(id(), i + 1, g.font(), "font " + g.font() + " is not embedded"));
        }
      }
    }
  }

  /** Images at least the press's resolution at their placed size (a warning: the book still prints, softly). */
  static final class ImageResolution implements Preflight.Rule {
    public String id() {
      return "press-image-resolution";
    }

    public String wants() {
      return "every raster image has at least 300 ppi at its placed size";
    }

    public boolean appliesTo(Preflight.Options o) {
      return !o.press().screen();
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) {
      for (int i = 0; i < d.scans().size(); i++) {
        for (PageScan.Placed im : d.scans().get(i).images) {
          if (im.wPt() < 1 || im.hPt() < 1) continue;
          double ppi = im.ppi();
          if (ppi + 0.5 < o.minPpi()) {
            out.add(new Preflight.Finding(id(), Severity.WARNING, i + 1, String.format(Locale.ROOT, "image %d×%d px at %.2f, %.2f in", im.width(), im.height(),
                im.x() / 72, im.y() / 72), String.format(Locale.ROOT, "image of %d×%d pixels placed at %.2f×%.2f in has %.0f ppi, below %.0f",
                    im.width(), im.height(), im.wPt() / 72, im.hPt() / 72, ppi, o.minPpi())));
          }
        }
      }
    }
  }

  /** A grayscale interior paints nothing in colour: no colour operator reaches ink, no colour image. */
  static final class Colour implements Preflight.Rule {
    public String id() {
      return "press-colour";
    }

    public String wants() {
      return "a grayscale interior paints only gray (no RGB/CMYK/ICC colour, no colour image)";
    }

    public boolean appliesTo(Preflight.Options o) {
      return o.grayscale();
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) {
      for (int i = 0; i < d.scans().size(); i++) {
        PageScan s = d.scans().get(i);
        if (!s.colours.isEmpty()) {
          PageScan.Ink k = s.colours.get(0);
          out.add(fail(id(), i + 1, k.what(), s.colours.size() + " painting operation(s) in colour space " + k.space()));
        }
        for (PageScan.Placed im : s.images) {
          if (im.colour()) {
            out.add(fail(id(), i + 1, String.format(Locale.ROOT, "image at %.2f, %.2f in", im.x() / 72, im.y() / 72),
                "colour image (" + im.space() + ", " + im.width() + "×" + im.height() + " px)"));
          }
        }
      }
    }
  }

  /** A press PDF has no annotations (links, widgets): print has nothing to click, and PDF/X forbids them. */
  static final class Annotations implements Preflight.Rule {
    public String id() {
      return "press-annotations";
    }

    public String wants() {
      return "no annotations (links print as text)";
    }

    public boolean appliesTo(Preflight.Options o) {
      return !o.press().screen();
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) throws IOException {
      for (int i = 0; i < d.pages().size(); i++) {
        COSBase a = d.pages().get(i).getCOSObject().getDictionaryObject(COSName.ANNOTS);
        if (a instanceof COSArray arr && arr.size() > 0) {
          COSBase first = arr.getObject(0);
          String type = first instanceof COSDictionary dict ? dict.getNameAsString(COSName.SUBTYPE) : "?";
          out.add(fail(id(), i + 1, "annotations", arr.size() + " annotation(s), first a " + type));
        }
      }
    }
  }

  /** Text inside the safety zone: the trim less the press's minimum margin at top, bottom and outside. */
  static final class SafetyZone implements Preflight.Rule {
    public String id() {
      return "press-safety-zone";
    }

    public String wants() {
      return "all text at least the press's outside margin inside the trim (top, bottom, outside edge)";
    }

    public boolean appliesTo(Preflight.Options o) {
      return !o.press().screen();
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) {
      double safe = o.press().outsideMin();
      int reported = 0;
      for (int i = 0; i < d.pages().size() && reported < 20; i++) {
        PDPage p = d.pages().get(i);
        PDRectangle t = p.getTrimBox();
        PDRectangle m = p.getMediaBox();
        boolean recto = (i + 1) % 2 == 1;
        // glyph coordinates are in the MediaBox's space with its lower left at the origin
        double x0 = t.getLowerLeftX() - m.getLowerLeftX(), y0 = t.getLowerLeftY() - m.getLowerLeftY();
        double left = x0 + (recto ? 0 : safe), right = x0 + t.getWidth() - (recto ? safe : 0);
        double bottom = y0 + safe, top = y0 + t.getHeight() - safe;
        for (PageScan.Glyph g : d.scans().get(i).glyphs) {
          double gy = g.y() - m.getLowerLeftY(), gx = g.x() - m.getLowerLeftX();
          String where = null;
          if (gx < left - TOL) where = "left";
          else if (gx > right + TOL) where = "right";
          else if (gy < bottom - TOL) where = "bottom";
          else if (gy + 0.7 * g.size() > top + TOL) where = "top";
          if (where != null) {
            out.add(fail(id(), i + 1, String.format(Locale.ROOT, "%s edge, text at %.2f, %.2f in", where, (gx - x0) / 72, (gy - y0) / 72),
                "text closer than " + Preflight.in(safe) + " to the trim"));
            reported++;
            break;
          }
        }
      }
    }
  }

  /**
   * No device RGB under a CMYK output intent: PDF/X-3 and PDF/X-4 take device-independent colour (ICC-based, Lab) or
   * the output intent's own device space, and a shop's preflight (Acrobat, pdfToolbox) rejects {@code rg}/{@code RG},
   * DeviceRGB colour spaces, images, shadings and transparency groups. Applies to any PDF whose output intent profile
   * is CMYK (read from the file, so {@code book check} finds it in a PDF made elsewhere); reported per page with the
   * count and what painted it, the first 20 pages and then the total.
   */
  static final class DeviceRgb implements Preflight.Rule {
    static final int PAGES_SHOWN = 20;

    public String id() {
      return "press-device-rgb";
    }

    public String wants() {
      return "no device RGB (rg/RG, DeviceRGB colour spaces, images, shadings, groups) under a CMYK output intent";
    }

    public boolean appliesTo(Preflight.Options o) {
      return true;
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) throws IOException {
      if (!cmykIntent(d.pdf())) return;
      int pages = 0, total = 0;
      for (int i = 0; i < d.scans().size(); i++) {
        List<String> uses = d.scans().get(i).rgb;
        if (uses.isEmpty()) continue;
        pages++;
        total += uses.size();
        if (pages > PAGES_SHOWN) continue;
        Map<String, Integer> by = new java.util.LinkedHashMap<>();
        for (String u : uses) by.merge(u.replaceAll(" /.*| \\d.*", ""), 1, Integer::sum);
        StringBuilder what = new StringBuilder();
        by.forEach((k, v) -> what.append(what.length() == 0 ? "" : ", ").append(k).append(" ×").append(v));
        out.add(fail(id(), i + 1, uses.get(0), uses.size() + " use(s) of device RGB under a CMYK output intent ("
            + what + ")"));
      }
      if (pages > PAGES_SHOWN) {
        out.add(fail(id(), 0, "", total + " use(s) of device RGB on " + pages + " pages under a CMYK output intent (the first "
            + PAGES_SHOWN + " pages listed)"));
      }
    }

    /** Whether an output intent's destination profile is a CMYK one (its /N, else the ICC header). */
    static boolean cmykIntent(org.apache.pdfbox.pdmodel.PDDocument pdf) throws IOException {
      COSDictionary cat = pdf.getDocumentCatalog().getCOSObject();
      if (!(cat.getDictionaryObject(COSName.OUTPUT_INTENTS) instanceof COSArray arr)) return false;
      for (COSBase b : arr) {
        if (b instanceof org.apache.pdfbox.cos.COSObject obj) b = obj.getObject();
        if (!(b instanceof COSDictionary oi)
            || !(oi.getDictionaryObject(COSName.DEST_OUTPUT_PROFILE) instanceof org.apache.pdfbox.cos.COSStream p)) continue;
        if (p.getInt(COSName.N) == 4) return true;
        try (java.io.InputStream in = p.createInputStream()) {
          byte[] head = in.readNBytes(20);
          if (org.bookbuild.finish.PrintColour.isCmyk(head)) return true;
        }
      }
      return false;
    }
  }

  /** An output intent with an output-device profile and the PDF/X version named. */
  static final class PdfX implements Preflight.Rule {
    public String id() {
      return "press-pdfx";
    }

    public String wants() {
      return "a GTS_PDFX output intent with an ICC profile, and the PDF/X version in the document information";
    }

    public boolean appliesTo(Preflight.Options o) {
      return !o.press().screen() && o.press().pdfX() != null;
    }

    public void check(Preflight.Doc d, Preflight.Options o, List<Preflight.Finding> out) {
      COSDictionary cat = d.pdf().getDocumentCatalog().getCOSObject();
      boolean intent = false;
      if (cat.getDictionaryObject(COSName.OUTPUT_INTENTS) instanceof COSArray arr) {
        for (COSBase b : arr) {
          if (b instanceof org.apache.pdfbox.cos.COSObject obj) b = obj.getObject();
          if (b instanceof COSDictionary oi && "GTS_PDFX".equals(oi.getNameAsString(COSName.S))
              && oi.getDictionaryObject(COSName.DEST_OUTPUT_PROFILE) != null) intent = true;
        }
      }
      if (!intent) out.add(fail(id(), 0, "OutputIntents", "no PDF/X output intent with a destination profile"));
      String version = d.pdf().getDocumentInformation().getCOSObject().getString(COSName.getPDFName("GTS_PDFXVersion"));
      String xmp = "";
      try {
        if (d.pdf().getDocumentCatalog().getMetadata() != null) {
          xmp = new String(d.pdf().getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        xmp = "";
      }
      if (version == null && !xmp.contains("GTS_PDFXVersion")) {
        out.add(fail(id(), 0, "document information", "no PDF/X identification (GTS_PDFXVersion)"));
      } else if (version != null && o.press().pdfX() != null && !o.press().pdfX().startsWith(version.replaceAll(":.*", ""))) {
        out.add(fail(id(), 0, "document information", "identifies as " + version + ", the press wants " + o.press().pdfX()));
      }
    }
  }
}
