package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk split of a PNG's alpha channel, and the splits made ahead of the join from the pictures a FO names. */
class PngAlphaSplitTest {
  @TempDir Path dir;

  @Test
  void eachChannelKeepsItsRowsFilteredBytesWithTheRowsFilterInFront() throws Exception {
    BufferedImage img = new BufferedImage(13, 9, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 9; y++) for (int x = 0; x < 13; x++) img.setRGB(x, y, ((x * 19) << 24) | (x * 7 << 16) | (y * 11 << 8) | (x + y));
    PngAlphaSplit.Png png = PngAlphaSplit.Png.read(png(img));
    assertNotNull(png);
    assertEquals(4, png.components());
    byte[] raw = inflate(png.data(), 9 * (13 * 4 + 1));
    PngAlphaSplit.Split split = PngAlphaSplit.split(png.data(), 13, 9, 4);
    byte[] colour = inflate(split.colour(), 9 * (13 * 3 + 1));
    byte[] alpha = inflate(split.alpha(), 9 * (13 + 1));
    for (int y = 0; y < 9; y++) {
      int r = y * (13 * 4 + 1);
      assertEquals(raw[r], colour[y * (13 * 3 + 1)], "row " + y + "'s filter type leads its colour row");
      assertEquals(raw[r], alpha[y * 14], "and its alpha row");
      for (int x = 0; x < 13; x++) {
        for (int k = 0; k < 3; k++) assertEquals(raw[r + 1 + x * 4 + k], colour[y * (13 * 3 + 1) + 1 + x * 3 + k]);
        assertEquals(raw[r + 1 + x * 4 + 3], alpha[y * 14 + 1 + x]);
      }
    }
  }

  @Test
  void onlyEightBitPngsWithAnAlphaChannelAreTaken() throws Exception {
    assertNull(PngAlphaSplit.Png.read(png(new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB))), "no alpha: copied as it is");
    assertNull(PngAlphaSplit.Png.read(png(new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY))));
    assertNull(PngAlphaSplit.Png.read("not a png at all, but long enough to look".getBytes()));
  }

  @Test
  void theSplitsOfTheNamedPicturesAreMadeAheadAndFoundByTheJoin() throws Exception {
    BufferedImage img = new BufferedImage(31, 17, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 17; y++) for (int x = 0; x < 31; x++) img.setRGB(x, y, ((x * 8) << 24) | (y * 15 << 8) | 77);
    Files.write(dir.resolve("plot & co.png"), png(img));
    String fo = "<fo:block><fo:external-graphic src=\"url(project:plot%20&amp;%20co.png)\" content-width=\"3cm\"/></fo:block>";
    Resources res = new Resources(DiskWorld.of(dir), ResourceResolverFactory.createDefaultResourceResolver());
    PngAlphaSplit.Png png = PngAlphaSplit.Png.read(png(img));
    assertFalse(PngAlphaSplit.isKept(png.data(), 31, 17, 4));
    PngAlphaSplit.prefetch(fo, res).get(30, TimeUnit.SECONDS);
    assertTrue(PngAlphaSplit.isKept(png.data(), 31, 17, 4), "split ahead, from the FO's picture");
    PngAlphaSplit.Split ahead = PngAlphaSplit.splitKept(png.data(), 31, 17, 4);
    assertSame(ahead, PngAlphaSplit.splitKept(png.data(), 31, 17, 4), "the join takes the split made ahead");
  }

  private static byte[] png(BufferedImage img) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static byte[] inflate(byte[] d, int size) throws Exception {
    Inflater inf = new Inflater();
    inf.setInput(d);
    byte[] out = new byte[size];
    int n = 0;
    while (n < size && !inf.finished()) n += inf.inflate(out, n, size - n);
    inf.end();
    assertEquals(size, n);
    return out;
  }
}
