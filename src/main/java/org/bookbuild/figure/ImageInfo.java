package org.bookbuild.figure;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intrinsic size of a static image, read from its header only (PNG IHDR and pHYs, JPEG SOF and JFIF density, the
 * SVG root's width, height and viewBox), so a large photograph is never decoded just to be measured.
 *
 * @param format {@code png}, {@code jpeg} or {@code svg}
 * @param pixelWidth pixels across (0 for SVG)
 * @param pixelHeight pixels down (0 for SVG)
 * @param dpi the resolution the file states, or 0 when it states none
 * @param widthPt natural width in points (raster: pixels at the stated resolution, else at 72 per inch as FOP places them)
 * @param heightPt natural height in points
 */
public record ImageInfo(String format, int pixelWidth, int pixelHeight, double dpi, double widthPt, double heightPt) {
  /** Resolution assumed for raster files that state none: FOP's default source resolution, so sizes match the page. */
  public static final double DEFAULT_DPI = 72;

  public boolean isRaster() {
    return !format.equals("svg");
  }

  /** Reads the header; null when the bytes are not a PNG, JPEG or SVG this can measure. */
  public static ImageInfo probe(byte[] b) {
    if (b.length > 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return png(b);
    if (b.length > 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) return jpeg(b);
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8);
    if (head.contains("<svg")) return svg(head);
    return null;
  }

  private static ImageInfo png(byte[] b) {
    int w = int32(b, 16), h = int32(b, 20);
    double dpi = 0;
    int p = 8;
    while (p + 12 <= b.length) {
      int len = int32(b, p);
      String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
      if (type.equals("pHYs") && len >= 9 && p + 17 <= b.length && b[p + 16] == 1) {
        dpi = (int32(b, p + 8) & 0xffffffffL) * 0.0254; // pixels per metre
      }
      if (type.equals("IDAT") || type.equals("IEND") || len < 0) break;
      p += 12 + len;
    }
    return raster("png", w, h, dpi);
  }

  private static ImageInfo jpeg(byte[] b) {
    int p = 2;
    double dpi = 0;
    while (p + 4 <= b.length) {
      if ((b[p] & 0xff) != 0xFF) {
        p++;
        continue;
      }
      int marker = b[p + 1] & 0xff;
      if (marker == 0xFF) {
        p++;
        continue;
      }
      int len = int16(b, p + 2);
      if (marker == 0xE0 && p + 18 <= b.length && new String(b, p + 4, 4, StandardCharsets.ISO_8859_1).equals("JFIF")) {
        int unit = b[p + 11] & 0xff, dx = int16(b, p + 12);
        if (unit == 1) dpi = dx;
        else if (unit == 2) dpi = dx * 2.54;
      }
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof && p + 9 <= b.length) return raster("jpeg", int16(b, p + 7), int16(b, p + 5), dpi);
      p += 2 + len;
    }
    return null;
  }

  private static ImageInfo raster(String format, int w, int h, double dpi) {
    if (w <= 0 || h <= 0) return null;
    double d = dpi > 0 ? dpi : DEFAULT_DPI;
    return new ImageInfo(format, w, h, dpi, w * 72 / d, h * 72 / d);
  }

  private static ImageInfo svg(String head) {
    Matcher root = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL).matcher(head);
    if (!root.find()) return null;
    String tag = root.group();
    double w = length(attr(tag, "width")), h = length(attr(tag, "height"));
    String vb = attr(tag, "viewBox");
    if ((w <= 0 || h <= 0) && vb != null) {
      String[] v = vb.trim().split("[\\s,]+");
      if (v.length == 4) {
        double vw = Double.parseDouble(v[2]), vh = Double.parseDouble(v[3]);
        if (w > 0) h = w * vh / vw;
        else if (h > 0) w = h * vw / vh;
        else {
          w = vw * 0.75;
          h = vh * 0.75;
        }
      }
    }
    if (w <= 0 || h <= 0) return new ImageInfo("svg", 0, 0, 0, 0, 0);
    return new ImageInfo("svg", 0, 0, 0, w, h);
  }

  private static String attr(String tag, String name) {
    Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*[\"']([^\"']*)[\"']").matcher(tag);
    return m.find() ? m.group(1) : null;
  }

  /** An SVG length in points; user units and px count 0.75 pt (96 per inch); percentages are unknown (0). */
  private static double length(String s) {
    if (s == null) return 0;
    Matcher m = Pattern.compile("\\s*([0-9.]+)\\s*([a-z%]*)\\s*").matcher(s.toLowerCase(Locale.ROOT));
    if (!m.matches()) return 0;
    double v;
    try {
      v = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      return 0;
    }
    return switch (m.group(2)) {
      case "pt" -> v;
      case "in" -> v * 72;
      case "cm" -> v * 72 / 2.54;
      case "mm" -> v * 72 / 25.4;
      case "pc" -> v * 12;
      case "", "px" -> v * 0.75;
      default -> 0;
    };
  }

  private static int int32(byte[] b, int p) {
    return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
  }

  private static int int16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }
}
