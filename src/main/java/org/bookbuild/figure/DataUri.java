package org.bookbuild.figure;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.io.World;

/**
 * Pictures carried inside their address, {@code data:image/png;base64,…}: notebooks embed them in Markdown cells
 * ({@code ![](data:…)}) and in HTML outputs ({@code <img src="data:…">}, IPython's {@code Image(embed=True)} shown as
 * HTML). The bytes are written once into the build's cache, named by their hash, and placed from there like any other
 * generated picture.
 */
public final class DataUri {
  private static final Pattern URI = Pattern.compile(
      "(?is)^data:image/(png|jpeg|jpg|gif|svg\\+xml)((?:;(?!base64[;,])[^;,]*)*)(;base64)?,(.*)$");

  /** The cache folder for pictures taken out of data addresses. */
  public static final String CACHE = "out/.cache/data/";

  private DataUri() {}

  /** Whether the address is a data address of a picture (decodable or not). */
  public static boolean isImage(String src) {
    return src != null && src.regionMatches(true, 0, "data:image/", 0, 11);
  }

  /** A picture taken out of its address: the cached file and its size in points (0 when unknown). */
  public record Stored(Path file, double widthPt, double heightPt) {}

  /**
   * Writes the picture of a data address into the cache and returns it, or null when the address is not a picture
   * this tool can place or cannot be decoded.
   */
  public static Stored store(World world, String src) throws IOException {
    Matcher m = URI.matcher(src.strip());
    if (!m.matches()) return null;
    String type = m.group(1).toLowerCase(Locale.ROOT);
    byte[] bytes;
    try {
      bytes = m.group(3) != null ? Base64.getMimeDecoder().decode(m.group(4).strip())
          : URLDecoder.decode(m.group(4).replace("+", "%2B"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length == 0) return null;
    String ext = switch (type) {
      case "svg+xml" -> "svg";
      case "jpg", "jpeg" -> "jpg";
      default -> type;
    };
    if (ext.equals("svg")) {
      bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst("(?s)<!DOCTYPE[^>]*>", "").getBytes(StandardCharsets.UTF_8);
    }
    String rel = CACHE + hash(bytes) + "." + ext;
    Path p = world.outputPath(rel);
    if (!world.exists(rel)) {
      byte[] b = bytes;
      world.writeAtomically(p, o -> o.write(b));
    }
    ImageInfo info = ImageInfo.probe(bytes);
    return new Stored(p, info == null ? 0 : info.widthPt(), info == null ? 0 : info.heightPt());
  }

  private static String hash(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
