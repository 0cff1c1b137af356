package org.bookbuild;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.cli.Main;

/** Helpers for tests that build small books on disk through the real command line. */
public final class TestBooks {
  private TestBooks() {}

  /** What a command-line run left behind. */
  public record Run(int status, String stdout, String stderr) {}

  /** Writes files (path → text) under {@code dir}. */
  public static Path write(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }

  /** A minimal valid book.yml naming the given chapter files. */
  public static String bookYml(String license, String... chapters) {
    StringBuilder sb = new StringBuilder();
    sb.append("title: Test Book\nauthors:\n  - name: Ada Author\ndate: 2026-01-15\n");
    if (license != null) sb.append("license: ").append(license).append('\n');
    sb.append("toc:\n");
    for (String c : chapters) sb.append("  - file: ").append(c).append('\n');
    return sb.toString();
  }

  public static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
