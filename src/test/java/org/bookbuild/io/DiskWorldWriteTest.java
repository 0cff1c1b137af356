package org.bookbuild.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files: written whole then moved into place, with the permissions an ordinary new file gets (the umask). */
class DiskWorldWriteTest {
  @TempDir Path dir;

  @Test
  void writtenFilesGetTheUmaskPermissionsNotPrivateOnes() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    DiskWorld world = new DiskWorld(dir, Map.of());
    // what this process's umask gives any new file, measured rather than assumed
    Path reference = dir.resolve("reference.txt");
    Files.write(reference, new byte[] {1});
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);

    Path pdf = dir.resolve("out/book.pdf");
    world.writeAtomically(pdf, o -> o.write("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(expected, Files.getPosixFilePermissions(pdf));
    // replacing an existing output keeps to the same rule
    world.writeAtomically(pdf, o -> o.write("%PDF-2.0".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(expected, Files.getPosixFilePermissions(pdf));
    assertArrayEquals("%PDF-2.0".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(pdf));
    // a usual umask (022 or 002) leaves the file readable by others; 0600 would not be
    if (expected.contains(PosixFilePermission.OTHERS_READ)) {
      assertTrue(Files.getPosixFilePermissions(pdf).contains(PosixFilePermission.OTHERS_READ));
    }
  }

  @Test
  void aFailedWriteLeavesThePreviousFileAndNoPartFile() throws IOException {
    DiskWorld world = new DiskWorld(dir, Map.of());
    Path pdf = dir.resolve("book.pdf");
    world.writeAtomically(pdf, o -> o.write(1));
    assertThrows(IOException.class, () -> world.writeAtomically(pdf, o -> {
      o.write(2);
      throw new IOException("disk full");
    }));
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(pdf));
    try (var s = Files.list(dir)) {
      assertEquals(java.util.List.of(pdf), s.toList());
    }
  }
}
