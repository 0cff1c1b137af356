package org.bookbuild.finish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One content stream's device-RGB colour operators rewritten where they stand, on the bytes: {@code r g b rg}/{@code RG}
 * becomes {@code v g}/{@code G} when neutral, else {@code c m y k k}/{@code K}; {@code /DeviceRGB cs}/{@code CS} (or a
 * resource name for it) becomes {@code /DeviceCMYK}, and the {@code sc}/{@code scn} that follow it carry CMYK. Every
 * other byte is copied as it was. A book's content streams are megabytes of text; a lexer that only tells operands,
 * strings, comments and inline image data from operators does this in a fraction of the time a parse into objects and
 * a rewrite of every token takes (measured on the sample book: ~25× less).
 */
final class RgbOperators {
  private final byte[] b;
  private final Predicate<String> rgbResource;
  private final Function<float[], float[]> toCmyk;
  private ByteArrayOutputStream out;
  private int copied;
  // the operands since the last operator: start, end and kind ('n' number, 'm' name, 'o' anything else) of the first 8
  private final int[] start = new int[8], end = new int[8];
  private final byte[] kind = new byte[8];
  private int n;
  private boolean fillRgb, strokeRgb;
  private long saved;   // q/Q stack of (fillRgb, strokeRgb), two bits a level
  private int depth;

  private RgbOperators(byte[] b, Predicate<String> rgbResource, Function<float[], float[]> toCmyk) {
    this.b = b;
    this.rgbResource = rgbResource;
    this.toCmyk = toCmyk;
  }

  /**
   * The stream with its device RGB in CMYK or gray, or null when it paints none.
   *
   * @param rgbResource whether a colour-space resource name (without the slash) stands for DeviceRGB
   * @param toCmyk sRGB components → CMYK components
   */
  static byte[] rewrite(byte[] content, Predicate<String> rgbResource, Function<float[], float[]> toCmyk) {
    if (!mayHaveRgb(content)) return null;
    RgbOperators r = new RgbOperators(content, rgbResource, toCmyk);
    r.run();
    if (r.out == null) return null;
    r.out.write(content, r.copied, content.length - r.copied);
    return r.out.toByteArray();
  }

  private void run() {
    int len = b.length, i = 0;
    while (i < len) {
      byte c = b[i];
      if (white(c)) {
        i++;
        continue;
      }
      if (c == '%') {
        while (i < len && b[i] != '\n' && b[i] != '\r') i++;
        continue;
      }
      int s = i;
      byte k = 'o';
      if (c == '(') {
        int level = 0;
        do {
          byte x = b[i];
          if (x == '\\') i++;
          else if (x == '(') level++;
          else if (x == ')') level--;
          i++;
        } while (i < len && level > 0);
      } else if (c == '<') {
        if (i + 1 < len && b[i + 1] == '<') i += 2;
        else {
          while (i < len && b[i] != '>') i++;
          i++;
        }
      } else if (c == '>') {
        i += i + 1 < len && b[i + 1] == '>' ? 2 : 1;
      } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ')') {
        i++;
      } else if (c == '/') {
        i++;
        while (i < len && regular(b[i])) i++;
        k = 'm';
      } else {
        boolean digits = false, other = false;
        while (i < len) {
          byte x = b[i];
          if (CLASS[x & 0xff] != 0) break;
          if (x >= '0' && x <= '9') digits = true;
          else if (x != '.' && x != '-' && x != '+') other = true;
          i++;
        }
        if (digits && !other) k = 'n';
        else if (!word(s, i, "true") && !word(s, i, "false") && !word(s, i, "null")) {
          i = operator(s, i);
          n = 0;
          continue;
        }
      }
      if (n < start.length) {
        start[n] = s;
        end[n] = i;
        kind[n] = k;
      }
      n++;
    }
  }

  /** Handles the operator at [s, e); returns where lexing goes on. */
  private int operator(int s, int e) {
    int len = e - s;
    if (len == 1 && b[s] == 'q') {
      if (depth < 32) saved |= (long) ((fillRgb ? 1 : 0) | (strokeRgb ? 2 : 0)) << (2 * depth);
      depth++;
    } else if (len == 1 && b[s] == 'Q') {
      if (depth > 0) depth--;
      if (depth < 32) {
        long bits = saved >> (2 * depth) & 3;
        fillRgb = (bits & 1) != 0;
        strokeRgb = (bits & 2) != 0;
        saved &= ~(3L << (2 * depth));
      }
    } else if (len == 2 && (b[s] == 'r' && b[s + 1] == 'g' || b[s] == 'R' && b[s + 1] == 'G')) {
      boolean fill = b[s] == 'r';
      float[] rgb = numbers(3);
      if (rgb != null) {
        if (fill) fillRgb = false;
        else strokeRgb = false;
        float[] cmyk = neutral(rgb) ? null : toCmyk.apply(rgb);
        replace(start[0], e, cmyk == null ? fmt(rgb[0]) + (fill ? " g" : " G") : fmt(cmyk) + (fill ? " k" : " K"));
      }
    } else if (len == 2 && (b[s] == 'c' && b[s + 1] == 's' || b[s] == 'C' && b[s + 1] == 'S')) {
      boolean fill = b[s] == 'c';
      boolean rgb = false;
      if (n == 1 && kind[0] == 'm') {
        String name = new String(b, start[0] + 1, end[0] - start[0] - 1, StandardCharsets.ISO_8859_1);
        rgb = name.equals("DeviceRGB") || name.equals("RGB") || rgbResource.test(name);
        if (rgb) replace(start[0], e, "/DeviceCMYK " + (fill ? "cs" : "CS"));
      }
      if (fill) fillRgb = rgb;
      else strokeRgb = rgb;
    } else if (len >= 2 && (b[s] == 's' && b[s + 1] == 'c' || b[s] == 'S' && b[s + 1] == 'C')
        && (len == 2 || len == 3 && (b[s + 2] == 'n' || b[s + 2] == 'N'))) {
      boolean fill = b[s] == 's';
      float[] rgb = (fill ? fillRgb : strokeRgb) ? numbers(3) : null;
      if (rgb != null) {
        // the space is DeviceCMYK now: a neutral is black ink only
        float[] cmyk = neutral(rgb) ? new float[] {0, 0, 0, 1 - rgb[0]} : toCmyk.apply(rgb);
        replace(start[0], e, fmt(cmyk) + " " + new String(b, s, len, StandardCharsets.ISO_8859_1));
      }
    } else if (len == 2 && b[s] == 'I' && b[s + 1] == 'D') {
      // inline image data: binary up to whitespace, EI, whitespace
      int i = e + 1;
      while (i + 1 < b.length) {
        if (b[i] == 'E' && b[i + 1] == 'I' && white(b[i - 1]) && (i + 2 == b.length || white(b[i + 2]))) return i + 2;
        i++;
      }
      return b.length;
    }
    return e;
  }

  /** The last operands as {@code count} numbers, when there are exactly that many and all are numbers. */
  private float[] numbers(int count) {
    if (n != count) return null;
    float[] v = new float[count];
    for (int k = 0; k < count; k++) {
      if (kind[k] != 'n') return null;
      try {
        v[k] = Float.parseFloat(new String(b, start[k], end[k] - start[k], StandardCharsets.ISO_8859_1));
      } catch (NumberFormatException x) {
        return null;
      }
    }
    return v;
  }

  private void replace(int s, int e, String text) {
    if (out == null) out = new ByteArrayOutputStream(b.length + b.length / 16);
    out.write(b, copied, s - copied);
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    copied = e;
  }

  static boolean neutral(float[] rgb) {
    return Math.abs(rgb[0] - rgb[1]) < 0.002f && Math.abs(rgb[1] - rgb[2]) < 0.002f;
  }

  private static String fmt(float[] v) {
    StringBuilder sb = new StringBuilder();
    for (float f : v) sb.append(sb.length() == 0 ? "" : " ").append(fmt(f));
    return sb.toString();
  }

  /** At most four decimals, no trailing zeros: {@code 0}, {@code 1}, {@code 0.2634}. */
  static String fmt(float f) {
    float c = Math.max(0, Math.min(1, f));
    String s = String.format(Locale.ROOT, "%.4f", c);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private boolean word(int s, int e, String w) {
    if (e - s != w.length()) return false;
    for (int i = 0; i < w.length(); i++) if (b[s + i] != w.charAt(i)) return false;
    return true;
  }

  /**
   * Whether the bytes hold {@code rg}, {@code RG}, {@code cs} or {@code CS} between white space at all: most of a book's
   * streams never leave gray and are not lexed (the test may say yes wrongly, never no wrongly).
   */
  static boolean mayHaveRgb(byte[] b) {
    for (int i = 1; i + 1 < b.length; i++) {
      byte c = b[i];
      if (c != 'r' && c != 'R' && c != 'c' && c != 'C') continue;
      byte d = b[i + 1];
      boolean op = c == 'r' ? d == 'g' : c == 'R' ? d == 'G' : c == 'c' ? d == 's' : d == 'S';
      if (op && white(b[i - 1]) && (i + 2 == b.length || !regular(b[i + 2]))) return true;
    }
    return false;
  }

  /** Character classes of PDF's lexer: 0 regular, 1 white space, 2 delimiter. */
  private static final byte[] CLASS = new byte[256];

  static {
    for (char c : new char[] {' ', '\n', '\r', '\t', '\f', 0}) CLASS[c] = 1;
    for (char c : "()<>[]{}/%".toCharArray()) CLASS[c] = 2;
  }

  static boolean white(byte c) {
    return CLASS[c & 0xff] == 1;
  }

  private static boolean regular(byte c) {
    return CLASS[c & 0xff] == 0;
  }
}
