package org.bookbuild.press;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.bookbuild.check.Preflight;
import org.bookbuild.finish.Finisher;
import org.bookbuild.finish.PrintColour;
import org.bookbuild.model.Metadata;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A press PDF under a CMYK output intent paints no device RGB: a small book with an admonition, highlighted code,
 * inline, display and coloured math, a link, a generated figure, a PNG and a JPEG, built for KDP (PDF/X-4, SWOP
 * intent), read back with PDFBox operator by operator (forms included): no {@code rg}/{@code RG}, no DeviceRGB colour
 * space, image or shading; body text in DeviceGray 0 or DeviceCMYK 0 0 0 1; colour still there. The screen build of
 * the same book keeps its RGB. The preflight rule {@code press-device-rgb} finds device RGB in a file made here.
 */
class PrintColourTest {
  static final String PAGE = """
      # Colour on press

      Body text that must print in black ink only, with a [link to the web](https://example.org/colour) and
      inline math $x^2 + \\textcolor{red}{y}$ in the line.

      :::{warning}
      Warnings have a coloured rule and background.
      :::

      ```python
      def f(x):
          # a comment, highlighted
          return "text" + str(x * 2)
      ```

      $$
      \\int_0^1 \\color{blue}{f(x)}\\,dx = 1
      $$

      :::{figure} fig.yml
      A generated figure in colour.
      :::

      ![A PNG in colour](plot.png)

      ![A JPEG in colour](photo.jpg)
      """;

  static final String FIGURE = """
      x: {range: [0, 4], label: "$x$"}
      y: {range: [0, 4], label: "$y$"}
      plots:
        - vector: [3, 1]
          label: "u"
          color: blue
        - vector: [1, 3]
          label: "v"
          color: red
      """;

  /** What a PDF paints, read with PDFBox: device-RGB uses, each glyph's fill colour, the colour spaces of images. */
  static final class Paint extends org.bookbuild.check.GraphicsWalk {
    final List<String> rgb = new ArrayList<>();
    final List<PDColor> glyphFills = new ArrayList<>();
    final List<String> images = new ArrayList<>();
    int chromaticCmyk;

    Paint(PDPage page) {
      super(page);
    }

    static Paint of(PDDocument doc) throws IOException {
      Paint all = null;
      for (PDPage p : doc.getPages()) {
        Paint one = new Paint(p);
        one.processPage(p);
        if (all == null) all = one;
        else {
          all.rgb.addAll(one.rgb);
          all.glyphFills.addAll(one.glyphFills);
          all.images.addAll(one.images);
          all.chromaticCmyk += one.chromaticCmyk;
        }
      }
      return all;
    }

    @Override
    protected void processOperator(Operator op, List<COSBase> operands) throws IOException {
      String n = op.getName();
      if (n.equals("rg") || n.equals("RG")) rgb.add(n + " " + operands);
      if ((n.equals("k") || n.equals("K")) && operands.size() == 4) {
        float[] v = new float[4];
        for (int i = 0; i < 4; i++) v[i] = ((org.apache.pdfbox.cos.COSNumber) operands.get(i)).floatValue();
        if (v[0] + v[1] + v[2] > 0.3f) chromaticCmyk++;
      }
      // colour spaces as written, not as PDFBox resolves them: it maps DeviceRGB to a DefaultRGB resource
      if ((n.equals("cs") || n.equals("CS")) && operands.get(0) instanceof COSName cs
          && (rgb(cs) || getResources().getCOSObject().getDictionaryObject(COSName.COLORSPACE) instanceof COSDictionary d
              && rgb(d.getDictionaryObject(cs)))) {
        rgb.add(n + " " + operands);
      }
      if (n.equals("sh") && rgb(getResources().getShading((COSName) operands.get(0)).getCOSObject().getDictionaryObject(COSName.COLORSPACE))) {
        rgb.add("sh " + operands);
      }
      super.processOperator(op, operands);
    }

    static boolean rgb(COSBase cs) {
      if (cs instanceof COSArray a && a.size() > 1 && COSName.INDEXED.equals(a.getObject(0))) cs = a.getObject(1);
      return COSName.DEVICERGB.equals(cs) || COSName.RGB.equals(cs);
    }

    @Override
    protected void showGlyph(Matrix m, PDFont font, int code, Vector displacement) throws IOException {
      glyphFills.add(getGraphicsState().getNonStrokingColor());
      super.showGlyph(m, font, code, displacement);
    }

    @Override
    public void drawImage(PDImage img) throws IOException {
      PDColorSpace cs = img.isStencil() ? null : img.getColorSpace();
      images.add(cs == null ? "stencil" : cs.getName());
      COSBase raw = img instanceof PDImageXObject x ? x.getCOSObject().getDictionaryObject(COSName.COLORSPACE) : null;
      if (rgb(raw)) rgb.add("image " + img.getWidth() + "×" + img.getHeight());
    }

  }

  static PipelineBooks.Built book(Path dir, String press) throws IOException {
    BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0xe0, 0x40, 0x20));
    g.fillRect(0, 0, 300, 200);
    g.setColor(new Color(0x20, 0x60, 0xc0));
    g.fillOval(50, 30, 200, 140);
    g.dispose();
    Files.createDirectories(dir);
    ImageIO.write(img, "png", dir.resolve("plot.png").toFile());
    ImageIO.write(img, "jpg", dir.resolve("photo.jpg").toFile());
    return PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml(press == null ? "" : "press: " + press, "page.md"),
        "page.md", PAGE,
        "fig.yml", FIGURE));
  }

  @Test
  void pressBuildPaintsNoDeviceRgbAndBlackTextIsBlackInkOnly(@TempDir Path dir) throws IOException {
    PipelineBooks.Built b = book(dir.resolve("press"), "kdp");
    assertNotNull(b.pdf(), () -> b.diags().all().toString());
    try (PDDocument doc = Loader.loadPDF(b.pdf().toFile())) {
      Paint p = Paint.of(doc);
      assertEquals(List.of(), p.rgb, "device RGB in the press PDF");
      assertEquals(List.of(), b.rule("press-device-rgb"), "preflight finds no device RGB");
      // the book's colour is still there: admonition, code, figure in CMYK, and all three images painted
      assertTrue(p.chromaticCmyk >= 5, "colours converted to CMYK, not dropped: " + p.chromaticCmyk);
      assertTrue(p.images.size() >= 2, "the PNG and the JPEG are painted: " + p.images);
      // body text: black ink only
      Map<String, Integer> fills = new LinkedHashMap<>();
      for (PDColor c : p.glyphFills) fills.merge(c.getColorSpace().getName() + Arrays.toString(c.getComponents()), 1, Integer::sum);
      String black = fills.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      assertTrue(black.equals("DeviceGray[0.0]") || black.equals("DeviceCMYK[0.0, 0.0, 0.0, 1.0]"),
          "most text is in black ink only: " + fills);
      for (PDColor c : p.glyphFills) {
        if (c.getColorSpace() instanceof PDDeviceCMYK) {
          float[] v = c.getComponents();
          assertFalse(v[3] > 0.9f && v[0] + v[1] + v[2] > 0.1f, "no four-colour black text: " + fills);
        }
      }
    }
  }

  @Test
  void screenBuildOfTheSameBookIsUntouched(@TempDir Path dir) throws IOException {
    PipelineBooks.Built b = book(dir.resolve("screen"), null);
    assertNotNull(b.pdf(), () -> b.diags().all().toString());
    try (PDDocument doc = Loader.loadPDF(b.pdf().toFile())) {
      assertFalse(Paint.of(doc).rgb.isEmpty(), "the screen PDF keeps FOP's RGB");
    }
  }

  /** A one-page file with a CMYK output intent (or none) painting a red box and a DeviceRGB image. */
  static byte[] rgbFile(boolean cmykIntent) throws IOException {
    try (PDDocument doc = new PDDocument(); InputStream icc = Files.newInputStream(Path.of("styles/icc/artifex-swop-cmyk.icc"))) {
      PDPage page = new PDPage(PDRectangle.A5);
      doc.addPage(page);
      BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
      img.setRGB(1, 1, 0x3366cc);
      PDImageXObject x = LosslessFactory.createFromImage(doc, img);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.setNonStrokingColor(1f, 0f, 0f);
        cs.addRect(50, 50, 100, 100);
        cs.fill();
        cs.drawImage(x, 200, 50, 100, 100);
        cs.setNonStrokingColor(0.5f, 0.5f, 0.5f);   // gray as rg is still device RGB
        cs.addRect(50, 200, 10, 10);
        cs.fill();
      }
      if (cmykIntent) {
        PDOutputIntent oi = new PDOutputIntent(doc, icc);
        oi.setOutputConditionIdentifier("CGATS TR 001");
        oi.setInfo("SWOP");
        oi.getCOSObject().setItem(COSName.S, COSName.getPDFName("GTS_PDFX"));
        doc.getDocumentCatalog().addOutputIntent(oi);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void preflightFlagsDeviceRgbUnderACmykIntentWithPageAndCount() throws IOException {
    Press kdp = PressBookTest.presses().get("kdp");
    List<Preflight.Finding> found = Preflight.check(rgbFile(true), new Preflight.Options(kdp, false)).stream()
        .filter(f -> f.rule().equals("press-device-rgb")).toList();
    assertEquals(1, found.size(), found::toString);
    assertEquals(1, found.get(0).page());
    assertTrue(found.get(0).message().startsWith("3 use(s) of device RGB"), found.get(0).message());
    assertTrue(found.get(0).message().contains("rg ×2") && found.get(0).message().contains("image ×1"), found.get(0).message());
    // no output intent (a screen PDF): device RGB is what a screen shows
    assertTrue(Preflight.check(rgbFile(false), new Preflight.Options(kdp, false)).stream()
        .noneMatch(f -> f.rule().equals("press-device-rgb")));
  }

  @Test
  void printColourConvertsTheFileThePreflightFlagged() throws IOException {
    byte[] icc = Files.readAllBytes(Path.of("styles/icc/artifex-swop-cmyk.icc"));
    assertTrue(PrintColour.isCmyk(icc));
    byte[] fixed = Finisher.finish(rgbFile(true), new Metadata("Colour", null, List.of(new Metadata.Author("Ada", null, null)), "2026-01-15", "CC-BY-4.0", null, null, "en", List.of(), null), List.of(new PrintColour(icc)));
    Press kdp = PressBookTest.presses().get("kdp");
    assertTrue(Preflight.check(fixed, new Preflight.Options(kdp, false)).stream().noneMatch(f -> f.rule().equals("press-device-rgb")));
    try (PDDocument doc = Loader.loadPDF(fixed)) {
      Paint p = Paint.of(doc);
      assertEquals(List.of(), p.rgb);
      assertEquals(List.of("ICCBased"), p.images, "the image is tagged sRGB, its pixels kept");
      assertEquals(1, p.chromaticCmyk, "red became CMYK");
    }
  }
}
