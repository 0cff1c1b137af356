package org.bookbuild.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.color.PDPattern;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDShadingPattern;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShading;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * What one page paints, from running its content stream once (forms included): every glyph with its position and
 * font, every image with its placed size, and every colour that reaches ink. Preflight's rules read this.
 */
final class PageScan extends GraphicsWalk {
  /**
   * A glyph: baseline origin, size, font (PDF name), whether embedded, whether Type 3, the end of its advance on the
   * baseline ({@code x2}, {@code y2}: rotated text advances along its own direction) and its code (for reports).
   */
  record Glyph(float x, float y, float size, String font, boolean embedded, boolean type3, float x2, float y2, int code,
      PDFont pdfFont) {
    /** The character, as far as the font's ToUnicode map says (a report prints it; nothing depends on it). */
    String text() {
      try {
        String u = pdfFont.toUnicode(code);
        return u == null ? "?" : u;
      } catch (RuntimeException e) {
        return "?";
      }
    }
  }

  /** An image as placed: pixels and size on the page in points; {@code colour} false for gray or a stencil mask. */
  record Placed(int width, int height, double wPt, double hPt, float x, float y, boolean colour, String space) {
    double ppi() {
      return Math.min(width / (wPt / 72), height / (hPt / 72));
    }
  }

  /** A colour that painted something: its colour space name and the operation ({@code fill}, {@code stroke}, {@code text}). */
  record Ink(String space, String what) {}

  final List<Glyph> glyphs = new ArrayList<>();
  final List<Placed> images = new ArrayList<>();
  final List<Ink> colours = new ArrayList<>();
  /**
   * Every use of device RGB, by what used it: {@code rg}/{@code RG}, {@code cs}/{@code CS} selecting DeviceRGB, an
   * image, shading or shading pattern in it (indexed over it included), a transparency group blending in it (the
   * page's or a drawn form's). Forms drawn on the page count on the page.
   */
  final List<String> rgb = new ArrayList<>();
  boolean painted;

  private PageScan(PDPage page) {
    super(page);
  }

  static PageScan of(PDPage page) throws IOException {
    PageScan s = new PageScan(page);
    if (rgbGroup(page.getCOSObject())) s.rgb.add("page transparency group /CS /DeviceRGB");
    s.processPage(page);
    return s;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    String n = operator.getName();
    switch (n) {
      case "rg", "RG" -> rgb.add(n);
      case "cs", "CS" -> {
        if (!operands.isEmpty() && operands.get(0) instanceof COSName name && rgbSpace(name)) rgb.add(n + " /" + name.getName());
      }
      case "sh" -> {
        if (!operands.isEmpty() && operands.get(0) instanceof COSName name && getResources() != null) {
          PDShading sh = getResources().getShading(name);
          if (sh != null && rgbSpace(sh.getCOSObject().getDictionaryObject(COSName.COLORSPACE))) rgb.add("shading /" + name.getName());
        }
      }
      case "Do" -> {
        if (!operands.isEmpty() && operands.get(0) instanceof COSName name && getResources() != null
            && getResources().getXObject(name) instanceof PDFormXObject f && rgbGroup(f.getCOSObject())) {
          rgb.add("form /" + name.getName() + " transparency group /CS /DeviceRGB");
        }
      }
      default -> {}
    }
    super.processOperator(operator, operands);
  }

  /** A name of DeviceRGB, or of a resource colour space that is DeviceRGB or indexed over it. */
  private boolean rgbSpace(COSName name) throws IOException {
    if (deviceRgb(name)) return true;
    PDResources res = getResources();
    return res != null && res.getCOSObject().getDictionaryObject(COSName.COLORSPACE) instanceof COSDictionary cs
        && rgbSpace(cs.getDictionaryObject(name));
  }

  /** A colour space (name or array) that is DeviceRGB, or indexed over DeviceRGB; ICC-based spaces are not. */
  static boolean rgbSpace(COSBase cs) {
    if (cs instanceof COSObject o) cs = o.getObject();
    if (deviceRgb(cs)) return true;
    return cs instanceof COSArray a && a.size() > 1 && COSName.INDEXED.equals(a.getObject(0)) && deviceRgb(a.getObject(1));
  }

  private static boolean deviceRgb(COSBase cs) {
    return COSName.DEVICERGB.equals(cs) || COSName.RGB.equals(cs);
  }

  private static boolean rgbGroup(COSDictionary d) {
    return d.getDictionaryObject(COSName.GROUP) instanceof COSDictionary g && rgbSpace(g.getDictionaryObject(COSName.CS));
  }

  @Override
  protected void showGlyph(Matrix m, PDFont font, int code, Vector displacement) throws IOException {
    painted = true;
    float dx = displacement.getX();
    glyphs.add(new Glyph(m.getTranslateX(), m.getTranslateY(), Math.abs(m.getScalingFactorY()), font.getName(),
        font.isEmbedded() || font instanceof PDType3Font, font instanceof PDType3Font,
        m.getScaleX() * dx + m.getTranslateX(), m.getShearY() * dx + m.getTranslateY(), code, font));
    ink(getGraphicsState().getNonStrokingColor(), "text");
    super.showGlyph(m, font, code, displacement);
  }

  @Override
  public void drawImage(PDImage img) throws IOException {
    painted = true;
    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
    double w = Math.hypot(ctm.getValue(0, 0), ctm.getValue(0, 1)), h = Math.hypot(ctm.getValue(1, 0), ctm.getValue(1, 1));
    boolean colour;
    String space;
    if (img.isStencil()) {
      colour = false;
      space = "stencil";
      ink(getGraphicsState().getNonStrokingColor(), "image mask");
    } else {
      PDColorSpace cs = img.getColorSpace();
      colour = !neutral(cs);
      space = cs.getName();
      // the space as written: PDFBox resolves DeviceRGB to a DefaultRGB resource (FOP writes one), which a CMYK
      // shop's preflight does not take in its place
      COSDictionary dict = img instanceof PDImageXObject x ? x.getCOSObject()
          : img instanceof org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage in ? in.getCOSObject() : null;
      COSBase raw = dict == null ? null : dict.getDictionaryObject(COSName.COLORSPACE, COSName.CS);
      if (raw instanceof COSName name ? rgbSpace(name) : rgbSpace(raw)) {
        rgb.add(String.format(java.util.Locale.ROOT, "image %d×%d px", img.getWidth(), img.getHeight()));
      }
    }
    if (img instanceof PDImageXObject || img != null) {
      images.add(new Placed(img.getWidth(), img.getHeight(), w, h, ctm.getTranslateX(), ctm.getTranslateY(), colour, space));
    }
  }

  private void ink(PDColor c, String what) throws IOException {
    if (c == null || c.getColorSpace() == null) return;
    if (c.getColorSpace() instanceof PDPattern p && c.getPatternName() != null
        && p.getPattern(c) instanceof PDShadingPattern sp && sp.getShading() != null
        && rgbSpace(sp.getShading().getCOSObject().getDictionaryObject(COSName.COLORSPACE))) {
      rgb.add("shading pattern /" + c.getPatternName().getName());
    }
    if (!neutral(c.getColorSpace())) colours.add(new Ink(c.getColorSpace().getName(), what));
  }

  /** Gray, one-component ICC, separations (registration, spot tints): spaces without hue. */
  static boolean neutral(PDColorSpace cs) {
    return cs instanceof PDDeviceGray || cs instanceof PDSeparation || cs instanceof PDICCBased icc && icc.getNumberOfComponents() == 1;
  }


  @Override
  public void strokePath() throws IOException {
    painted = true;
    ink(getGraphicsState().getStrokingColor(), "stroke");
  }

  @Override
  public void fillPath(int windingRule) throws IOException {
    painted = true;
    ink(getGraphicsState().getNonStrokingColor(), "fill");
  }

  @Override
  public void fillAndStrokePath(int windingRule) throws IOException {
    fillPath(windingRule);
    strokePath();
  }

  @Override
  public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
    painted = true;
    colours.add(new Ink("shading " + shadingName.getName(), "shading"));
  }
}
