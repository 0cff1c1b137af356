package org.bookbuild.fo.myst;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as SVG: one rectangle per horizontal run of dark modules, in a view box one unit per module, so that it
 * prints sharp at any size. Encoded with ZXing at error-correction level M and a four-module quiet zone.
 */
final class QrSvg {
  private QrSvg() {}

  /** The SVG element text, or null when the text is too long for a QR code. */
  static String svg(String text, String size, String colour) {
    BitMatrix m;
    try {
      m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException | IllegalArgumentException e) {
      return null;
    }
    int w = m.getWidth();
    int h = m.getHeight();
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size)
        .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" shape-rendering=\"crispEdges\">");
    sb.append("<rect width=\"").append(w).append("\" height=\"").append(h).append("\" fill=\"#ffffff\"/>");
    sb.append("<path fill=\"").append(colour).append("\" d=\"");
    for (int y = 0; y < h; y++) {
      int x = 0;
      while (x < w) {
        if (!m.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < w && m.get(x, y)) x++;
        sb.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
            .append(x - start).append('z');
      }
    }
    sb.append("\"/></svg>");
    return sb.toString();
  }
}
