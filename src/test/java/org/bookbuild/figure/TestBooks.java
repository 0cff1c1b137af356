package org.bookbuild.figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.bookbuild.io.DiskWorld;

/** Copies a test project from src/test/resources into a temporary folder and opens it as a World. */
final class TestBooks {
  private TestBooks() {}

  static DiskWorld copy(String name, Path to) throws IOException {
    Path from = Path.of("src/test/resources", name).toAbsolutePath();
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return new DiskWorld(to, Map.of());
  }

  static void delete(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(q);
    }
  }
}
