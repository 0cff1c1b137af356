package org.bookbuild.parse.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A small grey PNG, made once, for cases that name an image file. Wide enough to print sharply at a small size. */
final class Png {
  private static byte[] bytes;

  private Png() {}

  static synchronized byte[] small() {
    if (bytes != null) return bytes;
    BufferedImage im = new BufferedImage(1200, 800, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 800; y++) for (int x = 0; x < 1200; x++) im.getRaster().setSample(x, y, 0, 100 + x / 12);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(im, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes = out.toByteArray();
    return bytes;
  }
}
