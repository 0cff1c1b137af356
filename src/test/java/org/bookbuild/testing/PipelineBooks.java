package org.bookbuild.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;

/** Builds a small book written into a temporary folder through the real pipeline (parse → FO → FOP → finish). */
public final class PipelineBooks {
  private PipelineBooks() {}

  /** What one build gave: the result, every diagnostic, and the FO text the writer produced. */
  public record Built(Pipeline.Result result, Diagnostics diags, String fo) {
    public List<Diagnostic> rule(String id) {
      return diags.byRule(id);
    }

    public Path pdf() {
      return result.pdf();
    }
  }

  /** Writes {@code files} (project path → text) under {@code dir} and builds the book. */
  public static Built build(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
    Diagnostics diags = new Diagnostics();
    Path out = dir.resolve("out/book.pdf");
    Pipeline.Result r = Pipeline.build(new DiskWorld(dir, Map.of("SOURCE_DATE_EPOCH", "1767225600")),
        new Pipeline.Request(out, false), diags);
    Path fo = dir.resolve("out/book.fo");
    return new Built(r, diags, Files.exists(fo) ? Files.readString(fo) : "");
  }

  /** A book.yml with the given extra lines and chapter files. */
  public static String bookYml(String extra, String... chapters) {
    StringBuilder sb = new StringBuilder("title: Test Book\nauthors:\n  - name: Ada Author\ndate: 2026-01-15\n");
    sb.append("license: CC-BY-4.0\n").append(extra);
    if (!extra.isEmpty() && !extra.endsWith("\n")) sb.append('\n');
    sb.append("toc:\n");
    for (String c : chapters) sb.append("  - file: ").append(c).append('\n');
    return sb.toString();
  }
}
