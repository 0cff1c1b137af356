package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.StyleLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raster pictures reach the PDF with their pixels, and notebook plots (RGBA PNGs) go in as their own compressed data
 * rather than decoded and copied pixel by pixel, which was most of the join of a plot-heavy book.
 */
class RasterEmbedTest {
  @TempDir Path dir;
  private final List<PDDocument> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (PDDocument d : open) d.close();
  }

  @Test
  void anRgbaPlotIsEmbeddedFromItsPngDataWithItsAlphaAsSoftMask() throws Exception {
    BufferedImage plot = paint(new BufferedImage(41, 30, BufferedImage.TYPE_INT_ARGB));
    write(plot, "plot.png", false);
    Map<Integer, PDImageXObject> images = render("plot.png");
    PDImageXObject x = images.get(41);
    COSDictionary parms = (COSDictionary) x.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS);
    assertNotNull(parms, "decoded and written again as bare samples: " + x.getCOSObject());
    assertEquals(15, parms.getInt(COSName.PREDICTOR), "the PNG's own row filters are kept");
    assertNotNull(x.getCOSObject().getDictionaryObject(COSName.SMASK), "the alpha channel becomes a soft mask");
    assertSamePixels(plot, x);
  }

  @Test
  void aGreyPlotWithAlphaAndAPictureDrawnTwiceKeepTheirSoftMasks() throws Exception {
    ComponentColorModel ga = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
        Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
    BufferedImage grey = new BufferedImage(ga, ga.createCompatibleWritableRaster(46, 30), false, null);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 46; x++) {
        grey.getRaster().setSample(x, y, 0, (x * 5 + y * 3) & 0xff);
        grey.getRaster().setSample(x, y, 1, 40 + x * 4);
      }
    }
    write(grey, "grey.png", false);
    write(paint(new BufferedImage(47, 30, BufferedImage.TYPE_INT_ARGB)), "twice.png", false);
    Map<Integer, PDImageXObject> images = render("grey.png", "twice.png", "twice.png");
    PDImageXObject g = images.get(46);
    assertNotNull(g.getCOSObject().getDictionaryObject(COSName.SMASK), "the grey picture's alpha is its soft mask");
    for (int y = 0; y < 30; y += 7) {
      for (int x = 0; x < 46; x += 5) {
        int want = grey.getRaster().getSample(x, y, 0), alpha = grey.getRaster().getSample(x, y, 1);
        int got = g.getImage().getRGB(x, y);
        assertTrue(Math.abs(((got >> 8) & 0xff) - want) <= 1 && Math.abs((got >>> 24) - alpha) <= 1,
            "grey pixel " + x + "," + y + ": " + want + "/" + alpha + " printed as " + Integer.toHexString(got));
      }
    }
    PDImageXObject twice = images.get(47);
    assertNotNull(twice.getCOSObject().getDictionaryObject(COSName.SMASK), "drawn twice, masked once and for both");
    assertSamePixels(paint(new BufferedImage(47, 30, BufferedImage.TYPE_INT_ARGB)), twice);
  }

  @Test
  void pngKindsTheRawPathRefusesStillPrintWithTheirPixels() throws Exception {
    ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
    BufferedImage rgb16 = paint(sixteenBit(srgb, false, 42));
    BufferedImage rgba16 = paint(sixteenBit(srgb, true, 43));
    BufferedImage interlaced = paint(new BufferedImage(44, 30, BufferedImage.TYPE_INT_ARGB));
    write(rgb16, "rgb16.png", false);
    write(rgba16, "rgba16.png", false);
    write(interlaced, "interlaced.png", true);
    Map<Integer, PDImageXObject> images = render("rgb16.png", "rgba16.png", "interlaced.png");
    assertSamePixels(rgb16, images.get(42));
    assertSamePixels(rgba16, images.get(43));
    assertSamePixels(interlaced, images.get(44));
  }

  @Test
  void aPalettePngWithPartlyTransparentEntriesKeepsItsColoursAndAlpha() throws Exception {
    // as diagram tools write them: 8 bits per index, a palette of 100 colours, alpha for the first 40 entries only
    int size = 100;
    byte[] r = new byte[size], g = new byte[size], b = new byte[size], a = new byte[size];
    for (int k = 0; k < size; k++) {
      r[k] = (byte) (k * 2);
      g[k] = (byte) (255 - k * 2);
      b[k] = (byte) (k * 7);
      a[k] = (byte) (k < 40 ? k * 6 : 255);
    }
    BufferedImage diagram = new BufferedImage(45, 30, BufferedImage.TYPE_BYTE_INDEXED,
        new java.awt.image.IndexColorModel(8, size, r, g, b, a));
    for (int y = 0; y < 30; y++) for (int x = 0; x < 45; x++) diagram.getRaster().setSample(x, y, 0, (x * 3 + y) % size);
    write(diagram, "diagram.png", false);
    assertSamePixels(diagram, render("diagram.png").get(45));
  }

  /** Lays the images out on one page; the pictures on it by width (soft masks left out). */
  private Map<Integer, PDImageXObject> render(String... files) throws Exception {
    StringBuilder body = new StringBuilder();
    for (String f : files) {
      body.append("<fo:block>").append(f).append("<fo:external-graphic src=\"url(project:").append(f).append(")\"/></fo:block>");
    }
    String fo = "<?xml version=\"1.0\"?><fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"><fo:layout-master-set>"
        + "<fo:simple-page-master master-name=\"p\" page-width=\"200mm\" page-height=\"200mm\"><fo:region-body/></fo:simple-page-master>"
        + "</fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\" font-family=\"CMU Serif\">"
        + body + "</fo:flow></fo:page-sequence></fo:root>";
    DiskWorld w = DiskWorld.of(dir);
    Metadata meta = new Metadata("T", "", List.of(), "2026-01-01", "", "", "", "en", List.of(), "");
    Diagnostics diags = new Diagnostics();
    byte[] pdf = Renderer.render(fo, StyleLoader.load(w, "default", "en"), w, meta, new Date(0), diags);
    assertFalse(diags.hasErrors(), diags.all().toString());
    Map<Integer, PDImageXObject> byWidth = new HashMap<>();
    PDDocument doc = Loader.loadPDF(pdf);
    open.add(doc);
    PDResources res = doc.getPage(0).getResources();
    for (COSName n : res.getXObjectNames()) {
      PDImageXObject x = (PDImageXObject) res.getXObject(n);
      if (x.getCOSObject().getDictionaryObject(COSName.SMASK) != null || !byWidth.containsKey(x.getWidth())) {
        byWidth.put(x.getWidth(), x);
      }
    }
    assertEquals(new java.util.HashSet<>(List.of(files)).size(), byWidth.size(), "one picture for each file: " + byWidth.keySet());
    return byWidth;
  }

  private static void assertSamePixels(BufferedImage want, PDImageXObject got) throws Exception {
    BufferedImage back = got.getImage();
    assertEquals(want.getWidth(), back.getWidth());
    for (int y = 0; y < want.getHeight(); y += 7) {
      for (int x = 0; x < want.getWidth(); x += 5) {
        int a = want.getRGB(x, y), b = back.getRGB(x, y);
        for (int shift = 0; shift < 32; shift += 8) {
          int d = Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff));
          assertTrue(d <= 1, "pixel " + x + "," + y + " of the " + want.getWidth() + "-wide picture: "
              + Integer.toHexString(a) + " printed as " + Integer.toHexString(b));
        }
      }
    }
  }

  private static BufferedImage paint(BufferedImage img) {
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, ((40 + x * 5) << 24) | (x * 5 << 16) | (y * 7 << 8) | 90);
    }
    return img;
  }

  private static BufferedImage sixteenBit(ColorSpace cs, boolean alpha, int width) {
    ComponentColorModel cm = new ComponentColorModel(cs, alpha, false,
        alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    return new BufferedImage(cm, cm.createCompatibleWritableRaster(width, 30), false, null);
  }

  private void write(BufferedImage img, String name, boolean interlaced) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ImageWriteParam p = writer.getDefaultWriteParam();
    if (interlaced) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(dir.resolve(name).toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), p);
    }
    writer.dispose();
  }
}
