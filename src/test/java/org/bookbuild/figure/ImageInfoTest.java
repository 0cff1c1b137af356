package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.junit.jupiter.api.Test;

/** Image sizes come from headers alone, in the units FOP will use when placing the image. */
class ImageInfoTest {
  private static byte[] encode(int w, int h, String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  @Test
  void pngWithoutResolutionIsPlacedAt72Dpi() throws Exception {
    ImageInfo i = ImageInfo.probe(encode(640, 480, "png"));
    assertEquals("png", i.format());
    assertEquals(640, i.pixelWidth());
    assertEquals(480, i.pixelHeight());
    assertEquals(0, i.dpi());
    assertEquals(640, i.widthPt(), 1e-9);
  }

  @Test
  void pngPhysChunkGivesItsResolution() throws Exception {
    byte[] png = encode(600, 300, "png");
    // insert a pHYs chunk of 300 dpi (11811 pixels per metre) right after IHDR (8 + 25 bytes)
    byte[] phys = {0, 0, 0, 9, 'p', 'H', 'Y', 's', 0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1, 0, 0, 0, 0};
    byte[] b = new byte[png.length + phys.length];
    System.arraycopy(png, 0, b, 0, 33);
    System.arraycopy(phys, 0, b, 33, phys.length);
    System.arraycopy(png, 33, b, 33 + phys.length, png.length - 33);
    ImageInfo i = ImageInfo.probe(b);
    assertEquals(300, i.dpi(), 0.01);
    assertEquals(144, i.widthPt(), 0.01);
  }

  @Test
  void jpegSizeComesFromItsFrameHeader() throws Exception {
    ImageInfo i = ImageInfo.probe(encode(1234, 567, "jpeg"));
    assertEquals("jpeg", i.format());
    assertEquals(1234, i.pixelWidth());
    assertEquals(567, i.pixelHeight());
  }

  @Test
  void svgUnitsAndViewBox() {
    ImageInfo a = ImageInfo.probe("<svg xmlns='http://www.w3.org/2000/svg' width='2in' height='1in'/>".getBytes(StandardCharsets.UTF_8));
    assertEquals(144, a.widthPt(), 1e-9);
    assertFalse(a.isRaster());
    ImageInfo b = ImageInfo.probe("<?xml version='1.0'?><svg viewBox=\"0 0 400 200\" xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8));
    assertEquals(300, b.widthPt(), 1e-9);
    assertEquals(150, b.heightPt(), 1e-9);
  }

  @Test
  void notAnImage() {
    assertNull(ImageInfo.probe("hello".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void resolutionWarningNamesTheFileAndTheWidthThatWouldDo() throws Exception {
    ImageInfo i = ImageInfo.probe(encode(600, 300, "png"));
    Diagnostics d = new Diagnostics();
    FigureEngine.checkResolution("img/photo.png", i, 144, SourcePos.of("c.md", 4, 1), d);
    assertEquals(List.of(), d.all(), "600 px over 2 in is 300 dpi");
    FigureEngine.checkResolution("img/photo.png", i, 288, SourcePos.of("c.md", 4, 1), d);
    assertEquals(1, d.byRule("image-resolution").size());
    assertTrue(d.all().get(0).message().contains("img/photo.png"));
    assertTrue(d.all().get(0).message().contains("150 dpi"), d.all().get(0).message());
    assertTrue(d.all().get(0).hint().contains("1200 pixels"), d.all().get(0).hint());
  }
}
