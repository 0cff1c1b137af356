package org.bookbuild.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bookbuild.io.SourceVersion;

/**
 * {@code manifest.json} of a release folder: the tag, version, commit and date, and for every edition's PDF its file
 * name, edition, SHA-256, size and page count. Written with a fixed key order and no time of writing, so two
 * releases from the same tag give the same bytes.
 */
public final class Release {
  private Release() {}

  /** One released file. */
  public record Entry(String edition, Path pdf) {}

  public static byte[] manifest(String tag, SourceVersion v, List<Entry> files) throws IOException {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"tag\": ").append(q(tag)).append(",\n");
    sb.append("  \"version\": ").append(q(v.version())).append(",\n");
    sb.append("  \"commit\": ").append(q(v.commit())).append(",\n");
    sb.append("  \"date\": ").append(q(Releases.day(v.date()))).append(",\n");
    sb.append("  \"files\": [");
    List<String> items = new ArrayList<>();
    for (Entry e : files) {
      byte[] b = Files.readAllBytes(e.pdf());
      int pages;
      try (PDDocument d = Loader.loadPDF(b)) {
        pages = d.getNumberOfPages();
      }
      items.add("\n    {\"file\": " + q(e.pdf().getFileName().toString()) + ", \"edition\": " + q(e.edition())
          + ", \"sha256\": " + q(sha256(b)) + ", \"bytes\": " + b.length + ", \"pages\": " + pages + "}");
    }
    sb.append(String.join(",", items)).append(files.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.append('"').toString();
  }
}
