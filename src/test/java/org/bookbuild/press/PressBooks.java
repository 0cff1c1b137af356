package org.bookbuild.press;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;

/**
 * The sample book built once per press and colour per test JVM (a build takes seconds on the shared machine), shared
 * by every test class that asserts on it.
 */
final class PressBooks {
  private PressBooks() {}

  record Built(Pipeline.Result result, Diagnostics diags, byte[] pdf) {}

  private static final Map<String, Built> CACHE = new ConcurrentHashMap<>();

  static synchronized Built sample(String press, String colour) {
    return CACHE.computeIfAbsent(press + "/" + colour, k -> {
      try {
        Path out = Files.createTempDirectory("press-" + press).resolve("book.pdf");
        Diagnostics d = new Diagnostics();
        Pipeline.Result r = Pipeline.build(new DiskWorld(Path.of("").toAbsolutePath(), Map.of("SOURCE_DATE_EPOCH", "1767225600")),
            new Pipeline.Request(out, false, press, colour), d);
        return new Built(r, d, r.pdf() == null ? null : Files.readAllBytes(r.pdf()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
