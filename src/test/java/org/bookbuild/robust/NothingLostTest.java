package org.bookbuild.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.bookbuild.TestBooks;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8, acceptance 2: a failed build leaves the previous PDF byte-identical, and no partial files behind. */
class NothingLostTest {
  @TempDir Path dir;

  @Test
  void failedBuildsLeaveThePreviousPdfByteIdentical() throws IOException {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "a.md"), "a.md", "# A\n\nThe good edition.\n"));
    assertEquals(0, TestBooks.cli("build", dir.toString()).status());
    Path pdf = dir.resolve("out/test-book.pdf");
    byte[] good = Files.readAllBytes(pdf);

    // a warning under --strict: the build fails after FOP ran
    TestBooks.write(dir, Map.of("a.md", "# A\n\nNow with ![remote](https://example.com/x.png).\n"));
    TestBooks.Run strict = TestBooks.cli("build", dir.toString(), "--strict");
    assertEquals(1, strict.status(), strict.stderr());
    assertArrayEquals(good, Files.readAllBytes(pdf), "--strict failure kept the old PDF");

    // unusable configuration: the build stops before anything is written
    TestBooks.write(dir, Map.of("book.yml", "title: [unclosed\n"));
    assertEquals(2, TestBooks.cli("build", dir.toString()).status());
    assertArrayEquals(good, Files.readAllBytes(pdf), "configuration failure kept the old PDF");
    assertNoPartFiles(dir.resolve("out"));
  }

  @Test
  void aWriterThatFailsHalfWayLeavesTheTargetUntouched() throws IOException {
    DiskWorld w = DiskWorld.of(dir);
    Path target = dir.resolve("out/book.pdf");
    w.writeAtomically(target, o -> o.write("first complete version".getBytes()));
    IOException e = assertThrows(IOException.class, () -> w.writeAtomically(target, o -> {
      o.write("half of the new ver".getBytes());
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("first complete version", Files.readString(target));
    assertThrows(RuntimeException.class, () -> w.writeAtomically(target, o -> {
      o.write("partial".getBytes());
      throw new IllegalStateException("renderer crashed");
    }));
    assertEquals("first complete version", Files.readString(target));
    assertNoPartFiles(dir.resolve("out"));
  }

  private static void assertNoPartFiles(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(java.util.List.of(), s.filter(p -> p.getFileName().toString().endsWith(".part")).toList(), "temporary files left behind");
    }
  }
}
